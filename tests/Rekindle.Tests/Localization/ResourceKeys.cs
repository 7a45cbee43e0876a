using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Rekindle.Tests.Localization;

/// <summary>
/// The interface text keys the code uses (the English text in <c>T["..."]</c>, in .razor and .cs), and
/// what a translation's .resx file lacks or has too much of, compared with them.
/// </summary>
internal static partial class ResourceKeys
{
    /// <summary>
    /// Every literal key in a localizer call: <c>T["..."]</c> (pages, emails, handlers given the localizer as T)
    /// and <c>Text.Of("...")</c> (text made in C#: handler messages, rules, the summary for a professional).
    /// </summary>
    public static SortedSet<string> UsedInCode()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceTree.Files("*.razor").Concat(SourceTree.Files("*.cs")))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in Key().Matches(source).Concat(TextKey().Matches(source)))
            {
                keys.Add(Regex.Unescape(m.Groups[1].Value));
            }
        }

        return keys;
    }

    public static Dictionary<string, string> Read(string resxPath) =>
        XDocument
            .Load(resxPath)
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>What is wrong with one translation: keys it lacks, placeholders it changed, keys nothing uses any more.</summary>
    public static List<string> Problems(IReadOnlyCollection<string> used, string resxPath)
    {
        var translated = Read(resxPath);
        var name = Path.GetFileName(resxPath);
        var problems = new List<string>();
        foreach (var key in used)
        {
            if (!translated.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name}: missing \"{key}\"");
            }
            else if (!Placeholders(key).SetEquals(Placeholders(value)))
            {
                problems.Add(
                    $"{name}: \"{key}\" has placeholders {string.Join(",", Placeholders(value))}, "
                        + $"the key {string.Join(",", Placeholders(key))}"
                );
            }
        }

        problems.AddRange(translated.Keys.Where(k => !used.Contains(k)).Select(k => $"{name}: \"{k}\" is no longer used by the code"));
        return problems;
    }

    /// <summary>The resource file a configured culture reads its text from, or null for English (the keys are English).</summary>
    public static string? FileFor(string cultureName)
    {
        var culture = CultureInfo.GetCultureInfo(cultureName);
        if (culture.TwoLetterISOLanguageName == "en")
        {
            return null;
        }

        var folder = Path.Combine(SourceTree.Web, "Resources");
        var exact = Path.Combine(folder, $"SharedResource.{culture.Name}.resx");
        return File.Exists(exact) ? exact : Path.Combine(folder, $"SharedResource.{culture.TwoLetterISOLanguageName}.resx");
    }

    public static HashSet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("""\bT\[\s*"((?:[^"\\]|\\.)*)"\s*[,\]]""")]
    private static partial Regex Key();

    /// <summary>Localizer calls whose key is built at run time, so no translation can have it: <c>T[$"..."]</c>, <c>Text.Of($"...")</c>,
    /// and so on.</summary>
    public static IEnumerable<string> InterpolatedKeys(string source) => Interpolated().Matches(source).Select(m => m.Value);

    [GeneratedRegex("""\bText\.Of\(\s*"((?:[^"\\]|\\.)*)"\s*[,)]""")]
    private static partial Regex TextKey();

    [GeneratedRegex("""\b(?:T\[|Text\.Of\(|Fail\()\s*(?:\$@?|@\$)"[^\n]{0,60}""")]
    private static partial Regex Interpolated();

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
