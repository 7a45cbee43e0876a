using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;

namespace Rekindle.Web.Infrastructure.Localization;

/// <summary>
/// A pseudo-language for tests: <c>qps-ploc</c> (the name Windows gives its pseudo-locale). In it every interface text,
/// from <c>T[...]</c> and <c>Text.Of</c> alike, is the English with its vowels accented ("Pléásé kéép ít shórt"),
/// so a test can see that nothing decides by reading English text. Off unless an instance lists it in
/// Localization:Languages, which no real instance has a reason to do (docs/OPERATIONS.md); it needs no resource file.
/// </summary>
public static class PseudoLanguage
{
    public const string Name = "qps-ploc";

    /// <summary>Whether the current UI culture (the request's, or a <see cref="CultureScope"/>'s) is the pseudo-language.</summary>
    public static bool IsCurrent => string.Equals(CultureInfo.CurrentUICulture.Name, Name, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The text with its vowels accented; format items (<c>{0:0.#}</c>), HTML tags and entities are left as they are,
    /// so the result formats and renders like the English.
    /// </summary>
    public static string Transform(string text)
    {
        var result = new StringBuilder(text.Length);
        char? closing = null;
        foreach (var c in text)
        {
            if (closing is { } end)
            {
                closing = c == end ? null : closing;
                result.Append(c);
                continue;
            }

            closing = c switch
            {
                '{' => '}',
                '<' => '>',
                '&' => ';',
                _ => null,
            };
            result.Append(
                c switch
                {
                    'a' => 'á',
                    'e' => 'é',
                    'i' => 'í',
                    'o' => 'ó',
                    'u' => 'ú',
                    'A' => 'Á',
                    'E' => 'É',
                    'I' => 'Í',
                    'O' => 'Ó',
                    'U' => 'Ú',
                    _ => c,
                }
            );
        }

        return result.ToString();
    }
}

/// <summary>Makes localizers that give the pseudo-language's text while it is the current UI culture, else the inner text.</summary>
public sealed class PseudoLocalizerFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
{
    public IStringLocalizer Create(Type resourceSource) => new PseudoLocalizer(inner.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => new PseudoLocalizer(inner.Create(baseName, location));
}

/// <summary>A localizer that transforms its inner localizer's text while the pseudo-language is current.</summary>
public sealed class PseudoLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public LocalizedString this[string name] => PseudoLanguage.IsCurrent ? Pseudo(inner[name]) : inner[name];

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            if (!PseudoLanguage.IsCurrent)
            {
                return inner[name, arguments];
            }

            // The format is transformed before it is filled in, so what goes into the placeholders stays as it is.
            var format = inner[name];
            var value = string.Format(CultureInfo.CurrentCulture, PseudoLanguage.Transform(format.Value), arguments);
            return new LocalizedString(name, value, format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        PseudoLanguage.IsCurrent ? inner.GetAllStrings(includeParentCultures).Select(Pseudo) : inner.GetAllStrings(includeParentCultures);

    private static LocalizedString Pseudo(LocalizedString text) =>
        new(text.Name, PseudoLanguage.Transform(text.Value), text.ResourceNotFound, text.SearchedLocation);
}
