using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Repair;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Features.Understand;

namespace Rekindle.Web.Features.Support;

/// <summary>The member's suggestions, and whether they have taken the check yet.</summary>
public sealed record SupportView(bool HasCheck, IReadOnlyList<SupportSuggestion> Suggestions);

/// <summary>
/// Gathers the signed-in member's signals and applies <see cref="SupportRules"/>. Only the member's
/// own checks and check-in pulses are read, plus the Couple Map as both shared it and the count of
/// the couple's unresolved repairs (only the member's own follow-up answers): nothing of the
/// partner's wellbeing or safety answers, so a partner's page can never reflect them.
/// </summary>
public sealed class GetMySupport(
    CurrentMember current,
    MyChecks checks,
    GetCoupleMap map,
    WeeklyCheckIns checkIns,
    TodaysQuestion days,
    CountUnresolvedRepairs repairs
)
{
    public async Task<SupportView> HandleAsync(CancellationToken cancellationToken = default)
    {
        var history = await checks.HandleAsync(cancellationToken);
        var today = await days.TodayAsync(cancellationToken);
        var viewer = await current.ViewerAsync(cancellationToken);

        var pulses = new List<PulsePoint>();
        if (viewer.CoupleId is not null)
        {
            foreach (var (week, mine, _) in await checkIns.HistoryAsync(viewer.MemberId, cancellationToken))
            {
                pulses.Add(new PulsePoint(week, mine.Pulse));
            }
        }

        var latest = history.Latest;
        if (latest is null)
        {
            return new SupportView(false, SupportRules.Suggest(SupportSignals.None(today) with { Pulses = pulses }));
        }

        var mapView = await map.HandleAsync(cancellationToken);
        var strainedForBoth = mapView.Stage == MapStage.Ready ? mapView.Rows.Where(r => r.BothStrained).Select(r => r.Domain).ToList() : [];
        var lastTwo = history.Completed.TakeLast(2).ToList();
        var desireTwice =
            lastTwo.Count == 2
            && lastTwo.All(c =>
                c.Scores.Domains.TryGetValue(SupportRules.HealthAndDesire, out var score)
                && CheckScoring.Level(score) == StrainLevel.Strained
            );

        var signals = new SupportSignals(
            history.Completed.Select(c => new SatisfactionPoint(c.CompletedAt, c.Scores.Satisfaction)).ToList(),
            latest.Scores.Domains.Values.Count(v => CheckScoring.Level(v) == StrainLevel.Strained),
            latest.Scores.Wellbeing,
            latest.Scores.SafetyConcern,
            pulses,
            today,
            strainedForBoth,
            desireTwice,
            await repairs.HandleAsync(cancellationToken),
            latest.Scores.Hopeless
        );
        return new SupportView(true, SupportRules.Suggest(signals));
    }
}
