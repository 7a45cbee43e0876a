using System.Text.Json;

namespace Rekindle.Web.Features.Talk;

public enum Depth
{
    Light,
    Medium,
    Deep,
}

public sealed record Question(string Id, string Area, Depth Depth, string Text);

/// <summary>
/// The daily questions (Content/talk/questions*.{language}.json, all files of that language
/// together), tagged by area and depth. Checked at start-up.
/// </summary>
public sealed class QuestionBank
{
    public const string IntimacyArea = "intimacy";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public QuestionBank(IReadOnlyList<Question> questions)
    {
        Questions = questions;
        ById = questions.ToDictionary(q => q.Id);
        var problems = new List<string>();
        if (questions.Count < 240)
        {
            problems.Add($"at least 240 questions are needed, found {questions.Count}");
        }

        problems.AddRange(Enum.GetValues<Depth>().Where(d => !questions.Any(q => q.Depth == d)).Select(d => $"no {d} questions"));
        problems.AddRange(
            questions
                .Where(q => string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > 200)
                .Select(q => $"question '{q.Id}' needs a text of at most 200 characters")
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

/// <summary>
/// Which question a couple gets on a day: pure and deterministic (the same couple and day always get
/// the same one, whichever partner opens it first). Rules:
/// 1. Intimacy questions only when both partners opted in.
/// 2. Never a question the couple already had, until every eligible one has been used; then the
///    cycle starts again (still avoiding the last 30 days).
/// 3. Depth follows the day of the week: light most days, medium twice, deep once (Thursday, a
///    quieter mid-week evening for most), falling back to any depth when none of that depth is left.
/// 4. Two days in three, the question comes from one of the couple's favoured areas (from the
///    Couple Map, when both shared), when one is left.
/// 5. While either partner rests (a safety concern or their own pause: decisions/0027), nothing from
///    <see cref="RestingAreas"/>; the week's depths stay as they are.
/// </summary>
public static class DailyQuestionRules
{
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

    public static Question Choose(
        QuestionBank bank,
        Guid coupleId,
        DateOnly day,
        IReadOnlyCollection<string> alreadyAsked,
        IReadOnlyCollection<string> askedInLast30Days,
        IReadOnlyCollection<string> favouredAreas,
        bool intimacyAllowed,
        bool resting = false
    )
    {
        var eligible = bank
            .Questions.Where(q => (intimacyAllowed || q.Area != QuestionBank.IntimacyArea) && !(resting && RestingAreas.Contains(q.Area)))
            .ToList();
        var fresh = eligible.Where(q => !alreadyAsked.Contains(q.Id)).ToList();
        if (fresh.Count == 0)
        {
            // The bank is used up for this couple: a new round, still not repeating the last month.
            fresh = eligible.Where(q => !askedInLast30Days.Contains(q.Id)).ToList();
            if (fresh.Count == 0)
            {
                fresh = eligible;
            }
        }

        var seed = Seed(coupleId, day);
        var depth = DepthFor(day);
        var pool = fresh.Where(q => q.Depth == depth).ToList();
        if (pool.Count == 0)
        {
            pool = fresh;
        }

        if (favouredAreas.Count > 0 && seed % 3 != 0)
        {
            var favoured = pool.Where(q => favouredAreas.Contains(q.Area)).ToList();
            if (favoured.Count > 0)
            {
                pool = favoured;
            }
        }

        return pool[(int)(seed / 3 % (uint)pool.Count)];
    }

    // A stable number for a couple and a day (not string.GetHashCode, which changes per process).
    private static uint Seed(Guid coupleId, DateOnly day)
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{coupleId:N}|{day.DayNumber}"));
        return BitConverter.ToUInt32(bytes, 0);
    }
}
