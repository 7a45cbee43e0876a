using System.Text.Json;

namespace Rekindle.Tests.Localization;

/// <summary>Every content file names its language, and the name matches the file's: a translation is a new file beside it.</summary>
public sealed class ContentLanguageTests
{
    // Not text for people to read in a language: a list of passwords to refuse, whatever language they are in.
    private static readonly string[] NotLanguageContent = ["common-passwords.txt"];

    [Fact]
    public void Every_content_file_declares_the_language_its_name_says()
    {
        var files = SourceTree
            .Files("*")
            .Where(f => SourceTree.Relative(f).StartsWith("src/Rekindle.Web/Content/", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count >= 10, $"found only {files.Count} content files");

        var problems = new List<string>();
        foreach (var file in files.Where(f => !NotLanguageContent.Contains(Path.GetFileName(f))))
        {
            var name = Path.GetFileName(file);
            var parts = name.Split('.');
            if (parts.Length < 3 || parts[^1] != "json")
            {
                problems.Add($"{SourceTree.Relative(file)}: name it <kind>.<language>.json");
                continue;
            }

            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var declared =
                json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("language", out var l)
                    ? l.GetString()
                    : null;
            if (declared != parts[^2])
            {
                problems.Add($"{SourceTree.Relative(file)}: \"language\" is {declared ?? "missing"}, the name says {parts[^2]}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
