using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Progress;

/// <summary>One week's closeness pulse: the member's own, and the partner's only where both did that week's check-in.</summary>
public sealed record PulseWeek(DateOnly Week, int Mine, int? Partners);

/// <summary>How many of the plan's steps of one plan week the member ticked.</summary>
public sealed record PlanWeekDone(int Week, int Done, int Steps);

/// <summary>
/// Everything the progress page shows. The couple parts come only from what the other areas
/// already show both partners; the private parts are the member's own and only theirs.
/// </summary>
public sealed record ProgressView(
    bool InCouple,
    bool HasPartner,
    IReadOnlyList<PulseWeek> Pulses,
    IReadOnlyList<(DateOnly Week, bool Together)> WeeksTogether,
    IReadOnlyList<(DateOnly Week, int Count)> AnsweredTogether,
    IReadOnlyList<CompletedCheck> Checks,
    IReadOnlyList<PlanWeekDone> Plan,
    CoupleMapView? Map
);

/// <summary>
/// Progress only reads: every number comes through the owning area's handler (or, for daily
/// answers, through the one visibility rule), so nothing shows here that the area itself would hide.
/// </summary>
public sealed class GetProgress(
    AppDbContext db,
    CurrentMember current,
    WeeklyCheckIns checkIns,
    TodaysQuestion days,
    GetWeeksTogether weeksTogether,
    MyChecks checks,
    GetMyPlan plans,
    GetCoupleMap map
)
{
    public const int Weeks = 12;

    /// <summary>A year of pulses at most: the chart stays readable and the page small.</summary>
    public const int PulseWeeks = 52;

    public async Task<ProgressView> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var mine = await checks.HandleAsync(cancellationToken);
        var plan = await plans.HandleAsync(cancellationToken);
        var planWeeks = plan is null
            ? []
            : plan.Plan.Weeks.Select(w => new PlanWeekDone(w.Week, w.Steps.Count(s => plan.Done.Contains(s.Key)), w.Steps.Count)).ToList();
        if (viewer.CoupleId is not { } coupleId)
        {
            return new ProgressView(false, false, [], [], [], mine.Completed, planWeeks, null);
        }

        var history = await checkIns.HistoryAsync(viewer.MemberId, cancellationToken);
        var pulses = history.Select(h => new PulseWeek(h.Week, h.Mine.Pulse, h.Partners?.Pulse)).TakeLast(PulseWeeks).ToList();
        var together = await weeksTogether.HandleAsync(Weeks, cancellationToken);
        var answered = partnerId is null ? [] : await AnsweredTogetherAsync(viewer, coupleId, cancellationToken);
        var mapView = partnerId is null ? null : await map.HandleAsync(cancellationToken);
        return new ProgressView(
            true,
            partnerId is not null,
            pulses,
            together,
            answered,
            mine.Completed,
            planWeeks,
            mapView?.Stage == MapStage.Ready ? mapView : null
        );
    }

    /// <summary>
    /// Per week (the last <see cref="Weeks"/>, this one last): daily questions both partners
    /// answered. Read through <c>VisibleTo</c>, so the partner's answer counts only once the
    /// member answered the same question too, exactly as the daily page would reveal it.
    /// </summary>
    private async Task<IReadOnlyList<(DateOnly Week, int Count)>> AnsweredTogetherAsync(
        Viewer viewer,
        Guid coupleId,
        CancellationToken cancellationToken
    )
    {
        var thisWeek = WeeklyCheckIns.WeekOf(await days.TodayAsync(cancellationToken));
        var first = thisWeek.AddDays(-7 * (Weeks - 1));
        var rows = await db
            .DailyAnswers.AsNoTracking()
            .VisibleTo(viewer)
            .Where(a => a.CoupleId == coupleId && !a.Skipped)
            .Join(
                db.DailyQuestions.Where(q => q.CoupleId == coupleId && q.Day >= first),
                a => a.DailyQuestionId,
                q => q.Id,
                (a, q) =>
                    new
                    {
                        q.Id,
                        q.Day,
                        a.OwnerId,
                    }
            )
            .ToListAsync(cancellationToken);
        var both = rows.GroupBy(r => r.Id)
            .Where(g => g.Select(r => r.OwnerId).Distinct().Count() == 2 && g.Any(r => r.OwnerId == viewer.MemberId))
            .Select(g => WeeklyCheckIns.WeekOf(g.First().Day))
            .ToList();
        return Enumerable.Range(0, Weeks).Select(w => first.AddDays(7 * w)).Select(w => (w, both.Count(b => b == w))).ToList();
    }
}
