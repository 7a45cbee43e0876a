using System.Text.RegularExpressions;
using Rekindle.Tests.Localization;

namespace Rekindle.Tests.Platform;

/// <summary>The repository explains itself: what its files cite is inside it, and hand-written lines fit 140 columns.</summary>
public sealed partial class RepositoryTests
{
    private const int MaxLine = 140;

    private static readonly string[] CitingFolders = ["src", "tests", "scripts", "docs", "bench"];

    private static readonly string[] CodeFolders = ["src", "tests"];

    private static readonly string[] CitingExtensions =
    [
        ".cs",
        ".razor",
        ".md",
        ".sh",
        ".js",
        ".css",
        ".json",
        ".csproj",
        ".props",
        ".yaml",
        ".yml",
        "Dockerfile",
    ];

    private static readonly string[] CodeExtensions = [".cs", ".razor", ".js", ".css"];

    private static readonly string[] Skipped = ["bin", "obj", "node_modules", ".git"];

    // Generated code: migrations and compiled models, in their old folders and under Data/Generated.
    private static readonly string[] Generated = ["Migrations", "CompiledModels", "Generated"];

    private static readonly string[] SkippedWithGenerated = [.. Skipped, .. Generated];

    private static IEnumerable<string> FilesUnder(string folder, string[] extensions, string[] skipped) =>
        Directory.Exists(Path.Combine(SourceTree.Root, folder))
            ? Directory
                .EnumerateFiles(Path.Combine(SourceTree.Root, folder), "*", SearchOption.AllDirectories)
                .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)))
                .Where(f => !Path.GetRelativePath(SourceTree.Root, f).Split(Path.DirectorySeparatorChar).Any(skipped.Contains))
                .Order(StringComparer.Ordinal)
            : [];

    /// <summary>A path out of the repository, or the team's briefs that used to sit beside it.</summary>
    [GeneratedRegex(@"\.\./shared|(?<![\w.\-])shared/[\w.\-]+\.md")]
    private static partial Regex Outside();

    /// <summary>A rule page named without its folder: in code and scripts it must say docs/.</summary>
    [GeneratedRegex(@"(?<![\w/.\-])(?<!\]\()(PRODUCT|TRUST|ENGINEERING|PERFORMANCE)\.md")]
    private static partial Regex BareRulePage();

    /// <summary>A page under docs/ that a file names.</summary>
    [GeneratedRegex(@"(?<![\w.\-])docs/[\w./\-]+\.md")]
    private static partial Regex DocsPage();

    /// <summary>
    /// Problems in one file's text; the folder it is in decides whether a bare page name counts (docs/ links are relative).
    /// </summary>
    public static IEnumerable<string> PointersOutside(string text, bool inDocs, Func<string, bool> exists)
    {
        foreach (Match match in Outside().Matches(text))
        {
            yield return $"\"{match.Value}\" points outside the repository";
        }

        if (!inDocs)
        {
            foreach (Match match in BareRulePage().Matches(text))
            {
                yield return $"\"{match.Value}\" without docs/ (the rules live in docs/)";
            }
        }

        foreach (Match match in DocsPage().Matches(text))
        {
            if (!exists(match.Value.TrimEnd('.')))
            {
                yield return $"\"{match.Value}\" does not exist";
            }
        }
    }

    [Theory]
    [InlineData("see ../sha" + "red/TRUST.md", true)]
    [InlineData("(shared/PRODUCT" + ".md, rule 4)", true)]
    [InlineData("/// (TRUST" + ".md T17)", true)]
    [InlineData("// docs/NOWHERE" + ".md", true)]
    [InlineData("/// (docs/TRUST.md T17) and docs/PRODUCT.md rule 4", false)]
    [InlineData("Shared/SamePage.cs and Components/Shared/FormPage.cs", false)]
    public void The_check_finds_pointers_outside_and_leaves_the_rest(string text, bool found) =>
        Assert.Equal(found, PointersOutside(text, inDocs: false, p => File.Exists(Path.Combine(SourceTree.Root, p))).Any());

    [Fact]
    public void No_file_points_outside_the_repository()
    {
        var found = CitingFolders
            .SelectMany(folder => FilesUnder(folder, CitingExtensions, Skipped))
            .Concat([Path.Combine(SourceTree.Root, "README.md"), Path.Combine(SourceTree.Root, "Dockerfile")])
            .Where(File.Exists)
            .SelectMany(f =>
                PointersOutside(File.ReadAllText(f), SourceTree.Relative(f).StartsWith("docs/", StringComparison.Ordinal), p =>
                        File.Exists(Path.Combine(SourceTree.Root, p))
                    )
                    .Select(problem => $"{SourceTree.Relative(f)}: {problem}")
            )
            .ToList();
        Assert.True(
            found.Count == 0,
            "Cite the rules in docs/ (docs/PRODUCT.md, docs/TRUST.md T1-T20, docs/PERFORMANCE.md), never files beside the repository:\n"
                + string.Join("\n", found)
        );
    }

    [Fact]
    public void No_hand_written_line_is_longer_than_140_characters()
    {
        var found = CodeFolders
            .SelectMany(folder => FilesUnder(folder, CodeExtensions, SkippedWithGenerated))
            .SelectMany(f =>
                File.ReadLines(f)
                    .Select((line, i) => (Line: i + 1, Text: line, Length: line.EnumerateRunes().Count()))
                    .Where(l => l.Length > MaxLine && !IsOneUnbreakableLiteral(l.Text))
                    .Select(l => $"{SourceTree.Relative(f)}:{l.Line} ({l.Length})")
            )
            .ToList();
        var message = $"{found.Count} lines are longer than {MaxLine} characters (CSharpier wraps .cs code; wrap the rest by hand):\n";
        Assert.True(found.Count == 0, message + string.Join("\n", found.Take(200)));
    }

    /// <summary>
    /// A line is allowed past the limit only when one string literal makes it so: a text key (<c>T["..."]</c>,
    /// <c>Text.Of("...")</c>) cannot be split without changing the key the resource check collects. The rest of the
    /// line must still be short (at most 60 characters), so code around a literal cannot hide behind it.
    /// </summary>
    internal static bool IsOneUnbreakableLiteral(string line)
    {
        var longest = Regex.Matches(line, "\"(?:[^\"\\\\]|\\\\.)*\"").Select(m => m.Length).DefaultIfEmpty(0).Max();
        return longest > 0 && line.Length - longest <= 60;
    }

    [Theory]
    [InlineData(
        "            \"A long sentence that is one text key, far longer than the limit allows, which must stay whole so the key does not change.\",",
        true
    )]
    [InlineData(
        "        <p class=\"muted\">@T[\"A long sentence that is one text key, far longer than the limit allows, which must stay whole here.\"]</p>",
        true
    )]
    [InlineData(
        "        var thing = SomeCall(first, second, third, fourth, fifth, sixth, seventh) + OtherCall(\"a literal that is long enough\");",
        false
    )]
    public void Only_a_line_made_long_by_one_literal_is_allowed_past_the_limit(string line, bool allowed) =>
        Assert.Equal(allowed, IsOneUnbreakableLiteral(line));
}
