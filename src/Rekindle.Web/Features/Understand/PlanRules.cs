using System.Text.Json;

namespace Rekindle.Web.Features.Understand;

public sealed record PlanStep(string Key, string Title, string How, bool Together);

/// <summary>The concrete steps for each area (Content/understand/plan-steps.{language}.json).</summary>
public sealed class PlanSteps(IReadOnlyDictionary<string, IReadOnlyList<PlanStep>> byArea)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyDictionary<string, IReadOnlyList<PlanStep>> ByArea { get; } = byArea;

    public static PlanSteps Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        var byArea = file.Areas.ToDictionary(a => a.Area, a => (IReadOnlyList<PlanStep>)a.Steps);
        foreach (var area in PlanRules.PlannedAreas.Append(PlanRules.LookBackArea).Append(PlanRules.SafetyFirstSteps))
        {
            if (!byArea.TryGetValue(area, out var steps) || steps.Count == 0 || steps.All(s => s.Together))
            {
                throw new InvalidDataException($"{path}: the area '{area}' needs steps, at least one of them for one person.");
            }
        }

        if (byArea[PlanRules.SafetyFirstSteps].Any(s => s.Together))
        {
            throw new InvalidDataException($"{path}: the steps of '{PlanRules.SafetyFirstSteps}' are for one person only.");
        }

        return new PlanSteps(byArea);
    }

    private sealed record FileShape(string Language, List<AreaShape> Areas);

    private sealed record AreaShape(string Area, List<PlanStep> Steps);
}

public enum ReasonKind
{
    /// <summary>"Because you both marked {domain} as strained."</summary>
    BothStrained,

    /// <summary>"Because you marked {domain} as strained."</summary>
    YouStrained,

    /// <summary>"Because your partner marked {domain} as strained." (only from what the partner shared)</summary>
    PartnerStrained,

    /// <summary>"Because {domain} is under some strain."</summary>
    SomeStrain,

    /// <summary>"Because things feel far apart right now." (the member's own satisfaction)</summary>
    FeelingFarApart,

    /// <summary>"Because you've been having a hard time lately." (the member's own wellbeing; never on the partner's plan)</summary>
    YourWellbeing,

    /// <summary>"Because feeling safe comes first." (the member's own safety screen; never on the partner's plan)</summary>
    SafetyFirst,

    /// <summary>"To keep what is working strong."</summary>
    KeepStrong,

    /// <summary>"To see what has changed since you began."</summary>
    LookBack,
}

public sealed record PlanReason(ReasonKind Kind, string? Domain = null);

public sealed record PlanWeek(int Week, string Area, PlanReason Reason, IReadOnlyList<PlanStep> Steps);

public sealed record Plan(IReadOnlyList<PlanWeek> Weeks, bool Solo, bool JointExercisesResting);

/// <summary>
/// What the plan is made from: the member's own latest result; the partner's domain scores only
/// when both partners shared them on the Couple Map; and whether the partner has finished a check
/// (without that, the plan is a solo plan).
/// </summary>
public sealed record PlanInput(CheckResult Mine, IReadOnlyDictionary<string, int>? PartnerShared, bool PartnerFinished);

/// <summary>
/// The six-week personal plan, in one readable place. Each practice area gets a need from the
/// domains that drive it (the stronger of the two partners' scores, when both shared), the areas
/// are taken in order of need, and each week says why in one line. Rules:
/// 1. An area's need is its strongest driver: weight × domain score (table below).
/// 2. Feeling far apart (own satisfaction under 40) raises Support and Spontaneity.
/// 3. Own wellbeing past the threshold raises Self-care and Support.
/// 4. Own safety concern: the plan holds individual and safety help only (decisions/0028). Support comes
///    first with its safety steps (<see cref="SafetyFirstSteps"/>: never a couples counselor), then
///    Self-care, and week 6 looks back, with steps for one person only; the weeks between are left free.
///    Every other area is left out: the exercises for two that assume safety (Repair, Intimacy) rest,
///    and work on the relationship is never pushed on someone who may not be safe in it.
///    The partner's plan never depends on it.
/// 5. Ties keep the program's order. Alone (no partner, or the partner has not finished): solo steps only.
/// </summary>
public static class PlanRules
{
    public const int Weeks = 6;

    public const int FarApartBelow = 40;

    public const string LookBackArea = "understand";

    /// <summary>Areas the plan can hold, in the program's order (ties keep it).</summary>
    public static readonly string[] PlannedAreas = ["talk", "time-together", "self-care", "support", "spontaneity", "intimacy", "repair"];

    /// <summary>The exercises for two that assume both partners are safe with each other.</summary>
    public static readonly string[] AssumeSafety = ["intimacy", "repair"];

    /// <summary>With a safety concern, the only areas the plan holds: help for the member alone.</summary>
    public static readonly string[] ForOneWhenUnsafe = ["support", "self-care"];

