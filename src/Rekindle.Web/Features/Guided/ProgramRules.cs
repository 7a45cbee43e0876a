using Rekindle.Web.Features.Understand;

namespace Rekindle.Web.Features.Guided;

/// <summary>
/// The program's rules in one readable place (decisions/0040):
/// 1. Order: <see cref="PlanRules"/> ranks the areas from domain scores only (the starting member's latest check, and the
///    partner's Couple Map share when both shared); safety, wellbeing and satisfaction are left out, so the order the partner
///    sees says nothing about anyone's private answers. The first five areas give weeks 1-5; week 6 looks back.
/// 2. For each week's area, the lesson whose root causes best match the strained domains (the sum of their scores), not done in
///    an earlier run of the couple and not already chosen; ties by key. An area without such a lesson takes the best lesson left.
/// 3. For a member with their own safety concern, a lesson that assumes safety is shown in their view only as a lesson for one
///    from support or self-care; the couple's order (and so the partner's view) never changes.
/// 4. Timing: session n opens on FirstDay + (n-1) × EveryDays; a change of pace keeps the current session and moves the next.
/// </summary>
public static class ProgramRules
{
    public const int Weeks = 6;

    public const string LookBack = "looking-back";

    public const int DefaultNudgeAfterDays = 4;

    public const int MinNudgeAfterDays = 2;

    public const int MaxNudgeAfterDays = 7;

    public const int ReflectionMaxLength = 2000;

    /// <summary>The areas a member with a safety concern gets lessons from, for one person.</summary>
    public static readonly string[] ForOneWhenUnsafe = ["support", "self-care"];

    /// <summary>Domain scores with nothing private: what the order is made from.</summary>
    public static CheckResult DomainsOnly(IReadOnlyDictionary<string, int> domains) => new(domains, 100, 0, false, false);

    /// <summary>The order of the six sessions: five lessons, then looking back.</summary>
    public static List<string> Order(
        IReadOnlyDictionary<string, int> mine,
        IReadOnlyDictionary<string, int>? partnerShared,
        Lessons lessons,
        PlanSteps steps,
        IReadOnlySet<string> doneBefore,
        IReadOnlyList<string>? keep = null
    )
    {
        var plan = PlanRules.Make(new PlanInput(DomainsOnly(mine), partnerShared, PartnerFinished: true), steps);
        var areas = plan.Weeks.Where(w => w.Area != PlanRules.LookBackArea).Select(w => w.Area).ToList();
        foreach (var area in PlanRules.PlannedAreas.Where(a => !areas.Contains(a)))
        {
            areas.Add(area);
        }

        var order = new List<string>(keep ?? []);
        var taken = new HashSet<string>(order, StringComparer.Ordinal);
        var covered = order.Select(k => lessons.ByKey.GetValueOrDefault(k)?.Area).ToHashSet();
        foreach (var area in areas.Where(a => !covered.Contains(a)))
        {
            if (order.Count >= Weeks - 1)
            {
                break;
            }

            var pick = Best(lessons.All.Where(l => l.Area == area), mine, partnerShared, doneBefore, taken)
                ?? Best(lessons.All, mine, partnerShared, doneBefore, taken)
                ?? Best(lessons.All, mine, partnerShared, new HashSet<string>(), taken);
            if (pick is null)
            {
                break;
            }

            order.Add(pick.Key);
            taken.Add(pick.Key);
        }

        order.Add(LookBack);
        return order;
    }

    /// <summary>A lighter rhythm after six weeks: the best lessons not yet done, one a month.</summary>
    public static List<string> Monthly(
        IReadOnlyDictionary<string, int> mine,
        IReadOnlyDictionary<string, int>? partnerShared,
        Lessons lessons,
        IReadOnlySet<string> doneBefore
    )
    {
        var order = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        while (order.Count < Weeks && Best(lessons.All, mine, partnerShared, doneBefore, taken) is { } pick)
        {
            order.Add(pick.Key);
            taken.Add(pick.Key);
        }

        return order;
    }

    /// <summary>The areas still strained after six weeks, for the next program's offer.</summary>
    public static IReadOnlyList<string> StrainedDomains(IReadOnlyDictionary<string, int> domains) =>
        domains.Where(d => CheckScoring.Level(d.Value) == StrainLevel.Strained).Select(d => d.Key).Order(StringComparer.Ordinal).ToList();

    private static Lesson? Best(
        IEnumerable<Lesson> candidates,
        IReadOnlyDictionary<string, int> mine,
        IReadOnlyDictionary<string, int>? theirs,
        IReadOnlySet<string> doneBefore,
        HashSet<string> taken
    ) =>
        candidates
            .Where(l => l.Key != LookBack && !doneBefore.Contains(l.Key) && !taken.Contains(l.Key))
            .OrderByDescending(l => Match(l, mine, theirs))
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .FirstOrDefault();

