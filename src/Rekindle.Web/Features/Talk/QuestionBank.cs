using System.Text.Json;

namespace Rekindle.Web.Features.Talk;

public enum Depth
{
    Light,
    Medium,
    Deep,
}

/// <summary>
/// One daily question: its area, depth and the rough-patch causes it helps a couple talk about
/// (<see cref="Guided.Lessons.RootCauseKeys"/>). A couple's own question (<see cref="CoupleQuestion"/>) is shown as one
/// with the area <see cref="QuestionBank.OwnArea"/> and no root causes: free text we cannot classify.
/// </summary>
public sealed record Question(string Id, string Area, Depth Depth, IReadOnlyList<string> RootCauses, string Text);

/// <summary>
/// The daily questions (Content/talk/questions*.{language}.json, all files of that language
/// together), tagged by area and depth. Checked at start-up.
/// </summary>
public sealed class QuestionBank
{
    public const string IntimacyArea = "intimacy";

    /// <summary>The area a couple's own question shows under: none of the bank's.</summary>
    public const string OwnArea = "own";

    /// <summary>Enough for a couple to meet a fresh question daily for months; the content tests ask for 400 and more.</summary>
    public const int MinimumCount = 240;

    /// <summary>Each question helps talk about one to this many root causes.</summary>
    public const int MaxRootCauses = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public QuestionBank(IReadOnlyList<Question> questions)
    {
        Questions = questions;
        ById = questions.ToDictionary(q => q.Id);
        var problems = new List<string>();
        if (questions.Count < MinimumCount)
        {
            problems.Add($"at least {MinimumCount} questions are needed, found {questions.Count}");
        }

        problems.AddRange(Enum.GetValues<Depth>().Where(d => !questions.Any(q => q.Depth == d)).Select(d => $"no {d} questions"));
        problems.AddRange(
            questions
                .Where(q => string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > 200)
                .Select(q => $"question '{q.Id}' needs a text of at most 200 characters")
        );
        problems.AddRange(
            questions.Where(q => !Guided.Lessons.Areas.Contains(q.Area)).Select(q => $"question '{q.Id}' has an unknown area '{q.Area}'")
        );
        problems.AddRange(
            questions
                .Where(q =>
                    q.RootCauses is null
                    || q.RootCauses.Count is 0 or > MaxRootCauses
                    || q.RootCauses.Distinct().Count() != q.RootCauses.Count
                    || q.RootCauses.Any(r => !Guided.Lessons.RootCauseKeys.Contains(r))
                )
                .Select(q => $"question '{q.Id}' needs 1 to {MaxRootCauses} known root causes")
        );
        if (problems.Count > 0)
        {
            throw new InvalidDataException("The question bank is not usable: " + string.Join("; ", problems) + ".");
        }
    }

    public IReadOnlyList<Question> Questions { get; }

    public IReadOnlyDictionary<string, Question> ById { get; }

    public static QuestionBank Load(string folder, string language)
    {
        var questions = new List<Question>();
        foreach (var file in Directory.EnumerateFiles(folder, $"questions*.{language}.json").Order(StringComparer.Ordinal))
        {
            using var stream = File.OpenRead(file);
            var shape = JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidDataException($"{file} is empty.");
            questions.AddRange(shape.Questions);
        }

        var duplicate = questions.GroupBy(q => q.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"The question id '{duplicate.Key}' appears twice.");
        }

        return new QuestionBank(questions);
    }

    private sealed record FileShape(string Language, List<Question> Questions);
}
