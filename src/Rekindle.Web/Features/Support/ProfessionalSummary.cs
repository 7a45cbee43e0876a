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
    ViewSelfCare selfCare,
    WeeklyCheckIns checkIns,
    CheckContent content,
    Preferences preferences,
    SecurityLog securityLog,
    TimeProvider clock
)
{
    public const int Weeks = 12;

    public static string KeyOf(SummaryParts part) =>
        part switch
        {
            SummaryParts.Check => "check",
            SummaryParts.Map => "map",
            SummaryParts.SelfCare => "self-care",
            SummaryParts.Pulse => "pulse",
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        };

    public static string NameOf(SummaryParts part) =>
        part switch
        {
            SummaryParts.Check => Text.Of("My Rough Patch Check results"),
            SummaryParts.Map => Text.Of("The Couple Map we both shared"),
            SummaryParts.SelfCare => Text.Of("My self-care trends"),
            SummaryParts.Pulse => Text.Of("My weekly closeness pulse"),
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
            new(
                SummaryParts.Check,
                KeyOf(SummaryParts.Check),
                NameOf(SummaryParts.Check),
                Text.Of("Your scores for the seven areas, how close you feel and how you've been, from your first and your latest check."),
                data.Checks.Count == 0 ? Text.Of("You haven't finished the check yet.") : null
            ),
            new(
                SummaryParts.Map,
                KeyOf(SummaryParts.Map),
                NameOf(SummaryParts.Map),
                Text.Of("The levels you and your partner chose to share with each other, side by side."),
                data.Map is null ? Text.Of("This opens once you have both shared your check summaries.") : null
            ),
            new(
                SummaryParts.SelfCare,
                KeyOf(SummaryParts.SelfCare),
                NameOf(SummaryParts.SelfCare),
                Text.Of(
                    "Weekly averages of your sleep, movement, eating, stress and mood over the last {0} weeks, and your goals. Never your notes.",
                    Weeks
                ),
                data.SelfCareWeeks.Count == 0 && data.Goals.Count == 0
                    ? Text.Of("You haven't logged a day in the last {0} weeks.", Weeks)
                    : null
            ),
            new(
                SummaryParts.Pulse,
                KeyOf(SummaryParts.Pulse),
                NameOf(SummaryParts.Pulse),
                Text.Of("How close you felt each week in your check-ins, over the last {0} weeks. Only your own answers.", Weeks),
                data.Pulses.Count == 0 ? Text.Of("You haven't done a weekly check-in yet.") : null
            ),
        ];
    }

    /// <summary>
    /// Makes the summary of the chosen parts (keys as on the page) and notes it in the member's
    /// security log. When it cannot, says why as a <see cref="SummaryProblem"/> and logs nothing.
    /// </summary>
    public async Task<(PrintDocument? Document, SummaryProblem? Problem)> MakeAsync(
        IReadOnlyCollection<string> keys,
        SummaryFormat format,
        CancellationToken cancellationToken = default
    )
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
        await securityLog.RecordAsync(memberId, SecurityEventKind.SummaryMade, (int)parts | (int)format);
        return (document, null);
    }

    /// <summary>A format word as the form and the API send it: none or "pdf" is a PDF, "html" a web page; anything else is
    /// refused.</summary>
    public static SummaryFormat? FormatOf(string? format) =>
        format switch
        {
            null or "" or "pdf" => SummaryFormat.Pdf,
            "html" => SummaryFormat.Html,
            _ => null,
        };

    /// <summary>The message for a problem the page was sent back with; null for a code we never send.</summary>
    public static string? Message(string? code, string? part, IReadOnlyList<SummaryPartChoice> choices) =>
        code switch
        {
            "choose" => Text.Of("Choose at least one part to include."),
            "format" => Text.Of("Please choose a PDF or a web page."),
            "unknown" => Text.Of("One of the parts chosen is not one we know. Please choose again."),
            "empty" => choices.FirstOrDefault(c => c.Key == part) is { Unavailable: { } why } choice
                ? Text.Of("{0}: there is nothing to include yet. {1}", choice.Name, why)
                : Text.Of("One of the parts chosen has nothing in it yet. Please choose again."),
            _ => null,
        };

    private sealed record Gathered(
        TimeZoneInfo Zone,
        IReadOnlyList<CompletedCheck> Checks,
        CoupleMapView? Map,
        IReadOnlyList<WeekSummary> SelfCareWeeks,
        IReadOnlyList<Goal> Goals,
        IReadOnlyList<(DateOnly Week, int Pulse)> Pulses
    );

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
            pulses = (await checkIns.HistoryAsync(viewer.MemberId, cancellationToken))
                .Select(h => (h.Week, h.Mine.Pulse))
                .TakeLast(Weeks)
                .ToList();
        }

        var care = await selfCare.HandleAsync(null, cancellationToken);
        return new Gathered(
            zone,
            mine.Completed,
            shared,
            care.Weeks.Where(w => w.Days > 0).ToList(),
            care.Goals.Select(g => g.Goal).ToList(),
            pulses
        );
    }

    private PrintDocument Build(Gathered data, SummaryParts parts, DateTime now)
    {
        var made = Day(now, data.Zone);
        var included = NamesIn((int)parts).ToList();
        var blocks = new List<DocBlock>
        {
            new DocParagraph(Text.Of("Made on {0} by one partner, who chose what it includes: {1}.", made, string.Join("; ", included))),
            new DocParagraph(
                Text.Of(
                    "Nothing else is in it. Private notes, answers to single questions, the safety questions and anything the other partner has not chosen to share are never part of a summary. The check was written for Rekindle to help a couple talk; it is a starting point for a conversation, not a validated clinical measure."
                ),
                Small: true
            ),
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

        return new PrintDocument(
            Text.Of("A summary to bring to a professional"),
            blocks,
            Text.Of("Rekindle · made on {0} · private: share it only with whom you choose", made),
            now
        );
    }

    private IEnumerable<DocBlock> CheckPart(Gathered data)
    {
        var first = data.Checks[0];
        var latest = data.Checks[^1];
        yield return new DocHeading(NameOf(SummaryParts.Check));
        yield return new DocParagraph(
            data.Checks.Count == 1
                ? Text.Of("One check, finished on {0}.", Day(latest.CompletedAt, data.Zone))
                : Text.Of(
                    "{0} checks: the first finished on {1}, the latest on {2}.",
                    data.Checks.Count,
                    Day(first.CompletedAt, data.Zone),
                    Day(latest.CompletedAt, data.Zone)
                )
        );
        yield return new DocParagraph(
            Text.Of(
                "Each area is scored 0–100 from this partner's own answers; higher means more strain ({0} and over: some strain; {1} and over: strained). ",
                CheckScoring.SomeStrainFrom,
                CheckScoring.StrainedFrom
            )
                + Text.Of(
                    "Closeness: 0–100, higher is closer. Wellbeing: 0–100, higher means a harder time lately; from {0} we suggest seeing someone individually.",
                    CheckScoring.WellbeingSupportFrom
                ),
            Small: true
        );

        IReadOnlyList<string> header =
            data.Checks.Count == 1
                ? [Text.Of("Area"), Text.Of("Score"), Text.Of("Level")]
                :
                [
                    Text.Of("Area"),
                    Text.Of("First ({0})", Day(first.CompletedAt, data.Zone)),
                    Text.Of("Latest ({0})", Day(latest.CompletedAt, data.Zone)),
                ];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var domain in content.Domains)
        {
            rows.Add(
                data.Checks.Count == 1
                    ? [domain.Name, Number(latest.Scores.Domains[domain.Key]), StrainText.Level(latest.Scores.LevelOf(domain.Key))]
                    : [domain.Name, Scored(first.Scores.Domains[domain.Key]), Scored(latest.Scores.Domains[domain.Key])]
            );
        }

        rows.Add(
            data.Checks.Count == 1
                ? [Text.Of("Closeness"), Number(latest.Scores.Satisfaction), ""]
                : [Text.Of("Closeness"), Number(first.Scores.Satisfaction), Number(latest.Scores.Satisfaction)]
        );
        rows.Add(
            data.Checks.Count == 1
                ? [Text.Of("Wellbeing"), Number(latest.Scores.Wellbeing), Wellbeing(latest.Scores)]
                :
                [
                    Text.Of("Wellbeing"),
                    Text.Of("{0} · {1}", first.Scores.Wellbeing, Wellbeing(first.Scores)),
                    Text.Of("{0} · {1}", latest.Scores.Wellbeing, Wellbeing(latest.Scores)),
                ]
        );
        yield return new DocTable(header, rows);
    }

    private IEnumerable<DocBlock> MapPart(CoupleMapView shared, TimeZoneInfo zone)
    {
        yield return new DocHeading(NameOf(SummaryParts.Map));
        yield return new DocParagraph(
            (shared.MySharedAt is { } at ? Text.Of("Shared by this partner on {0}. ", Day(at, zone)) : "")
                + Text.Of(
                    "Both partners chose to share these levels with each other; only the levels are shared, never the answers behind them. "
                )
                + Text.Of("“Far apart” means the two scores differ by {0} or more.", CheckScoring.PerceptionGap),
            Small: true
        );
        var rows = shared
            .Rows.Select(r =>
                (IReadOnlyList<string>)
                    [
                        content.Section(r.Domain).Name,
                        StrainText.Level(r.MyLevel),
                        StrainText.Level(r.TheirLevel),
                        r.BothStrained ? Text.Of("Strained for both")
                        : r.Gap ? Text.Of("Far apart")
                        : "",
                    ]
            )
            .ToList();
        yield return new DocTable([Text.Of("Area"), Text.Of("This partner"), Text.Of("The other partner"), Text.Of("Note")], rows);
    }

    private static IEnumerable<DocBlock> SelfCarePart(Gathered data)
    {
        yield return new DocHeading(NameOf(SummaryParts.SelfCare));
        if (data.SelfCareWeeks.Count == 0)
        {
            yield return new DocParagraph(Text.Of("No days logged in the last {0} weeks.", Weeks));
        }
        else
        {
            yield return new DocParagraph(
                Text.Of(
                    "Weekly averages of the days logged: sleep in hours a night, movement in minutes a day, eating well from 1 to 5, stress and mood from 0 to 10. A dash: not logged that week."
                ),
                Small: true
            );
            var rows = data
                .SelfCareWeeks.Select(w =>
                    (IReadOnlyList<string>)
                        [
                            Week(w.Week),
                            w.Days.ToString(CultureInfo.CurrentCulture),
                            Average(w.Sleep),
                            Average(w.Movement, "0"),
                            Average(w.Eating),
                            Average(w.Stress),
                            Average(w.Mood),
                        ]
                )
                .ToList();
            yield return new DocTable(
                [
                    Text.Of("Week of"),
                    Text.Of("Days"),
                    Text.Of("Sleep"),
                    Text.Of("Movement"),
                    Text.Of("Eating"),
                    Text.Of("Stress"),
                    Text.Of("Mood"),
                ],
                rows
            );
        }

        if (data.Goals.Count > 0)
        {
            yield return new DocParagraph(Text.Of("Goals set: {0}.", string.Join("; ", data.Goals.Select(g => g.Describe()))));
        }
    }

    private static IEnumerable<DocBlock> PulsePart(Gathered data)
    {
        yield return new DocHeading(NameOf(SummaryParts.Pulse));
        yield return new DocParagraph(
            Text.Of("From this partner's weekly check-ins: how close they felt that week, from 0 (far apart) to 10 (very close)."),
            Small: true
        );
        yield return new DocTable(
            [Text.Of("Week of"), Text.Of("Closeness")],
            data.Pulses.Select(p => (IReadOnlyList<string>)[Week(p.Week), p.Pulse.ToString(CultureInfo.CurrentCulture)]).ToList()
        );
    }

    private static string Day(DateTime utc, TimeZoneInfo zone) =>
        Formats.Date(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)));

    private static string Week(DateOnly week) => Formats.ShortDate(week);

    private static string Number(int value) => value.ToString(CultureInfo.CurrentCulture);

    private static string Scored(int score) => Text.Of("{0} · {1}", score, StrainText.Level(CheckScoring.Level(score)));

    private static string Wellbeing(CheckResult scores) =>
        scores.WellbeingSuggestsSupport ? Text.Of("a hard time lately") : Text.Of("nothing stands out");

    private static string Average(decimal? value, string format = "0.0") =>
        value is { } v ? v.ToString(format, CultureInfo.CurrentCulture) : "–";
}
