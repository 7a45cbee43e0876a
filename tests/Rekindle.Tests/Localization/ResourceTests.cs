using System.Text.Json;

namespace Rekindle.Tests.Localization;

/// <summary>Every shipped language has every key the code uses, with the same placeholders, and nothing stale.</summary>
public sealed class ResourceTests
{
    private static List<string> ConfiguredLanguages()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SourceTree.Web, "appsettings.json")));
        return json.RootElement.GetProperty("Localization").GetProperty("Languages").EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    [Fact]
    public void The_code_uses_keys_the_check_can_see()
    {
        var keys = ResourceKeys.UsedInCode();

        // The pages' and emails' text: if the pattern stopped matching, every check below would pass on nothing.
        Assert.True(keys.Count > 500, $"only {keys.Count} keys found");
        Assert.Contains("Reminders and quiet hours", keys);
        Assert.Contains("This week's check-in, for the week of {0}, is waiting for you in Rekindle.", keys);
    }

    [Fact]
    public void Every_configured_language_has_every_key()
    {
        var languages = ConfiguredLanguages();
        Assert.NotEmpty(languages);
        var used = ResourceKeys.UsedInCode();
        var problems = new List<string>();
        foreach (var language in languages)
        {
            if (ResourceKeys.FileFor(language) is not { } file)
            {
                continue;
            }

            if (!File.Exists(file))
            {
                problems.Add($"{language}: no {SourceTree.Relative(file)}");
                continue;
            }

            problems.AddRange(ResourceKeys.Problems(used, file));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
    }

    [Fact]
    public void No_translation_file_is_left_without_its_language()
    {
        // A .resx nobody configured is never checked above, so it would go stale unseen.
        var configured = ConfiguredLanguages().Select(ResourceKeys.FileFor).OfType<string>().ToHashSet();
        var folder = Path.Combine(SourceTree.Web, "Resources");
        var stray = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.resx").Where(f => !configured.Contains(f)).ToList() : [];
        Assert.True(stray.Count == 0, "Not in Localization:Languages: " + string.Join(", ", stray.Select(SourceTree.Relative)));
    }

    [Fact]
    public void The_check_reports_a_missing_key_a_changed_placeholder_and_a_stale_key()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("rekindle-resx-").FullName, "SharedResource.xx.resx");
        File.WriteAllText(file, """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="Save" xml:space="preserve"><value>Speichern</value></data>
              <data name="{0} minutes" xml:space="preserve"><value>Minuten</value></data>
              <data name="Gone from the code" xml:space="preserve"><value>Weg</value></data>
            </root>
            """);
        string[] used = ["Save", "{0} minutes", "Reminders and quiet hours"];

        var problems = ResourceKeys.Problems(used, file);

        Assert.Contains(problems, p => p.Contains("missing \"Reminders and quiet hours\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"{0} minutes\" has placeholders", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"Gone from the code\" is no longer used", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }
}
