using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.SelfCare;

public sealed record GoalView(Guid Id, Goal Goal, int DaysThisWeek);

public sealed record SelfCareView(
    DateOnly Today,
    DateOnly Day,
    DayEntry Entry,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<WeekSummary> Weeks,
    string? MyLineThisWeek,
    IReadOnlyList<(DateOnly Week, string Line)> PartnersLines,
    bool HasPartner
);

/// <summary>The member's own log for a day (today unless a day of the last week is asked for), goals and trends, and the partner's shared
/// lines only.</summary>
public sealed class ViewSelfCare(AppDbContext db, CurrentMember current, SelfCareStore store, Sealer sealer)
{
    public const int WeeksShown = 12;

    public async Task<SelfCareView> HandleAsync(DateOnly? day, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var today = await store.TodayAsync(cancellationToken);
        var chosen = day is { } d && SelfCareStore.MayLog(d, today) ? d : today;
        var thisWeek = Talk.WeeklyCheckIns.WeekOf(today);
        var days = await store.DaysAsync(viewer.MemberId, thisWeek.AddDays(-7 * (WeeksShown - 1)), cancellationToken);
        var goals = new List<GoalView>();
        foreach (
            var row in await db
                .SelfCareGoals.AsNoTracking()
                .Where(g => g.OwnerId == viewer.MemberId)
                .OrderBy(g => g.CreatedAt)
                .ToListAsync(cancellationToken)
        )
        {
            if (
                await sealer.OpenAsync(row.Goal, row.PlaceOf(nameof(SelfCareGoal.Goal)), cancellationToken) is { } text
                && JsonSerializer.Deserialize<Goal>(text, SelfCareStore.Json) is { } goal
            )
            {
                goals.Add(new GoalView(row.Id, goal, SelfCareRules.DaysMet(goal, days, thisWeek)));
            }
        }

        string? mine = null;
        var theirs = new List<(DateOnly, string)>();
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        if (viewer.CoupleId is { } coupleId)
        {
            var since = thisWeek.AddDays(-7);
            foreach (
                var share in await db
                    .SelfCareShares.AsNoTracking()
                    .Where(s => s.CoupleId == coupleId && s.Week >= since)
                    .OrderByDescending(s => s.Week)
                    .ToListAsync(cancellationToken)
            )
            {
                var line = await sealer.OpenAsync(share.Line, share.PlaceOf(nameof(SelfCareShare.Line)), cancellationToken) ?? "";
                if (share.OwnerId == viewer.MemberId && share.Week == thisWeek)
                {
                    mine = line;
                }
                else if (share.OwnerId == partnerId)
                {
                    theirs.Add((share.Week, line));
                }
            }
        }

        return new SelfCareView(
            today,
            chosen,
            days.GetValueOrDefault(chosen) ?? DayEntry.Empty,
            goals,
            SelfCareRules.Weeks(days, thisWeek, WeeksShown),
            mine,
            theirs,
            partnerId is not null
        );
    }
}
