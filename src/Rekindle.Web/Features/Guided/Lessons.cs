using System.Text.Json;

namespace Rekindle.Web.Features.Guided;

/// <summary>What a lesson asks the couple to do together, and which tool that opens.</summary>
/// <param name="Tool">One of <see cref="Lessons.Tools"/>.</param>
/// <param name="Pick">What the tool opens with, when it takes one (a conversation topic, a date idea id), else null.</param>
/// <param name="Title">The exercise's name, a few words.</param>
/// <param name="How">What to do, in a few sentences.</param>
public sealed record TogetherPart(string Tool, string? Pick, string Title, string How);

/// <summary>What a member does on their own in place of the together part (alone, or while joint work rests).</summary>
public sealed record AlonePart(string Title, string How);

/// <summary>
/// One lesson of the guided program (Content/program/lessons*.{language}.json): one idea in plain words,
/// a private reflection, a together exercise and a part for one person. <see cref="AssumesSafety"/> marks
/// lessons about sex, repair, conflict or trust that are never scheduled for a member with a safety concern.
/// </summary>
public sealed record Lesson(
    string Key,
    string Title,
    string Area,
    IReadOnlyList<string> RootCauses,
    string Summary,
    IReadOnlyList<string> Body,
    string? Professional,
    string Reflection,
    TogetherPart Together,
    AlonePart Alone,
    bool AssumesSafety
)
{
    public string BodyText => string.Join("\n", Body);
}

/// <summary>All lessons of one language, checked when loaded (the content tests check counts and reading level).</summary>
public sealed class Lessons
{
    public static readonly string[] Areas =
    [
        "understand",
        "talk",
        "time-together",
        "self-care",
        "support",
        "spontaneity",
        "intimacy",
        "repair",
    ];

    public static readonly string[] RootCauseKeys =
    [
        "work-stress",
        "money",
        "personal-problems",
        "communication",
        "time-together",
        "health-and-desire",
        "unresolved-conflict",
    ];

    /// <summary>The tools a together part can open.</summary>
    public static readonly string[] Tools =
    [
        "conversation",
        "question",
        "check-in",
        "date",
        "gestures",
        "appreciation",
        "repair",
        "apology",
        "touch",
        "desires",
        "self-care",
        "support",
        "betrayal",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Lessons(IReadOnlyList<Lesson> all)
    {
        All = all;
        ByKey = all.ToDictionary(l => l.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<Lesson> All { get; }

    public IReadOnlyDictionary<string, Lesson> ByKey { get; }

    public static Lessons Load(string folder, string language)
    {
        var lessons = new List<Lesson>();
        foreach (var file in Directory.EnumerateFiles(folder, $"lessons*.{language}.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var shape = JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidDataException($"{file} is empty.");
            foreach (var lesson in shape.Lessons)
            {
                var problem = ProblemWith(lesson);
                if (problem is not null)
                {
                    throw new InvalidDataException($"{file}: lesson '{lesson.Key}' {problem}.");
                }
            }

            lessons.AddRange(shape.Lessons);
        }

        var twice = lessons.GroupBy(l => l.Key).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidDataException($"The lesson key '{twice.Key}' appears twice.");
        }

        return new Lessons(lessons);
    }

    private static string? ProblemWith(Lesson l) =>
        string.IsNullOrWhiteSpace(l.Key) ? "needs a key"
        : string.IsNullOrWhiteSpace(l.Title) ? "needs a title"
        : !Areas.Contains(l.Area) ? $"has an unknown area '{l.Area}'"
        : l.RootCauses is null || l.RootCauses.Count == 0 || l.RootCauses.Any(r => !RootCauseKeys.Contains(r))
            ? "needs root causes from the seven"
        : string.IsNullOrWhiteSpace(l.Summary) ? "needs a summary"
        : l.Body is null || l.Body.Count == 0 || l.Body.Any(string.IsNullOrWhiteSpace) ? "needs a body of paragraphs"
        : string.IsNullOrWhiteSpace(l.Reflection) ? "needs a reflection question"
        : l.Together is null || !Tools.Contains(l.Together.Tool) || string.IsNullOrWhiteSpace(l.Together.How)
            ? "needs a together part with a known tool"
        : l.Alone is null || string.IsNullOrWhiteSpace(l.Alone.How) ? "needs a part for one person"
        : null;

    private sealed record FileShape(string Language, List<Lesson> Lessons);
}
