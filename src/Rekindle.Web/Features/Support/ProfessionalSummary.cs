using System.Globalization;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.SelfCare;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Documents;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Support;

/// <summary>The parts a member may put in a summary for a professional; stored as flags in their security log.</summary>
[Flags]
public enum SummaryParts
{
    None = 0,
    Check = 1,
    Map = 2,
    SelfCare = 4,
    Pulse = 8,
}

/// <summary>The two forms a summary comes in; stored beside the parts in the security log.</summary>
public enum SummaryFormat
{
    Pdf = 16,
    Html = 32,
}

/// <summary>Why a summary was not made: a code for the page (never text from the request) and the part concerned.</summary>
public sealed record SummaryProblem(string Code, string? Part);

/// <summary>One part the summary page offers: whether there is anything to put in it yet, and why not.</summary>
public sealed record SummaryPartChoice(SummaryParts Part, string Key, string Name, string About, string? Unavailable);

/// <summary>
/// A summary to bring to a professional (decisions/0017): the member picks parts of their own,
/// the result is a <see cref="PrintDocument"/> with the date and what was included, written as a
/// PDF or an HTML page, and each one made is noted in the member's security log. Never included:
/// private notes, single answers, the safety questions, and anything the partner has not shared.
/// </summary>
public sealed class ProfessionalSummary(
    CurrentMember current,
    MyChecks checks,
    GetCoupleMap map,
    SelfCareJournal selfCare,
    WeeklyCheckIns checkIns,
    CheckContent content,
    Preferences preferences,
    Sessions sessions,
    TimeProvider clock)
{
    public const int Weeks = 12;

    public static string KeyOf(SummaryParts part) => part switch
    {
        SummaryParts.Check => "check",
        SummaryParts.Map => "map",
        SummaryParts.SelfCare => "self-care",
        SummaryParts.Pulse => "pulse",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    public static string NameOf(SummaryParts part) => part switch
    {
        SummaryParts.Check => "My Rough Patch Check results",
        SummaryParts.Map => "The Couple Map we both shared",
        SummaryParts.SelfCare => "My self-care trends",
        SummaryParts.Pulse => "My weekly closeness pulse",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>The parts in <paramref name="flags"/>, named, in the order a summary lists them (for the security log).</summary>
    public static IEnumerable<string> NamesIn(int flags) =>
        Enum.GetValues<SummaryParts>().Where(p => p != SummaryParts.None && (flags & (int)p) != 0).Select(NameOf);

    public async Task<IReadOnlyList<SummaryPartChoice>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        var data = await GatherAsync(cancellationToken);
        return
        [
            new(SummaryParts.Check, KeyOf(SummaryParts.Check), NameOf(SummaryParts.Check),
                "Your scores for the seven areas, how close you feel and how you've been, from your first and your latest check.",
                data.Checks.Count == 0 ? "You haven't finished the check yet." : null),
            new(SummaryParts.Map, KeyOf(SummaryParts.Map), NameOf(SummaryParts.Map),
                "The levels you and your partner chose to share with each other, side by side.",
                data.Map is null ? "This opens once you have both shared your check summaries." : null),
            new(SummaryParts.SelfCare, KeyOf(SummaryParts.SelfCare), NameOf(SummaryParts.SelfCare),
                $"Weekly averages of your sleep, movement, eating, stress and mood over the last {Weeks} weeks, and your goals. Never your notes.",
                data.SelfCareWeeks.Count == 0 && data.Goals.Count == 0 ? $"You haven't logged a day in the last {Weeks} weeks." : null),
            new(SummaryParts.Pulse, KeyOf(SummaryParts.Pulse), NameOf(SummaryParts.Pulse),
                $"How close you felt each week in your check-ins, over the last {Weeks} weeks. Only your own answers.",
                data.Pulses.Count == 0 ? "You haven't done a weekly check-in yet." : null),
        ];
    }

    /// <summary>
    /// Makes the summary of the chosen parts (keys as on the page) and notes it in the member's
    /// security log. When it cannot, says why as a <see cref="SummaryProblem"/> and logs nothing.
    /// </summary>
    public async Task<(PrintDocument? Document, SummaryProblem? Problem)> MakeAsync(IReadOnlyCollection<string> keys, SummaryFormat format, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        if (keys.Count == 0)
        {
            return (null, new SummaryProblem("choose", null));
        }

        var known = Enum.GetValues<SummaryParts>().Where(p => p != SummaryParts.None).ToDictionary(KeyOf);
        var parts = SummaryParts.None;
        foreach (var key in keys)
        {
            if (!known.TryGetValue(key, out var part))
            {
                return (null, new SummaryProblem("unknown", null));
            }

            parts |= part;
        }

        var choices = await ChoicesAsync(cancellationToken);
        if (choices.FirstOrDefault(c => parts.HasFlag(c.Part) && c.Unavailable is not null) is { } empty)
        {
            return (null, new SummaryProblem("empty", empty.Key));
        }

        var document = Build(await GatherAsync(cancellationToken), parts, clock.GetUtcNow().UtcDateTime);
        await sessions.RecordAsync(memberId, SecurityEventKind.SummaryMade, (int)parts | (int)format);
        return (document, null);
    }

    /// <summary>The message for a problem the page was sent back with; null for a code we never send.</summary>
    public static string? Message(string? code, string? part, IReadOnlyList<SummaryPartChoice> choices) => code switch
    {
        "choose" => "Choose at least one part to include.",
        "unknown" => "One of the parts chosen is not one we know. Please choose again.",
        "empty" => choices.FirstOrDefault(c => c.Key == part) is { Unavailable: { } why } choice
            ? $"{choice.Name}: there is nothing to include yet. {why}"
            : "One of the parts chosen has nothing in it yet. Please choose again.",
        _ => null,
    };

    private sealed record Gathered(
        TimeZoneInfo Zone,
        IReadOnlyList<CompletedCheck> Checks,
        CoupleMapView? Map,
        IReadOnlyList<WeekSummary> SelfCareWeeks,
        IReadOnlyList<Goal> Goals,
        IReadOnlyList<(DateOnly Week, int Pulse)> Pulses);

    private async Task<Gathered> GatherAsync(CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var mine = await checks.HandleAsync(cancellationToken);
        var zone = (await preferences.MineAsync(cancellationToken)).Zone();
        CoupleMapView? shared = null;
        var pulses = new List<(DateOnly, int)>();
        if (viewer.CoupleId is not null)
        {
            var view = await map.HandleAsync(cancellationToken);
            shared = view.Stage == MapStage.Ready ? view : null;
            pulses = (await checkIns.HistoryAsync(viewer.MemberId, cancellationToken)).Select(h => (h.Week, h.Mine.Pulse)).TakeLast(Weeks).ToList();
        }

        var care = await selfCare.ViewAsync(null, cancellationToken);
        return new Gathered(zone, mine.Completed, shared, care.Weeks.Where(w => w.Days > 0).ToList(), care.Goals.Select(g => g.Goal).ToList(), pulses);
    }

    private PrintDocument Build(Gathered data, SummaryParts parts, DateTime now)
    {
        var made = Day(now, data.Zone);
        var included = NamesIn((int)parts).ToList();
        var blocks = new List<DocBlock>
        {
            new DocParagraph($"Made on {made} by one partner, who chose what it includes: {string.Join("; ", included)}."),
            new DocParagraph("Nothing else is in it. Private notes, answers to single questions, the safety questions and anything the other partner has not chosen to share are never part of a summary. The check was written for Rekindle to help a couple talk; it is a starting point for a conversation, not a validated clinical measure.", Small: true),
        };
        if (parts.HasFlag(SummaryParts.Check))
        {
            blocks.AddRange(CheckPart(data));
        }

        if (parts.HasFlag(SummaryParts.Map) && data.Map is { } shared)
        {
            blocks.AddRange(MapPart(shared, data.Zone));
        }

        if (parts.HasFlag(SummaryParts.SelfCare))
        {
            blocks.AddRange(SelfCarePart(data));
        }

        if (parts.HasFlag(SummaryParts.Pulse))
        {
            blocks.AddRange(PulsePart(data));
        }

        return new PrintDocument("A summary to bring to a professional", blocks, $"Rekindle · made on {made} · private: share it only with whom you choose", now);
    }

    private IEnumerable<DocBlock> CheckPart(Gathered data)
    {
        var first = data.Checks[0];
        var latest = data.Checks[^1];
        yield return new DocHeading(NameOf(SummaryParts.Check));
        yield return new DocParagraph(data.Checks.Count == 1
            ? $"One check, finished on {Day(latest.CompletedAt, data.Zone)}."
            : $"{data.Checks.Count} checks: the first finished on {Day(first.CompletedAt, data.Zone)}, the latest on {Day(latest.CompletedAt, data.Zone)}.");
        yield return new DocParagraph(
            $"Each area is scored 0–100 from this partner's own answers; higher means more strain ({CheckScoring.SomeStrainFrom} and over: some strain; {CheckScoring.StrainedFrom} and over: strained). " +
            $"Closeness: 0–100, higher is closer. Wellbeing: 0–100, higher means a harder time lately; from {CheckScoring.WellbeingSupportFrom} we suggest seeing someone individually.",
            Small: true);

        IReadOnlyList<string> header = data.Checks.Count == 1
            ? ["Area", "Score", "Level"]
            : ["Area", $"First ({Day(first.CompletedAt, data.Zone)})", $"Latest ({Day(latest.CompletedAt, data.Zone)})"];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var domain in content.Domains)
        {
            rows.Add(data.Checks.Count == 1
                ? [domain.Name, Number(latest.Scores.Domains[domain.Key]), StrainText.Level(latest.Scores.LevelOf(domain.Key))]
                : [domain.Name, Scored(first.Scores.Domains[domain.Key]), Scored(latest.Scores.Domains[domain.Key])]);
        }

        rows.Add(data.Checks.Count == 1
            ? ["Closeness", Number(latest.Scores.Satisfaction), ""]
            : ["Closeness", Number(first.Scores.Satisfaction), Number(latest.Scores.Satisfaction)]);
        rows.Add(data.Checks.Count == 1
            ? ["Wellbeing", Number(latest.Scores.Wellbeing), Wellbeing(latest.Scores)]
            : ["Wellbeing", $"{first.Scores.Wellbeing} · {Wellbeing(first.Scores)}", $"{latest.Scores.Wellbeing} · {Wellbeing(latest.Scores)}"]);
        yield return new DocTable(header, rows);
    }

    private IEnumerable<DocBlock> MapPart(CoupleMapView shared, TimeZoneInfo zone)
    {
        yield return new DocHeading(NameOf(SummaryParts.Map));
        yield return new DocParagraph(
            (shared.MySharedAt is { } at ? $"Shared by this partner on {Day(at, zone)}. " : "") +
            "Both partners chose to share these levels with each other; only the levels are shared, never the answers behind them. " +
            $"“Far apart” means the two scores differ by {CheckScoring.PerceptionGap} or more.",
            Small: true);
        var rows = shared.Rows.Select(r => (IReadOnlyList<string>)
        [
            content.Section(r.Domain).Name,
            StrainText.Level(r.MyLevel),
            StrainText.Level(r.TheirLevel),
            r.BothStrained ? "Strained for both" : r.Gap ? "Far apart" : "",
        ]).ToList();
        yield return new DocTable(["Area", "This partner", "The other partner", "Note"], rows);
    }

    private static IEnumerable<DocBlock> SelfCarePart(Gathered data)
    {
        yield return new DocHeading(NameOf(SummaryParts.SelfCare));
        if (data.SelfCareWeeks.Count == 0)
        {
            yield return new DocParagraph($"No days logged in the last {Weeks} weeks.");
        }
        else
        {
            yield return new DocParagraph(
                "Weekly averages of the days logged: sleep in hours a night, movement in minutes a day, eating well from 1 to 5, stress and mood from 0 to 10. A dash: not logged that week.",
                Small: true);
            var rows = data.SelfCareWeeks.Select(w => (IReadOnlyList<string>)
            [
                Week(w.Week), w.Days.ToString(CultureInfo.CurrentCulture), Average(w.Sleep), Average(w.Movement, "0"), Average(w.Eating), Average(w.Stress), Average(w.Mood),
            ]).ToList();
            yield return new DocTable(["Week of", "Days", "Sleep", "Movement", "Eating", "Stress", "Mood"], rows);
        }

        if (data.Goals.Count > 0)
        {
            yield return new DocParagraph("Goals set: " + string.Join("; ", data.Goals.Select(g => g.Describe())) + ".");
        }
    }

    private static IEnumerable<DocBlock> PulsePart(Gathered data)
    {
        yield return new DocHeading(NameOf(SummaryParts.Pulse));
        yield return new DocParagraph("From this partner's weekly check-ins: how close they felt that week, from 0 (far apart) to 10 (very close).", Small: true);
        yield return new DocTable(["Week of", "Closeness"], data.Pulses.Select(p => (IReadOnlyList<string>)[Week(p.Week), p.Pulse.ToString(CultureInfo.CurrentCulture)]).ToList());
    }

    private static string Day(DateTime utc, TimeZoneInfo zone) =>
        Formats.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)));

    private static string Week(DateOnly week) => Formats.ShortDate(week);

    private static string Number(int value) => value.ToString(CultureInfo.CurrentCulture);

    private static string Scored(int score) => $"{score} · {StrainText.Level(CheckScoring.Level(score))}";

    private static string Wellbeing(CheckResult scores) => scores.WellbeingSuggestsSupport ? "a hard time lately" : "nothing stands out";

    private static string Average(decimal? value, string format = "0.0") => value is { } v ? v.ToString(format, CultureInfo.CurrentCulture) : "–";
}
