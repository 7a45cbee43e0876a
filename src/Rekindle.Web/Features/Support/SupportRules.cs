using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Support;

/// <summary>Who a suggestion is for. Everything here is a kind of professional help, never a diagnosis.</summary>
public enum SupportKind
{
    SafetyResources,
    IndividualClinician,
    CouplesCounselor,
    SexTherapist,

    /// <summary>Crisis lines, for someone whose own answers point to hopelessness. Not a kind of listing in the directory.</summary>
    CrisisLines,
}

/// <summary>
/// Who may see a suggestion: only the member whose own answers raised it, or both partners when it
/// rests only on what both chose to share (the Couple Map).
/// </summary>
public enum SupportAudience
{
    Private,
    Both,
}

public sealed record SupportSuggestion(SupportKind Kind, string Why, SupportAudience Audience);

/// <summary>One finished check's closeness score (0–100, higher is closer) and when it was finished.</summary>
public sealed record SatisfactionPoint(DateTime CompletedAt, int Satisfaction);

/// <summary>One weekly check-in's closeness pulse (0–10) and the Monday of its week.</summary>
public sealed record PulsePoint(DateOnly WeekStart, int Pulse);

/// <summary>
/// Everything the rules look at, for one member. All of it is the member's own, except
/// <see cref="StrainedForBothOnMap"/>, which holds only what both partners chose to share.
/// </summary>
/// <param name="Satisfaction">The member's finished checks, oldest first.</param>
/// <param name="StrainedDomainsInLatest">How many domains read "strained" in the member's latest check.</param>
/// <param name="Wellbeing">The latest check's wellbeing score (higher is harder), or null without a check.</param>
/// <param name="SafetyConcern">Whether the latest check's safety screen raised a concern.</param>
/// <param name="Pulses">The member's own weekly closeness pulses, oldest first.</param>
/// <param name="Today">The member's local date, for "recent" weeks.</param>
/// <param name="StrainedForBothOnMap">Domains both partners marked as strained on a Couple Map both shared; empty otherwise.</param>
/// <param name="HealthAndDesireStrainedTwice">"Health and desire" strained in the member's last two checks in a row.</param>
/// <param name="Hopeless">The latest check's wellbeing answers point to hopelessness (<see cref="CheckResult.Hopeless"/>).</param>
/// <param name="UnresolvedIncidents">
/// The couple's repairs still unresolved for this member (<see cref="Repair.RepairRules.Unresolved"/>):
/// opened more than 14 days ago and neither completed nor set aside, or completed and the member's
/// own follow-up said it still hurts. Both partners see every repair; only the member's own
/// follow-up answer is counted, since the partner's may not be revealed to them.
/// </param>
public sealed record SupportSignals(
    IReadOnlyList<SatisfactionPoint> Satisfaction,
    int StrainedDomainsInLatest,
    int? Wellbeing,
    bool SafetyConcern,
    IReadOnlyList<PulsePoint> Pulses,
    DateOnly Today,
    IReadOnlyList<string> StrainedForBothOnMap,
    bool HealthAndDesireStrainedTwice,
    int UnresolvedIncidents,
    bool Hopeless = false
)
{
    public static SupportSignals None(DateOnly today) => new([], 0, null, false, [], today, [], false, 0);
}

