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

        // Text made in C# through Text.Of: handler messages, rules' sentences, the summary for a professional.
        Assert.Contains("Please keep it to {0} characters or fewer.", keys);
        Assert.Contains("That doesn't look like an invite code. Codes have 8 letters and numbers, like ABCD-EFGH.", keys);
        Assert.Contains("Made on {0} by one partner, who chose what it includes: {1}.", keys);
        Assert.Contains("Sleep at least {0:0.#} hours", keys);
    }

    [Fact]
    public void No_key_is_built_by_interpolation()
    {
        // A key made with $"..." differs for every value, so no translation can ever hold it.
        var found = SourceTree
            .Files("*.cs")
            .Concat(SourceTree.Files("*.razor"))
            .SelectMany(f => ResourceKeys.InterpolatedKeys(File.ReadAllText(f)).Select(m => $"{SourceTree.Relative(f)}: {m}"))
            .ToList();
        Assert.True(found.Count == 0, "Use a literal key with {0} placeholders instead:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("""<p>@T[$"Hello {name}"]</p>""")]
    [InlineData("""var s = Text.Of($"Use at most {max} characters.");""")]
    [InlineData("""return Outcome<bool>.Fail($"You have {n} goals already.");""")]
    [InlineData("""var s = T[ @$"Over {n}" ];""")]
    public void The_interpolation_check_finds_a_built_key(string source) => Assert.Single(ResourceKeys.InterpolatedKeys(source));

    [Theory]
    [InlineData("""<p>@T["Hello {0}", name]</p>""")]
    [InlineData("""var s = Text.Of("Use at most {0} characters.", max);""")]
    [InlineData("""var key = $"nudge:{id:N}";""")]
    public void The_interpolation_check_leaves_literal_keys_alone(string source) => Assert.Empty(ResourceKeys.InterpolatedKeys(source));

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
        File.WriteAllText(
            file,
            """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <data name="Save" xml:space="preserve"><value>Speichern</value></data>
              <data name="{0} minutes" xml:space="preserve"><value>Minuten</value></data>
              <data name="Gone from the code" xml:space="preserve"><value>Weg</value></data>
            </root>
            """
        );
        string[] used = ["Save", "{0} minutes", "Reminders and quiet hours"];

        var problems = ResourceKeys.Problems(used, file);

        Assert.Contains(problems, p => p.Contains("missing \"Reminders and quiet hours\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"{0} minutes\" has placeholders", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"Gone from the code\" is no longer used", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }
}
