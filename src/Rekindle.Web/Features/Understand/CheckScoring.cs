namespace Rekindle.Web.Features.Understand;

/// <summary>How a domain reads for one member: a signal, never a diagnosis.</summary>
public enum StrainLevel
{
    Steady = 0,
    SomeStrain = 1,
    Strained = 2,
}

/// <summary>
/// A completed check's scores. Domain scores: 0–100, higher is more strain. Satisfaction: 0–100, higher is closer.
/// <paramref name="SafetySkipped"/>: the safety part was left for later (then <paramref name="SafetyConcern"/> is
/// the one the check before it had). <paramref name="Hopeless"/>: a wellbeing answer points to hopelessness.
/// Both default to false, which is what a check stored before they existed means.
/// </summary>
public sealed record CheckResult(
    IReadOnlyDictionary<string, int> Domains,
    int Satisfaction,
    int Wellbeing,
    bool WellbeingSuggestsSupport,
    bool SafetyConcern,
    bool SafetySkipped = false,
    bool Hopeless = false
)
{
    public StrainLevel LevelOf(string domain) => CheckScoring.Level(Domains[domain]);
}

/// <summary>
/// Scoring of the Rough Patch Check: pure functions of the content and the answers, table-tested.
/// Each answer is 0–4; a reverse-scored item counts as 4 minus the answer; a section's score is the
/// mean of its items scaled to 0–100. An incomplete check is never scored.
/// The safety part may be left for later (each of its items then holds <see cref="CheckContent.Skipped"/>):
/// skipping neither raises a concern nor clears one; the concern the member had before stays as it was.
/// </summary>
public static class CheckScoring
{
    /// <summary>From this score a domain reads as "some strain".</summary>
    public const int SomeStrainFrom = 35;

    /// <summary>From this score a domain reads as "strained".</summary>
    public const int StrainedFrom = 60;

    /// <summary>From this wellbeing score (about "some days" across the board) an individual professional is suggested,
    /// privately.</summary>
    public const int WellbeingSupportFrom = 50;

    /// <summary>Partners' scores for a domain this far apart are a perception gap worth talking about.</summary>
    public const int PerceptionGap = 40;

    public static StrainLevel Level(int score) =>
        score >= StrainedFrom ? StrainLevel.Strained
        : score >= SomeStrainFrom ? StrainLevel.SomeStrain
        : StrainLevel.Steady;

    /// <summary>The items still unanswered (or answered out of range), in the order they are asked.</summary>
    public static IReadOnlyList<CheckItem> Missing(CheckContent content, IReadOnlyDictionary<string, int> answers) =>
        content
            .Items.Where(i =>
                !answers.TryGetValue(i.Id, out var a) || !(a is >= 0 and <= CheckContent.MaxAnswer || IsSkipped(content, i, a))
            )
            .ToList();

    /// <summary>Whether this answer is the "left for later" mark on an item of a part that may be left for later.</summary>
    public static bool IsSkipped(CheckContent content, CheckItem item, int answer) =>
        answer == CheckContent.Skipped && MayBeSkipped(content.Section(item.Section));

    /// <summary>Only the safety part may be left for later: it should be answered alone and safe, and that may not be now.</summary>
    public static bool MayBeSkipped(CheckSection section) => section.Kind == SectionKind.Safety;

    /// <summary>
    /// The scores, or null while any item is unanswered. <paramref name="concernBefore"/>: whether the
    /// member's previous check stood at a safety concern; it carries over only when the safety part was
    /// skipped, so a skip neither raises nor clears.
    /// </summary>
    public static CheckResult? Score(CheckContent content, IReadOnlyDictionary<string, int> answers, bool concernBefore = false)
    {
        if (Missing(content, answers).Count > 0)
        {
            return null;
        }

        int Value(CheckItem item) => item.Reverse ? CheckContent.MaxAnswer - answers[item.Id] : answers[item.Id];

        int Scaled(IEnumerable<CheckItem> items)
        {
            var list = items.ToList();
            return (int)Math.Round(list.Average(Value) * 100.0 / CheckContent.MaxAnswer, MidpointRounding.AwayFromZero);
        }

        IEnumerable<CheckItem> Of(SectionKind kind) =>
            content.Sections.Where(s => s.Kind == kind).SelectMany(s => content.ItemsBySection[s.Key]);

        var domains = content.Domains.ToDictionary(s => s.Key, s => Scaled(content.ItemsBySection[s.Key]));
        var wellbeing = Scaled(Of(SectionKind.Wellbeing));
        var safetyItems = Of(SectionKind.Safety).ToList();
        var skipped = safetyItems.Any(i => answers[i.Id] == CheckContent.Skipped);
        var safety = safetyItems.Any(i => answers[i.Id] >= i.ConcernAt) || (skipped && concernBefore);
        var hopeless = Of(SectionKind.Wellbeing).Any(i => i.CrisisAt is { } at && answers[i.Id] >= at);
        return new CheckResult(
            domains,
            Scaled(Of(SectionKind.Satisfaction)),
            wellbeing,
            wellbeing >= WellbeingSupportFrom,
            safety,
            skipped,
            hopeless
        );
    }

    public static bool IsGap(int mine, int theirs) => Math.Abs(mine - theirs) >= PerceptionGap;
}
