using System.Globalization;
using System.Text.Json;
using Rekindle.Tests.Localization;
using Rekindle.Web.Features.Guided;
using Xunit.Abstractions;

namespace Rekindle.Tests.ContentChecks;

/// <summary>
/// The lessons of the guided program (Content/program/lessons*.en.json) against issue 25 and the content rules, with the one
/// reading rule of <see cref="Readability"/> (decisions/0039, 0043). Each test prints what it measured, so a failure names
/// the lesson and the number.
/// </summary>
public sealed class LessonContentTests(ITestOutputHelper output)
{
    public const int LeastLessons = 36;

    public const int LeastWords = 250;

    /// <summary>"At most about 450 words": 450 with a margin of ten, so one more short sentence is not a failure
    /// (decisions/0043).</summary>
    public const int MostWords = 460;

    public const int MaxSummary = 160;

    public const int MaxReflection = 200;

    public const int MaxHowWords = 80;

    public const int LeastLessonsPerRootCause = 3;

    /// <summary>The topics issue 25 point 3 names, by the keys the lessons were written under.</summary>
    public static readonly string[] IssueTopics =
    [
        "rough-patches",
        "four-patterns",
        "bids-and-turning-toward",
        "work-stress-spillover",
        "asking-for-help",
        "small-surprises",
        "responsive-desire",
        "repair-after-a-fight",
        "pursue-withdraw",
        "flooding-and-breaks",
        "stress-reducing-conversation",
        "perpetual-and-solvable",
        "problem-solving-step",
        "fondness-and-appreciation",
        "soft-startup",
        "listening-to-understand",
        "rituals-of-connection",
        "dates-for-tired-lives",
        "apologising-well",
        "letting-go-of-grudges",
        "mismatched-desire",
        "pain-during-sex",
        "arousal-and-erection-difficulties",
        "medication-and-libido",
        "menopause-and-midlife",
        "baby-years",
        "illness-disability-and-sex",
        "mental-load",
        "money-talk",
        "grief-and-loss",
        "ageing-parents",
        "apart-and-shifts",
        "in-laws-and-culture",
        "alcohol-and-substances",
        "after-a-betrayal",
        "talking-about-sex",
        "touch-without-pressure",
        "parenting-as-a-team",
        "sleep-and-the-stressed-body",
        "looking-back",
    ];

    private static string Folder => Path.Combine(SourceTree.Web, "Content", "program");

    private static string ContentFile(string relative) => Path.Combine(SourceTree.Web, "Content", relative);

    private static IReadOnlyList<Lesson> All() => Lessons.Load(Folder, "en").All;

    private static string Report(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        return list.Count + " problem(s):\n" + string.Join("\n", list);
    }

    [Fact]
    public void There_are_at_least_36_lessons_in_all_files_with_unique_keys()
    {
        var files = Directory.EnumerateFiles(Folder, "lessons*.en.json").Order(StringComparer.Ordinal).ToList();
        var keys = new List<string>();
        foreach (var file in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var inFile = json.RootElement.GetProperty("lessons").EnumerateArray().Select(l => l.GetProperty("key").GetString()!).ToList();
            output.WriteLine($"{Path.GetFileName(file)}: {inFile.Count} lessons");
            keys.AddRange(inFile);
        }

        var twice = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "Keys used twice: " + string.Join(", ", twice));
        Assert.All(keys, k => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", k));
        Assert.True(keys.Count >= LeastLessons, $"{keys.Count} lessons in {files.Count} file(s); at least {LeastLessons} are needed");
        // The loader agrees (it refuses a file it cannot use).
        Assert.Equal(keys.Count, All().Count);
    }

