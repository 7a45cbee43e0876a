using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Talk;

public sealed record CheckInView(
    DateOnly WeekStart,
    IReadOnlyList<string> Prompts,
    bool HasPartner,
    CheckInAnswers? Mine,
    bool PartnerDone,
    CheckInAnswers? Partners
)
{
    public bool Revealed => Mine is not null && Partners is not null;
}

/// <summary>This week's check-in for the signed-in member: the partner's answers only once the member has done theirs.</summary>
public sealed class GetThisWeeksCheckIn(
    AppDbContext db,
    CurrentMember current,
    TodaysQuestion days,
    CheckInContent content,
    WeeklyCheckIns checkIns
)
{
    /// <summary>This week's view, or null when the member has no couple space yet.</summary>
    public async Task<CheckInView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is null)
        {
            return null;
        }

        var week = WeeklyCheckIns.WeekOf(await days.TodayAsync(cancellationToken));
        var prompt = CheckIn.PromptFor(week);
        var visible = await db.CheckIns.AsNoTracking().Where(c => c.PromptKey == prompt).VisibleTo(viewer).ToListAsync(cancellationToken);
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var partnerDone =
            partnerId is not null
            && await db.CheckIns.AnyAsync(
                c => c.OwnerId == partnerId && c.CoupleId == viewer.CoupleId && c.PromptKey == prompt,
                cancellationToken
            );
        var mine = visible.FirstOrDefault(c => c.OwnerId == viewer.MemberId);
        var theirs = visible.FirstOrDefault(c => c.OwnerId != viewer.MemberId);
        return new CheckInView(
            week,
            content.PromptsFor(week),
            partnerId is not null,
            mine is null ? null : await checkIns.OpenAsync(mine, cancellationToken),
            partnerDone,
            theirs is null ? null : await checkIns.OpenAsync(theirs, cancellationToken)
        );
    }
}
