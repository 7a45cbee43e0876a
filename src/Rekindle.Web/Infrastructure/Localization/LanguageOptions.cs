using System.Globalization;

namespace Rekindle.Web.Infrastructure.Localization;

/// <summary>
/// The languages an instance offers, as culture names ("en-GB", "en-US"). The first is the default:
/// for visitors whose browser asks for none of them, and for members who chose none. A culture uses
/// its language's resources (English needs none: the English text is the key) and its own formats.
/// </summary>
public sealed class LanguageOptions
{
    public const string Section = "Localization";

    /// <summary>Empty: English with British formats only (<see cref="Localization.Languages.Fallback"/>).</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>What is wrong with the list, or null when every name is a culture this machine knows.</summary>
    public static string? Problem(IReadOnlyList<string> languages)
    {
        // .NET accepts any well-formed name and makes up a culture for it, so "knows" means: in the system's list
        // (or the pseudo-language tests use, which no system lists).
        var known = CultureInfo
            .GetCultures(CultureTypes.AllCultures)
            .Select(c => c.Name)
            .Append(PseudoLanguage.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = languages
            .Where(l => string.IsNullOrWhiteSpace(l) || l == CultureInfo.InvariantCulture.Name || !known.Contains(l.Trim()))
            .ToList();
        if (unknown.Count > 0)
        {
            return "Localization:Languages has culture names this machine does not know: "
                + $"{string.Join(", ", unknown.Select(u => $"\"{u}\""))}. Use names like \"en-GB\" or \"de-DE\".";
        }

        var twice = languages
            .GroupBy(l => l.Trim(), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        return twice.Count > 0 ? $"Localization:Languages names {string.Join(", ", twice)} more than once." : null;
    }
}

/// <summary>The configured languages as cultures; the first is the default.</summary>
public sealed class Languages
{
    /// <summary>The language when none is configured.</summary>
    public const string Fallback = "en-GB";

    public Languages(IEnumerable<string> names)
    {
        All = names.Select(n => CultureInfo.GetCultureInfo(n.Trim())).ToList();
        if (All.Count == 0)
        {
            All = [CultureInfo.GetCultureInfo(Fallback)];
        }
    }

    public IReadOnlyList<CultureInfo> All { get; }

    public CultureInfo Default => All[0];

    /// <summary>Whether members get a choice at all.</summary>
    public bool AreSeveral => All.Count > 1;

    /// <summary>The listed culture with this name (any case), or null.</summary>
    public CultureInfo? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : All.FirstOrDefault(c => c.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A member's stored choice, or the default when they made none or it is no longer offered.</summary>
    public CultureInfo For(string? memberChoice) => Find(memberChoice) ?? Default;

    /// <summary>A name to show for a culture in its own language, e.g. "English (United Kingdom)".</summary>
    public static string NativeName(CultureInfo culture) =>
        culture.NativeName.Length > 0 ? char.ToUpper(culture.NativeName[0], culture) + culture.NativeName[1..] : culture.Name;
}
