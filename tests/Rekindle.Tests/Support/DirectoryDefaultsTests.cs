using System.Text.Json;
using Rekindle.Web.Features.Support;

namespace Rekindle.Tests.Support;

/// <summary>
/// The built-in directory's defaults (decisions/0043): in every country the helplines cover, somewhere to find a couples
/// counselor and a sex therapist. The operator's own file replaces this list and is not held to it.
/// </summary>
public sealed class DirectoryDefaultsTests
{
    /// <summary>Where we know of no national body whose name and address we are sure of; each says why (decisions/0043).</summary>
    private static readonly Dictionary<(string Country, string Kind), string> KnownGaps = new()
    {
        [("NZ", "sex-therapist")] = "no national sex therapy body we are sure of; add one when someone who knows does",
    };

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Content", "support");

    /// <summary>The names a directory region may use for a helpline country: the country, and the United Kingdom for its nations.</summary>
    private static string[] NamesFor(string code, string name) =>
        code.StartsWith("GB-", StringComparison.Ordinal) ? [name, "United Kingdom"] : [name];

    /// <summary>A region's places: "England and Wales", "Quebec, Canada" and "United States and Canada" each name two.</summary>
    private static string[] Places(string region) =>
        region.Split([" and ", ","], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public void Every_helpline_country_has_a_couples_counselor_and_a_sex_therapist_entry()
    {
        using var safety = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "safety-resources.en.json")));
        var countries = safety
            .RootElement.GetProperty("countries")
            .EnumerateArray()
            .Select(c => (Code: c.GetProperty("code").GetString()!, Name: c.GetProperty("name").GetString()!))
            .Where(c => c.Code != "elsewhere")
            .ToList();
        Assert.True(countries.Count >= 9, $"only {countries.Count} helpline countries");
        var directory = SupportDirectory.Load(Path.Combine(Folder, "directory.en.json"));

        var problems = new List<string>();
        foreach (var (code, name) in countries)
        {
            foreach (var kind in new[] { "couples-counselor", "sex-therapist" })
            {
                var has = directory.Entries.Any(e => e.Kinds.Contains(kind) && Places(e.Region).Intersect(NamesFor(code, name)).Any());
                if (!has && !KnownGaps.ContainsKey((code, kind)))
                {
                    problems.Add($"{name} ({code}): no {kind} entry");
                }

                if (has && KnownGaps.ContainsKey((code, kind)))
                {
                    problems.Add($"{name} ({code}) has a {kind} entry now: take it out of KnownGaps");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_built_in_directory_says_when_it_was_checked_and_every_link_is_https()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "directory.en.json")));
        Assert.True(DateOnly.TryParseExact(json.RootElement.GetProperty("checked").GetString(), "yyyy-MM-dd", out _));
        var directory = SupportDirectory.Load(Path.Combine(Folder, "directory.en.json"));
        Assert.All(directory.Entries, e => Assert.StartsWith("https://", e.Web ?? "https://", StringComparison.Ordinal));
        Assert.Equal(directory.Entries.Count, directory.Entries.Select(e => e.Name).Distinct().Count());
    }
}
