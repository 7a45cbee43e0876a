using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Understand;

/// <summary>Which way a score moved between two checks, in words that describe and never judge.</summary>
public enum Change
{
    Better,
    AboutTheSame,
    Harder,
}

/// <summary>One measure then and now: a domain (higher is more strain), closeness (higher is closer) or wellbeing (higher is
/// a harder time).</summary>
public sealed record ChangeRow(string Key, string Name, int Then, int Now, Change Change, string Words);

public enum ChangesStage
{
    /// <summary>No finished check yet.</summary>
    NoCheck,

    /// <summary>One finished check: nothing to compare with yet.</summary>
    OneCheck,

    /// <summary>Two or more: the first beside the latest.</summary>
    Ready,
}

/// <summary>
/// The member's own checks then and now (decisions/0043): their earliest finished check beside their latest, domain by domain,
/// closeness and wellbeing, each with plain words. Only the member's own checks are read; the Couple Map comes only through
/// <see cref="GetCoupleMap"/>, so a partner's scores appear only as the map shows them, once both shared.
/// </summary>
public sealed record ChangesView(
    ChangesStage Stage,
    DateTime? ThenAt,
    DateTime? NowAt,
    IReadOnlyList<ChangeRow> Domains,
    ChangeRow? Closeness,
    ChangeRow? Wellbeing,
    CoupleMapView? Map
);

public sealed class GetChanges(MyChecks checks, GetCoupleMap map, CheckContent content)
{
    /// <summary>A move of fewer points than this (on 0-100) reads as "about the same": about one step on a few answers.</summary>
    public const int SameWithin = 10;

    public async Task<ChangesView> HandleAsync(CancellationToken cancellationToken = default)
    {
        var history = await checks.HandleAsync(cancellationToken);
        if (history.Completed.Count < 2)
        {
            return new ChangesView(
                history.Completed.Count == 0 ? ChangesStage.NoCheck : ChangesStage.OneCheck,
                history.Latest?.CompletedAt,
                null,
                [],
                null,
                null,
                null
            );
        }

        var (then, now) = (history.Completed[0], history.Completed[^1]);
        var domains = content
            .Domains.Where(d => then.Scores.Domains.ContainsKey(d.Key) && now.Scores.Domains.ContainsKey(d.Key))
            .Select(d => Strain(d.Key, d.Name, then.Scores.Domains[d.Key], now.Scores.Domains[d.Key]))
            .ToList();
        var closeness = Row(
            "satisfaction",
            content.Section("satisfaction").Name,
            then.Scores.Satisfaction,
            now.Scores.Satisfaction,
            higherIsBetter: true
        );
        var wellbeing = Row(
            "wellbeing",
            content.Section("wellbeing").Name,
            then.Scores.Wellbeing,
            now.Scores.Wellbeing,
            higherIsBetter: false
        );
        var theMap = await map.HandleAsync(cancellationToken);
        // The map as it stands now, only when both shared and the member's share is of their latest check.
        return new ChangesView(
            ChangesStage.Ready,
            then.CompletedAt,
            now.CompletedAt,
            domains,
            closeness,
            wellbeing,
            theMap is { Stage: MapStage.Ready, ISharedLatest: true } ? theMap : null
        );
    }

    /// <summary>The way a score moved: <paramref name="higherIsBetter"/> for closeness; strain and wellbeing are better lower.</summary>
    public static Change Compare(int then, int now, bool higherIsBetter)
    {
        var moved = higherIsBetter ? now - then : then - now;
        return moved >= SameWithin ? Change.Better
            : moved <= -SameWithin ? Change.Harder
            : Change.AboutTheSame;
    }

    private static ChangeRow Strain(string key, string name, int then, int now)
    {
        var change = Compare(then, now, higherIsBetter: false);
        return new ChangeRow(
            key,
            name,
            then,
            now,
            change,
            change switch
            {
                Change.Better => Text.Of("less strain"),
                Change.Harder => Text.Of("more strain"),
                _ => Text.Of("about the same"),
            }
        );
    }

    private static ChangeRow Row(string key, string name, int then, int now, bool higherIsBetter)
    {
        var change = Compare(then, now, higherIsBetter);
        var words = (key, change) switch
        {
            ("satisfaction", Change.Better) => Text.Of("feeling closer"),
            ("satisfaction", Change.Harder) => Text.Of("feeling less close"),
            (_, Change.Better) => Text.Of("an easier time"),
            (_, Change.Harder) => Text.Of("a harder time"),
            _ => Text.Of("about the same"),
        };
        return new ChangeRow(key, name, then, now, change, words);
    }
}
