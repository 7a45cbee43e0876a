using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Guided;

/// <summary>What the library's search asks for: free words (all must appear) and an area key. Anything unknown is ignored.</summary>
public sealed record LessonQuery(string Text, string? Area)
{
    public const int MaxTextLength = 100;

    /// <summary>Cleans what came from a query string: trimmed, control characters dropped, cut to length, an unknown area
    /// dropped.</summary>
    public static LessonQuery From(string? text, string? area)
    {
        var clean = new string((text ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        if (clean.Length > MaxTextLength)
        {
            clean = clean[..MaxTextLength];
        }

        return new LessonQuery(clean, area is not null && Lessons.Areas.Contains(area) ? area : null);
    }
}

/// <summary>
/// The lesson library's search, on the server: every word of the query must appear in the lesson's title, summary,
/// body, its area's name or one of its root causes' names (without regard to case). Reads content only.
/// </summary>
public sealed class SearchLessons(Lessons lessons, CheckContent check)
{
    public IReadOnlyList<Lesson> Handle(LessonQuery query)
    {
        var words = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return lessons
            .All.Where(l => query.Area is null || l.Area == query.Area)
            .Where(l => words.Length == 0 || Matches(Haystack(l), words))
            .ToList();
    }

    /// <summary>The areas that have at least one lesson, in the program's order: the library's filter links.</summary>
    public IReadOnlyList<string> Areas() => Lessons.Areas.Where(a => lessons.All.Any(l => l.Area == a)).ToList();

    /// <summary>The name a member reads for an area key.</summary>
    public static string AreaName(string key) => Home.Areas.All.FirstOrDefault(a => a.Key == key)?.Name ?? key;

    /// <summary>The name a member reads for a root cause key (the check's own domain names).</summary>
    public string RootCauseName(string key) => check.Domains.FirstOrDefault(d => d.Key == key)?.Name ?? key;

    internal static bool Matches(string haystack, IEnumerable<string> words) =>
        words.All(w => haystack.Contains(w, StringComparison.OrdinalIgnoreCase));

    private string Haystack(Lesson l) =>
        string.Join(' ', [l.Title, l.Summary, l.BodyText, AreaName(l.Area), .. l.RootCauses.Select(RootCauseName)]);
}

/// <summary>
/// One lesson as the library shows it to the signed-in member. <see cref="Resting"/>: joint work rests for this member's
/// couple (their own concern or pause, or the partner away: one flag, the same words whatever the reason, docs/TRUST.md
/// T19), so the page shows the part for one person only, and a lesson that assumes safety opens with the calm line.
/// </summary>
public sealed record LessonView(Lesson Lesson, bool Resting)
{
    public bool ShowCalmLine => Resting && Lesson.AssumesSafety;

    public bool ShowTogether => !Resting;
}

/// <summary>Reads one lesson for the signed-in member, with whether joint work rests; not found for a key that is not a lesson.</summary>
public sealed class ReadLesson(Lessons lessons, Safety.Resting resting)
{
    public async Task<Outcome<LessonView>> HandleAsync(string key, CancellationToken cancellationToken = default) =>
        lessons.ByKey.TryGetValue(key, out var lesson)
            ? Outcome<LessonView>.Ok(new LessonView(lesson, (await resting.StateAsync(cancellationToken)).Couple))
            : Problem.NotFound(Text.Of("There is no lesson by that name."));

    /// <summary>Whether joint work rests for the member's couple: the library list and the API say it alike.</summary>
    public async Task<bool> RestingAsync(CancellationToken cancellationToken = default) =>
        (await resting.StateAsync(cancellationToken)).Couple;
}