/// <summary>
/// When to suggest a professional, as pure functions of a member's signals (table-tested).
///
/// The rules, in the order suggestions are listed:
///  0. Crisis lines, private: the latest check's wellbeing answers point to hopelessness. Always first.
///  1. Safety resources, private: the member's latest safety screen raised a concern. Always first,
///     never shown to anyone else. While it stands, couples counselling and sex therapy are not
///     suggested to this member at all: joint sessions assume both feel safe, and the first
///     conversation belongs with someone on their own side.
///  2. An individual clinician, private: the latest wellbeing score is at or above
///     <see cref="CheckScoring.WellbeingSupportFrom"/>, or a safety concern stands.
///  3. A couples counselor, for both: on a Couple Map both shared, at least one domain reads
///     strained for both partners. Every couples-counselor suggestion says it is for when both feel
///     safe: the partner's page cannot know whether the other does, so it says so to everyone.
///  4. A couples counselor, private (only when rule 3 did not already suggest one), when any of:
///     a. closeness in the latest check is at most <see cref="LowSatisfactionAtMost"/> and was also in
///        the check before, taken at least <see cref="PersistentAfterDays"/> days earlier;
///     b. closeness fell by <see cref="SatisfactionDropOf"/> points or more from one check to the next;
///     c. the latest check shows <see cref="ManyStrainedDomains"/> or more strained domains;
///     d. the last <see cref="LowPulseWeeks"/> weekly pulses, all within the last
///        <see cref="LowPulseWithinWeeks"/> weeks, are each at most <see cref="LowPulseAtMost"/>;
///     e. <see cref="ManyUnresolvedIncidents"/> or more hurts are still unresolved in Repair.
///  5. A sex therapist, for both: "health and desire" reads strained for both on a map both shared.
///  6. A sex therapist, private (only when rule 5 did not): "health and desire" was strained in the
///     member's last two checks in a row.
/// A steady member with nothing shared gets no suggestion. The numbers are ours, not a validated instrument.
/// </summary>
public static class SupportRules
{
    public const string HealthAndDesire = "health-and-desire";

    /// <summary>Closeness (0–100) at or below this reads as low.</summary>
    public const int LowSatisfactionAtMost = 35;

    /// <summary>Two low checks at least this many days apart make "low for a while", not a bad week.</summary>
    public const int PersistentAfterDays = 14;

    /// <summary>A fall in closeness of this many points between two checks in a row.</summary>
    public const int SatisfactionDropOf = 25;

    /// <summary>This many strained domains in one check is a lot to carry as two.</summary>
    public const int ManyStrainedDomains = 3;

    /// <summary>How many recent weekly pulses must all be low.</summary>
    public const int LowPulseWeeks = 3;

    /// <summary>A pulse (0–10) at or below this reads as low.</summary>
    public const int LowPulseAtMost = 3;

    /// <summary>The low pulses must all fall within this many weeks before today.</summary>
    public const int LowPulseWithinWeeks = 5;

    /// <summary>This many unresolved hurts in Repair suggest a counselor.</summary>
    public const int ManyUnresolvedIncidents = 3;

    public static IReadOnlyList<SupportSuggestion> Suggest(SupportSignals s)
    {
        var list = new List<SupportSuggestion>();
        if (s.Hopeless)
        {
            list.Add(
                new(
                    SupportKind.CrisisLines,
                    "Some of your answers say you've been feeling hopeless, or that you don't want to go on. You don't have to carry that alone: you can talk to someone today, day or night, in confidence.",
                    SupportAudience.Private
                )
            );
        }

        if (s.SafetyConcern)
        {
            list.Add(
                new(
                    SupportKind.SafetyResources,
                    "Some of your answers about feeling safe at home stood out. You deserve to feel safe, and the people on the safety page can listen and help you think through what's next, in confidence.",
                    SupportAudience.Private
                )
            );
        }

        if (s.SafetyConcern || s.Wellbeing >= CheckScoring.WellbeingSupportFrom)
        {
            list.Add(
                new(
                    SupportKind.IndividualClinician,
                    s.SafetyConcern
                        ? Text.Of(
                            "A counselor or therapist of your own can be on your side alone, whatever you decide about the relationship."
                        )
                        : Text.Of(
                            "Your answers suggest you've been carrying a lot lately. A counselor or doctor of your own can help with that, whatever happens between the two of you."
                        ),
                    SupportAudience.Private
                )
            );
        }

        // Joint sessions assume safety: while a concern stands, this member is not steered towards them.
        if (s.SafetyConcern)
        {
            return list;
        }

        if (s.StrainedForBothOnMap.Count > 0)
        {
            list.Add(
                new(
                    SupportKind.CouplesCounselor,
                    "You both marked the same part of your life together as strained on your Couple Map. When you both feel safe with each other, a couples counselor can help you work on it side by side.",
                    SupportAudience.Both
                )
            );
        }
        else if (CounselorReason(s) is { } why)
        {
            list.Add(new(SupportKind.CouplesCounselor, why, SupportAudience.Private));
        }

        if (s.StrainedForBothOnMap.Contains(HealthAndDesire))
        {
            list.Add(
                new(
                    SupportKind.SexTherapist,
                    "You both marked health and desire as strained on your Couple Map. A sex therapist works with exactly this, calmly and without judgement, and many couples find a few sessions help.",
                    SupportAudience.Both
                )
            );
        }
        else if (s.HealthAndDesireStrainedTwice)
        {
            list.Add(
                new(
                    SupportKind.SexTherapist,
                    "Health and desire has weighed on you in two checks in a row. A sex therapist can help you understand what's going on, on your own or together.",
                    SupportAudience.Private
                )
            );
        }

        return list;
    }

