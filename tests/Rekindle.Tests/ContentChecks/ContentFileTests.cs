using System.Globalization;
using System.Text.Json;
using Rekindle.Tests.Localization;
using Xunit.Abstractions;

namespace Rekindle.Tests.ContentChecks;

/// <summary>
/// Every content file other than the questions (QuestionContentTests) and the lessons (LessonContentTests): it parses, it has
/// what docs/PRODUCT.md promises, ids are unique, no text is empty, titles and descriptions keep to lengths the files meet, no title
/// is there twice, and the reading level is printed per file, with a limit for the files that guide people through an
/// exercise (decisions/0043).
/// </summary>
public sealed class ContentFileTests(ITestOutputHelper output)
{
    /// <summary>Length limits by property name, measured on the files of December 2026 (the longest then in brackets).</summary>
    public static readonly IReadOnlyDictionary<string, int> MaxLength = new Dictionary<string, int>
    {
        ["title"] = 80, // plan steps (68)
        ["name"] = 90, // official names of services, kept as they call themselves (81)
        ["description"] = 300, // date ideas, gestures (158)
        ["about"] = 300, // directory, check parts (190)
        ["text"] = 300, // check items, desire items, safety advice (192)
        ["explanation"] = 300,
        ["note"] = 300,
        ["safetyNote"] = 300, // (237)
        ["starter"] = 300,
        ["focus"] = 300,
        ["readyWhen"] = 300,
        ["strainedNote"] = 300,
        ["gapQuestion"] = 300,
        ["how"] = 400, // plan steps: a small exercise in a few sentences (383)
    };

    /// <summary>Prose a person reads, by property name (the reading level is measured on these, and on lists of them).</summary>
    private static readonly HashSet<string> Prose =
    [
        "description",
        "about",
        "text",
        "how",
        "explanation",
        "note",
        "safetyNote",
        "starter",
        "focus",
        "readyWhen",
        "strainedNote",
        "gapQuestion",
        "intro",
        "prompt",
        "dont",
        "instead",
        "calmNote",
        "pauseNote",
        "resting",
        "confirmHelp",
        "correctHelp",
        "heardNote",
        "emergency",
        "stillHurtsNote",
        "notExcusing",
        "sentNote",
        "safety",
        "rules",
        "speakerTips",
        "listenerPrompts",
        "breakGuide",
        "avoid",
        "appreciationPrompts",
    ];

    /// <summary>The files that guide people through an exercise or a hard moment: their average grade must stay at or below 10.
    /// The directory and the intimacy resources describe organisations and books (reported, not limited); the soft start-up
    /// file is the helper's patterns, not prose.</summary>
    public static readonly string[] Guidance =
    [
        "intimacy/items.en.json",
        "intimacy/touch-program.en.json",
        "repair/repair.en.json",
        "spontaneity/gestures.en.json",
        "support/safety-resources.en.json",
        "talk/checkin.en.json",
        "talk/conversations.en.json",
        "time-together/date-ideas.en.json",
        "understand/check.en.json",
        "understand/plan-steps.en.json",
    ];

    public const double MaxGuidanceGrade = 10.0;