    [Fact]
    public void Every_body_is_250_to_about_450_words_at_grade_8_or_below()
    {
        var problems = new List<string>();
        foreach (var lesson in All())
        {
            var words = Readability.WordCount(lesson.BodyText);
            var grade = Readability.Grade(lesson.BodyText);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lesson.Key}: {words} words, grade {grade:0.0}"));
            if (words is < LeastWords or > MostWords)
            {
                problems.Add($"{lesson.Key}: {words} words (want {LeastWords}-{MostWords})");
            }

            if (grade > Readability.MaxGrade)
            {
                problems.Add(
                    string.Create(CultureInfo.InvariantCulture, $"{lesson.Key}: grade {grade:0.0} (want <= {Readability.MaxGrade})")
                );
            }
        }

        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Summaries_reflections_and_the_together_and_alone_parts_are_short()
    {
        var problems = new List<string>();
        foreach (var l in All())
        {
            if (l.Summary.Length > MaxSummary)
            {
                problems.Add($"{l.Key}: summary {l.Summary.Length} characters (want <= {MaxSummary})");
            }

            if (l.Reflection.Length > MaxReflection)
            {
                problems.Add($"{l.Key}: reflection {l.Reflection.Length} characters (want <= {MaxReflection})");
            }

            foreach (var (part, how) in new[] { ("together", l.Together.How), ("alone", l.Alone.How) })
            {
                var words = Readability.WordCount(how);
                if (words > MaxHowWords)
                {
                    problems.Add($"{l.Key}: {part}.how {words} words (want <= {MaxHowWords})");
                }
            }

            if (string.IsNullOrWhiteSpace(l.Together.Title) || string.IsNullOrWhiteSpace(l.Alone.Title))
            {
                problems.Add($"{l.Key}: the together and alone parts each need a title");
            }
        }

        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Every_area_has_a_lesson_and_every_root_cause_at_least_three()
    {
        var all = All();
        foreach (var area in Lessons.Areas)
        {
            output.WriteLine($"area {area}: {all.Count(l => l.Area == area)}");
        }

        foreach (var cause in Lessons.RootCauseKeys)
        {
            output.WriteLine($"root cause {cause}: {all.Count(l => l.RootCauses.Contains(cause))}");
        }

        var problems = Lessons
            .Areas.Where(a => !all.Any(l => l.Area == a))
            .Select(a => $"area {a}: no lesson")
            .Concat(
                Lessons
                    .RootCauseKeys.Where(c => all.Count(l => l.RootCauses.Contains(c)) < LeastLessonsPerRootCause)
                    .Select(c => $"root cause {c}: {all.Count(l => l.RootCauses.Contains(c))} lessons (want >= {LeastLessonsPerRootCause})")
            )
            .ToList();
        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Every_pick_is_a_conversation_topic_or_date_idea_that_exists()
    {
        using var conversations = JsonDocument.Parse(File.ReadAllText(ContentFile("talk/conversations.en.json")));
        var topics = conversations
            .RootElement.GetProperty("topics")
            .EnumerateArray()
            .Select(t => t.GetProperty("key").GetString())
            .ToHashSet();
        using var dates = JsonDocument.Parse(File.ReadAllText(ContentFile("time-together/date-ideas.en.json")));
        var ideas = dates.RootElement.GetProperty("ideas").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToHashSet();

        var problems = new List<string>();
        foreach (var l in All())
        {
            var (tool, pick) = (l.Together.Tool, l.Together.Pick);
            var ok = tool switch
            {
                "conversation" => pick is not null && topics.Contains(pick),
                "date" => pick is null || ideas.Contains(pick),
                _ => pick is null,
            };
            if (!ok)
            {
                problems.Add($"{l.Key}: {tool} with pick '{pick ?? "null"}'");
            }
        }

        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Every_topic_the_issue_names_has_its_lesson()
    {
        var keys = All().Select(l => l.Key).ToHashSet(StringComparer.Ordinal);
        var missing = IssueTopics.Where(k => !keys.Contains(k)).ToList();
        output.WriteLine($"{IssueTopics.Length - missing.Count} of {IssueTopics.Length} named topics present");
        Assert.True(missing.Count == 0, "Missing lessons: " + string.Join(", ", missing));
    }

    [Fact]
    public void Intimacy_and_repair_lessons_assume_safety_and_point_to_the_safety_page()
    {
        var problems = new List<string>();
        foreach (var l in All().Where(l => l.Area is "intimacy" or "repair"))
        {
            if (!l.AssumesSafety)
            {
                problems.Add($"{l.Key}: area {l.Area} needs assumesSafety: true");
            }

            var text = string.Join(' ', [l.BodyText, l.Professional ?? "", l.Alone.How]);
            if (!text.Contains("safety page", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{l.Key}: area {l.Area} should say that the safety page comes first");
            }
        }

        Assert.True(problems.Count == 0, Report(problems));
    }
}