    /// <summary>The first of rule 4's reasons that holds, in the member's own words, or null.</summary>
    internal static string? CounselorReason(SupportSignals s)
    {
        var checks = s.Satisfaction;
        if (checks.Count >= 2)
        {
            var latest = checks[^1];
            var before = checks[^2];
            if (
                latest.Satisfaction <= LowSatisfactionAtMost
                && before.Satisfaction <= LowSatisfactionAtMost
                && (latest.CompletedAt - before.CompletedAt).TotalDays >= PersistentAfterDays
            )
            {
                return Text.Of(
                    "You've felt far apart for a while now, across more than one check. When you both feel safe with each other, a couples counselor can help you find your way back."
                );
            }

            if (before.Satisfaction - latest.Satisfaction >= SatisfactionDropOf)
            {
                return Text.Of(
                    "How close you feel dropped a lot since your last check. When you both feel safe with each other, talking it through with a couples counselor early often helps."
                );
            }
        }

        if (s.StrainedDomainsInLatest >= ManyStrainedDomains)
        {
            return Text.Of(
                "Several parts of your life together feel strained at once. When you both feel safe with each other, a couples counselor can help you untangle them as two."
            );
        }

        var since = s.Today.AddDays(-7 * LowPulseWithinWeeks);
        var recent = s
            .Pulses.Where(p => p.WeekStart >= since && p.WeekStart <= s.Today)
            .OrderBy(p => p.WeekStart)
            .TakeLast(LowPulseWeeks)
            .ToList();
        if (recent.Count == LowPulseWeeks && recent.All(p => p.Pulse <= LowPulseAtMost))
        {
            return Text.Of(
                "Your weekly check-ins have felt low for several weeks running. When you both feel safe with each other, a couples counselor can help you understand why."
            );
        }

        if (s.UnresolvedIncidents >= ManyUnresolvedIncidents)
        {
            return Text.Of(
                "A few hurts are still waiting to be worked through. When you both feel safe with each other, a couples counselor can help you talk them through."
            );
        }

        return null;
    }

    /// <summary>The name of a kind of help, as the support page and the API give it.</summary>
    public static string TitleOf(SupportKind kind) =>
        kind switch
        {
            SupportKind.CrisisLines => "Someone to talk to now",
            SupportKind.SafetyResources => "Safety resources",
            SupportKind.IndividualClinician => "A counselor or clinician of your own",
            SupportKind.CouplesCounselor => "A couples counselor",
            _ => "A sex therapist",
        };

    /// <summary>The kind's key in the directory file and in links (e.g. "couples-counselor").</summary>
    public static string KeyOf(SupportKind kind) =>
        kind switch
        {
            SupportKind.CrisisLines => "crisis",
            SupportKind.SafetyResources => "safety",
            SupportKind.IndividualClinician => "individual-clinician",
            SupportKind.CouplesCounselor => "couples-counselor",
            _ => "sex-therapist",
        };

    /// <summary>The kinds the directory lists and searches by (crisis lines live on the safety page instead).</summary>
    public static readonly IReadOnlyList<SupportKind> DirectoryKinds = Enum.GetValues<SupportKind>()
        .Where(k => k != SupportKind.CrisisLines)
        .ToList();

    public static readonly IReadOnlyList<string> Keys = DirectoryKinds.Select(KeyOf).ToList();

    /// <summary>Where a suggestion's button leads on the page: the safety page for safety and crisis, else the directory filtered by
    /// kind.</summary>
    public static string LinkOf(SupportKind kind, string directory) =>
        kind switch
        {
            SupportKind.CrisisLines => CrisisLink.Path,
            SupportKind.SafetyResources => Safety.SafetyResources.Path,
            _ => directory + KeyOf(kind),
        };
}