    /// <summary>The steps (in the plan-steps file) that stand in for Support's with a safety concern: safety and individual help
    /// only.</summary>
    public const string SafetyFirstSteps = "support-safety-first";

    /// <summary>Which domains drive which area, and how strongly.</summary>
    public static readonly IReadOnlyDictionary<string, (string Domain, double Weight)[]> Drivers = new Dictionary<
        string,
        (string, double)[]
    >
    {
        ["talk"] = [("communication", 1.0), ("unresolved-conflict", 0.5), ("money", 0.5)],
        ["time-together"] = [("time-together", 1.0), ("work-stress", 0.5)],
        ["self-care"] = [("personal-problems", 0.8), ("work-stress", 0.7), ("health-and-desire", 0.4)],
        ["support"] = [("personal-problems", 0.5), ("unresolved-conflict", 0.4)],
        ["spontaneity"] = [("time-together", 0.6)],
        ["intimacy"] = [("health-and-desire", 1.0)],
        ["repair"] = [("unresolved-conflict", 1.0)],
    };

    public static Plan Make(PlanInput input, PlanSteps steps)
    {
        var solo = !input.PartnerFinished;
        var resting = input.Mine.SafetyConcern;
        var needs = new List<(string Area, double Need, PlanReason Reason, int Order)>();
        for (var order = 0; order < PlannedAreas.Length; order++)
        {
            var area = PlannedAreas[order];
            if (resting && !ForOneWhenUnsafe.Contains(area))
            {
                continue;
            }

            var (need, reason) = Strongest(area, input);
            (need, reason) = Raise(area, need, reason, input.Mine);
            needs.Add((area, need, reason, order));
        }

        // With a concern, only steps for one person: nothing to do together is asked of them.
        var forOne = solo || resting;
        var weeks = needs
            .OrderByDescending(n => n.Need)
            .ThenBy(n => n.Order)
            .Take(Weeks)
            .Select(
                (n, i) =>
                    new PlanWeek(
                        i + 1,
                        n.Area,
                        n.Reason,
                        StepsFor(steps, resting && n.Area == "support" ? SafetyFirstSteps : n.Area, forOne)
                    )
            )
            .ToList();
        if (weeks.Count < Weeks)
        {
            // Looking back stays at the end of the six weeks, even when fewer areas came before it.
            weeks.Add(
                new PlanWeek(
                    resting ? Weeks : weeks.Count + 1,
                    LookBackArea,
                    new PlanReason(ReasonKind.LookBack),
                    StepsFor(steps, LookBackArea, forOne)
                )
            );
        }

        return new Plan(weeks, solo, resting);
    }

    private static (double Need, PlanReason Reason) Strongest(string area, PlanInput input)
    {
        var best = (Need: 0.0, Reason: new PlanReason(ReasonKind.KeepStrong));
        foreach (var (domain, weight) in Drivers[area])
        {
            var mine = input.Mine.Domains[domain];
            var theirs = input.PartnerShared?.GetValueOrDefault(domain);
            var need = weight * Math.Max(mine, theirs ?? 0);
            if (need > best.Need)
            {
                best = (need, ReasonFor(domain, mine, theirs));
            }
        }

        return best;
    }

    private static PlanReason ReasonFor(string domain, int mine, int? theirs)
    {
        var meStrained = CheckScoring.Level(mine) == StrainLevel.Strained;
        var theyStrained = theirs is { } t && CheckScoring.Level(t) == StrainLevel.Strained;
        var kind = (meStrained, theyStrained) switch
        {
            (true, true) => ReasonKind.BothStrained,
            (true, false) => ReasonKind.YouStrained,
            (false, true) => ReasonKind.PartnerStrained,
            _ when Math.Max(mine, theirs ?? 0) >= CheckScoring.SomeStrainFrom => ReasonKind.SomeStrain,
            _ => ReasonKind.KeepStrong,
        };
        return new PlanReason(kind, kind == ReasonKind.KeepStrong ? null : domain);
    }

    private static (double Need, PlanReason Reason) Raise(string area, double need, PlanReason reason, CheckResult mine)
    {
        (double, PlanReason) AtLeast(double floor, ReasonKind kind) => floor > need ? (floor, new PlanReason(kind)) : (need, reason);

        if (area == "support" && mine.SafetyConcern)
        {
            return (1000, new PlanReason(ReasonKind.SafetyFirst));
        }

        if (mine.WellbeingSuggestsSupport && area is "self-care" or "support")
        {
            (need, reason) = AtLeast(area == "self-care" ? 80 : 70, ReasonKind.YourWellbeing);
        }

        if (mine.Satisfaction < FarApartBelow && area is "support" or "spontaneity")
        {
            (need, reason) = AtLeast(area == "support" ? 65 : 60, ReasonKind.FeelingFarApart);
        }

        return (need, reason);
    }

    private static List<PlanStep> StepsFor(PlanSteps steps, string area, bool solo) =>
        steps.ByArea[area].Where(s => !solo || !s.Together).ToList();
}