    private static string Root => Path.Combine(SourceTree.Web, "Content");

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    /// <summary>Every JSON content file but the questions and lessons, which have tests of their own.</summary>
    private static List<string> Files() =>
        Directory
            .EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Where(f => !Relative(f).StartsWith("talk/questions-", StringComparison.Ordinal))
            .Where(f => !Relative(f).StartsWith("program/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static JsonElement Read(string relative)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, relative)));
        return json.RootElement.Clone();
    }

    /// <summary>Every string in the file with the name of the property it sits under (the list's name for a list of strings).</summary>
    private static IEnumerable<(string Property, string Path, string Value)> Strings(
        JsonElement element,
        string property = "",
        string path = "$"
    )
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    foreach (var s in Strings(p.Value, p.Name, path + "." + p.Name))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var s in Strings(item, property, $"{path}[{i++}]"))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.String:
                yield return (property, path, element.GetString()!);
                break;
        }
    }

    /// <summary>Each list of objects in the file, by its path without positions, with the values of one property in it.</summary>
    private static IEnumerable<(string List, List<string> Values)> ListValues(JsonElement element, string name, string path = "$")
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                foreach (var l in ListValues(p.Value, name, path + "." + p.Name))
                {
                    yield return l;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var values = element
                .EnumerateArray()
                .Where(i => i.ValueKind == JsonValueKind.Object && i.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
                .Select(i => i.GetProperty(name).GetString()!)
                .ToList();
            if (values.Count > 0)
            {
                yield return (path, values);
            }

            foreach (var item in element.EnumerateArray())
            {
                foreach (var l in ListValues(item, name, path + "[]"))
                {
                    yield return l;
                }
            }
        }
    }

    [Fact]
    public void Every_content_file_parses_and_is_in_english()
    {
        var files = Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= 15, $"only {files.Count} content files");
        var problems = new List<string>();
        foreach (var file in files)
        {
            try
            {
                using var json = JsonDocument.Parse(File.ReadAllText(file));
                if (!json.RootElement.TryGetProperty("language", out var language) || language.GetString() != "en")
                {
                    problems.Add($"{Relative(file)}: \"language\" is not \"en\"");
                }
            }
            catch (JsonException e)
            {
                problems.Add($"{Relative(file)}: {e.Message}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_files_hold_at_least_what_the_product_promises()
    {
        int Count(string file, string list) => Read(file).GetProperty(list).GetArrayLength();

        var check = Read("understand/check.en.json").GetProperty("items").EnumerateArray().ToList();
        var safety = check.Count(i => i.GetProperty("section").GetString() == "safety");
        var counts = new (string What, int Have, int Least)[]
        {
            ("date ideas", Count("time-together/date-ideas.en.json", "ideas"), 150),
            ("gestures", Count("spontaneity/gestures.en.json", "gestures"), 120),
            ("desire and boundary items", Count("intimacy/items.en.json", "items"), 100),
            ("check items", check.Count, 50),
            ("check safety items", safety, 8),
        };
        foreach (var (what, have, least) in counts)
        {
            output.WriteLine($"{what}: {have} (at least {least})");
        }

        Assert.All(counts, c => Assert.True(c.Have >= c.Least, $"{c.What}: {c.Have}, want at least {c.Least}"));
    }

    [Fact]
    public void Ids_are_unique_within_each_list_and_no_text_is_empty()
    {
        var problems = new List<string>();
        foreach (var file in Files())
        {
            var root = Read(Relative(file));
            foreach (var name in new[] { "id", "key" })
            {
                foreach (var (list, values) in ListValues(root, name))
                {
                    problems.AddRange(
                        values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"{Relative(file)} {list}: {name} '{g.Key}' twice")
                    );
                }
            }

            // An "id" is unique in the whole file too: other content points at it (a lesson's date pick, a hint).
            var ids = ListValues(root, "id").SelectMany(l => l.Values).ToList();
            problems.AddRange(ids.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"{Relative(file)}: id '{g.Key}' in two lists"));

            problems.AddRange(
                Strings(root).Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => $"{Relative(file)} {s.Path}: empty")
            );
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Titles_and_descriptions_keep_to_their_lengths_and_no_title_is_there_twice()
    {
        var problems = new List<string>();
        foreach (var file in Files())
        {
            var root = Read(Relative(file));
            foreach (var (property, path, value) in Strings(root))
            {
                if (MaxLength.TryGetValue(property, out var max) && value.Length > max)
                {
                    problems.Add($"{Relative(file)} {path}: {value.Length} characters (want <= {max})");
                }
            }

            foreach (var (list, titles) in ListValues(root, "title"))
            {
                problems.AddRange(
                    titles
                        .GroupBy(t => t, StringComparer.Ordinal)
                        .Where(g => g.Count() > 1)
                        .Select(g => $"{Relative(file)} {list}: title '{g.Key}' twice")
                );
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Reading_level_is_reported_per_file_and_guidance_stays_at_grade_10_or_below()
    {
        var problems = new List<string>();
        foreach (var file in Files().Where(f => !Relative(f).StartsWith("talk/soft-startup.", StringComparison.Ordinal)))
        {
            var texts = Strings(Read(Relative(file))).Where(s => Prose.Contains(s.Property)).Select(s => s.Value).ToList();
            if (texts.Count == 0)
            {
                continue;
            }

            var grades = texts.Select(Readability.Grade).ToList();
            var average = grades.Average();
            var guidance = Guidance.Contains(Relative(file));
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{Relative(file)}: {texts.Count} texts, average grade {average:0.0}, highest {grades.Max():0.0}{(guidance ? " (guidance)" : "")}"
                )
            );
            if (guidance && average > MaxGuidanceGrade)
            {
                problems.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Relative(file)}: average grade {average:0.0} (want <= {MaxGuidanceGrade})"
                    )
                );
            }
        }

        Assert.All(Guidance, g => Assert.True(File.Exists(Path.Combine(Root, g)), $"{g} is listed as guidance but is not there"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