    private static double Match(Lesson lesson, IReadOnlyDictionary<string, int> mine, IReadOnlyDictionary<string, int>? theirs) =>
        lesson.RootCauses.Sum(r => (double)Math.Max(mine.GetValueOrDefault(r), theirs?.GetValueOrDefault(r) ?? 0))
        / lesson.RootCauses.Count;

    /// <summary>
    /// The member's own view of the order with their safety concern: each lesson that assumes safety is replaced by a lesson for
    /// one from support or self-care (never one that assumes safety), best match first. Without a concern, the order itself.
    /// </summary>
    public static IReadOnlyList<string> ForMember(
        IReadOnlyList<string> order,
        bool concern,
        Lessons lessons,
        IReadOnlyDictionary<string, int> mine
    )
    {
        if (!concern)
        {
            return order;
        }

        var spare = lessons
            .All.Where(l => !l.AssumesSafety && ForOneWhenUnsafe.Contains(l.Area) && !order.Contains(l.Key) && l.Key != LookBack)
            .OrderBy(l => Array.IndexOf(ForOneWhenUnsafe, l.Area))
            .ThenByDescending(l => Match(l, mine, null))
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .Select(l => l.Key)
            .ToList();
        var next = 0;
        return order
            .Select(key =>
                lessons.ByKey.TryGetValue(key, out var lesson) && lesson.AssumesSafety
                    ? spare.Count == 0
                        ? LookBack
                        : spare[next++ % spare.Count]
                    : key
            )
            .ToList();
    }

    /// <summary>The session open on <paramref name="today"/>: 1 before the first day, never past the last.</summary>
    public static int CurrentWeek(DateOnly firstDay, int everyDays, int sessions, DateOnly today) =>
        Math.Clamp((today.DayNumber - firstDay.DayNumber) / everyDays + 1, 1, Math.Max(1, sessions));

    public static DateOnly OpensOn(DateOnly firstDay, int everyDays, int week) => firstDay.AddDays((week - 1) * everyDays);

    /// <summary>The run is over: the last session's time has passed.</summary>
    public static bool Finished(DateOnly firstDay, int everyDays, int sessions, DateOnly today) =>
        today.DayNumber >= firstDay.AddDays(sessions * everyDays).DayNumber;

    /// <summary>A pace change keeps the current session open from today and moves the ones after it.</summary>
    public static DateOnly FirstDayForPace(DateOnly today, int currentWeek, int everyDays) => today.AddDays(-(currentWeek - 1) * everyDays);

    /// <summary>Week six when the content has no lesson of its own for it: look back, retake the check, see the change.</summary>
    public static Lesson LookBackLesson() =>
        new(
            LookBack,
            Infrastructure.Localization.Text.Of("Looking back"),
            PlanRules.LookBackArea,
            ["communication"],
            Infrastructure.Localization.Text.Of("Six weeks on: see what has changed."),
            [
                Infrastructure.Localization.Text.Of(
                    "Six weeks ago you took the check. A lot can happen in six weeks, and some of it is easy to miss."
                ),
                Infrastructure.Localization.Text.Of(
                    "Take the check again now. Then look at the change side by side: your own results, and the Couple Map if you both share."
                ),
                Infrastructure.Localization.Text.Of("Small changes count. So does a week that was hard. Both tell you where to go next."),
            ],
            null,
            Infrastructure.Localization.Text.Of("What has changed for you in these weeks, however small?"),
            new TogetherPart(
                "question",
                null,
                Infrastructure.Localization.Text.Of("Look at the change together"),
                Infrastructure.Localization.Text.Of(
                    "Sit down for ten minutes. Each say one thing that felt better and one thing you still want to work on."
                )
            ),
            new AlonePart(
                Infrastructure.Localization.Text.Of("Look back on your own"),
                Infrastructure.Localization.Text.Of("Read your reflections from the past weeks. Note one thing you want to keep.")
            ),
            false
        );

    /// <summary>Where the together part (or its tool) opens, with the right thing preselected.</summary>
    public static string ToolLink(Lesson lesson) => lesson.Key == LookBack ? "/understand/changes" : ToolLink(lesson.Together);

    public static string ToolLink(TogetherPart part) =>
        part.Tool switch
        {
            "conversation" => part.Pick is { } topic ? "/talk/conversation?topic=" + Uri.EscapeDataString(topic) : "/talk/conversation",
            "question" => "/talk",
            "check-in" => "/talk/check-in",
            "date" => part.Pick is { } idea ? "/time-together/plan?idea=" + Uri.EscapeDataString(idea) : "/time-together/ideas",
            "gestures" => "/spontaneity/gestures",
            "appreciation" => "/spontaneity",
            "repair" => "/repair",
            "apology" => "/repair/apology",
            "touch" => "/intimacy/program",
            "desires" => "/intimacy/answers",
            "self-care" => "/self-care",
            "support" => "/support",
            "betrayal" => "/repair/betrayal",
            _ => "/",
        };
}
