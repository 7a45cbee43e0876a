namespace Rekindle.Web.Features.Talk;

/// <summary>
/// What the couple is working on, for the draw: areas (a question's area) and root causes (a question's tags,
/// <see cref="Guided.Lessons.RootCauseKeys"/>). <see cref="TodaysQuestion"/> fills it from what both chose to share.
/// </summary>
public sealed record QuestionFocus(IReadOnlyCollection<string> Areas, IReadOnlyCollection<string> RootCauses)
{
    public static QuestionFocus None { get; } = new([], []);

    public bool IsEmpty => Areas.Count == 0 && RootCauses.Count == 0;

    public bool Covers(Question question) => Areas.Contains(question.Area) || question.RootCauses.Any(RootCauses.Contains);

    /// <summary>Both foci together (the Couple Map's and the program week's), without repeats.</summary>
    public QuestionFocus With(QuestionFocus other) =>
        new(Areas.Union(other.Areas, StringComparer.Ordinal).ToList(), RootCauses.Union(other.RootCauses, StringComparer.Ordinal).ToList());
}

/// <summary>
/// Everything the draw of one day needs, for one couple. <see cref="LastAsked"/>: each question id the couple had
/// (bank ids and <see cref="CoupleQuestion.IdFor"/> ids alike) with the last day it was asked. <see cref="Muted"/>: the kinds
/// (areas and root causes) either partner muted, together. <see cref="OwnQuestions"/>: the ids of the couple's own
/// questions still in their rotation, oldest first.
/// </summary>
public sealed record DrawInput(
    Guid CoupleId,
    DateOnly Day,
    IReadOnlyDictionary<string, DateOnly> LastAsked,
    QuestionFocus Focus,
    bool IntimacyAllowed,
    bool Resting = false,
    IReadOnlyCollection<string>? Muted = null,
    IReadOnlyList<string>? OwnQuestions = null
);

/// <summary>
/// Which question a couple gets on a day: pure and deterministic (the same couple and day always get
/// the same one, whichever partner opens it first). Rules:
/// 1. Intimacy questions only when both partners opted in.
/// 2. No question comes back within <see cref="NoRepeatDays"/> days of the day the couple last had it. When every
///    question the other rules allow was asked within that time, the one asked longest ago comes back (one a day,
///    so there is never a tie).
/// 3. Depth follows the day of the week: light most days, medium twice, deep once (Thursday, a
///    quieter mid-week evening for most), falling back to any depth when none of that depth is left.
/// 4. Two days in three, the question comes from the couple's focus (<see cref="QuestionFocus"/>: its area is one of
///    the focus areas, or it is tagged with one of the focus root causes), when one is left.
/// 5. While either partner rests (a safety concern or their own pause: decisions/0027), nothing from
///    <see cref="RestingAreas"/>; the week's depths stay as they are.
/// 6. A kind either partner muted (an area or a root cause, <see cref="QuestionKinds"/>) is left out: a question
///    whose area or any of whose root causes is muted is not drawn. Only if the mutes left nothing at all would
///    they give way (never the rules above), so a day always has a question.
/// 7. One day in five, when the couple has a question of their own not asked within <see cref="NoRepeatDays"/>
///    days, the day's question is one of those (picked by the same day's number). Never while either partner rests:
///    an own question is free text that cannot be told apart from one about hurt or sex. Mutes and the focus do
///    not apply to them for the same reason; the couple chose them, and either partner can take one out.
/// </summary>
public static class DailyQuestionRules
{
    /// <summary>A question is not asked again for this many days after a couple had it.</summary>
    public const int NoRepeatDays = 365;

    private static readonly Depth[] WeekPattern =
    [
        Depth.Light, // Monday
        Depth.Medium, // Tuesday
        Depth.Light, // Wednesday
        Depth.Deep, // Thursday
        Depth.Light, // Friday
        Depth.Medium, // Saturday
        Depth.Light, // Sunday
    ];

    /// <summary>The areas whose questions ask about sex, hurt or conflict: not drawn while either partner rests.</summary>
    public static readonly IReadOnlySet<string> RestingAreas = new HashSet<string>(StringComparer.Ordinal)
    {
        QuestionBank.IntimacyArea,
        "repair",
    };

    public static Depth DepthFor(DateOnly day) => WeekPattern[((int)day.DayOfWeek + 6) % 7];

    /// <summary>Whether a question of the bank is one of the muted kinds.</summary>
    public static bool IsMuted(Question question, IReadOnlyCollection<string> muted) =>
        muted.Contains(question.Area) || question.RootCauses.Any(muted.Contains);

    /// <summary>The id of the day's question: one of the bank's, or one of <see cref="DrawInput.OwnQuestions"/>.</summary>
    public static string Choose(QuestionBank bank, DrawInput input)
    {
        var (pick, ownDay) = Seed(input.CoupleId, input.Day);
        var notBefore = input.Day.AddDays(-NoRepeatDays);
        bool Fresh(string id) => !input.LastAsked.TryGetValue(id, out var last) || last <= notBefore;

        // Rule 7: the couple's own, one day in five, never while either rests.
        if (!input.Resting && ownDay % 5 == 0 && input.OwnQuestions is { Count: > 0 } own)
        {
            var freshOwn = own.Where(Fresh).ToList();
            if (freshOwn.Count > 0)
            {
                return freshOwn[(int)(ownDay / 5 % (uint)freshOwn.Count)];
            }
        }

        // Rules 1 and 5, then 6.
        var eligible = bank
            .Questions.Where(q =>
                (input.IntimacyAllowed || q.Area != QuestionBank.IntimacyArea) && !(input.Resting && RestingAreas.Contains(q.Area))
            )
            .ToList();
        if (input.Muted is { Count: > 0 } muted)
        {
            var unmuted = eligible.Where(q => !IsMuted(q, muted)).ToList();
            if (unmuted.Count > 0)
            {
                eligible = unmuted;
            }
        }

        // Rule 2.
        var fresh = eligible.Where(q => Fresh(q.Id)).ToList();
        if (fresh.Count == 0)
        {
            return eligible.OrderBy(q => input.LastAsked[q.Id]).ThenBy(q => q.Id, StringComparer.Ordinal).First().Id;
        }

        // Rule 3.
        var depth = DepthFor(input.Day);
        var pool = fresh.Where(q => q.Depth == depth).ToList();
        if (pool.Count == 0)
        {
            pool = fresh;
        }

        // Rule 4.
        if (!input.Focus.IsEmpty && pick % 3 != 0)
        {
            var focused = pool.Where(input.Focus.Covers).ToList();
            if (focused.Count > 0)
            {
                pool = focused;
            }
        }

        return pool[(int)(pick / 3 % (uint)pool.Count)].Id;
    }

    // Two stable numbers for a couple and a day (not string.GetHashCode, which changes per process): one picks the
    // bank question (as before own questions came), the other whether the day is one of the couple's own.
    private static (uint Pick, uint Own) Seed(Guid coupleId, DateOnly day)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{coupleId:N}|{day.DayNumber}"));
        return (BitConverter.ToUInt32(bytes, 0), BitConverter.ToUInt32(bytes, 4));
    }
}
