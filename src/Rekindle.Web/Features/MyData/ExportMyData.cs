using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.MyData;

/// <summary>Gathers every area's section into one document, as JSON or as a page a person can read.</summary>
public sealed partial class ExportMyData(IEnumerable<IExportSection> sections, SecurityLog securityLog, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<Dictionary<string, object?>> CollectAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var document = new Dictionary<string, object?>
        {
            ["exportedAt"] = clock.GetUtcNow().UtcDateTime,
            ["about"] = "Everything Rekindle keeps that belongs to you, and what your couple shares.",
        };
        foreach (var section in sections)
        {
            document[section.Name] = await section.ExportAsync(memberId, cancellationToken);
        }

        await securityLog.RecordAsync(memberId, SecurityEventKind.Exported);
        return document;
    }

    public static byte[] ToJson(Dictionary<string, object?> document) => JsonSerializer.SerializeToUtf8Bytes(document, Json);

    /// <summary>The readable page, with each area's own words for its machine names.</summary>
    public byte[] ToHtml(Dictionary<string, object?> document) => ToHtml(document, sections);

    /// <summary>
    /// The same content as a self-contained HTML page: every value encoded, nothing loaded from anywhere.
    /// Unlike the JSON, it reads as people read: times in the reader's zone and culture (<see cref="Formats"/>),
    /// yes and no as words, and machine names in the words their area gives (<see cref="IExportSection.Readable"/>).
    /// </summary>
    public static byte[] ToHtml(Dictionary<string, object?> document, IEnumerable<IExportSection> sections)
    {
        var byName = sections.DistinctBy(s => s.Name).ToDictionary(s => s.Name, StringComparer.Ordinal);
        using var parsed = JsonDocument.Parse(ToJson(document));
        var html = new StringBuilder();
        html.Append(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            )
            .Append(
                "<title>Your Rekindle data</title><style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#2a211d;overflow-wrap:anywhere}"
            )
            .Append(
                "dl{display:grid;grid-template-columns:minmax(8rem,auto) minmax(0,1fr);gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}dt,dd{overflow-wrap:anywhere}"
            )
            .Append(
                // On a phone the names sit above their values, so nothing scrolls sideways.
                "@media (max-width:30rem){dl{grid-template-columns:minmax(0,1fr)}dd{margin-bottom:.5rem}}ul{padding-left:1.25rem}section{margin:1.5rem 0}</style></head><body>"
            )
            .Append("<h1>Your Rekindle data</h1>");
        foreach (var property in parsed.RootElement.EnumerateObject())
        {
            html.Append("<section><h2>").Append(Encode(Title(property.Name))).Append("</h2>");
            var section = byName.GetValueOrDefault(property.Name);
            Render(property.Value, html, property.Name, section is null ? null : section.Readable);
            html.Append("</section>");
        }

        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Render(JsonElement value, StringBuilder html, string property, Func<string, string, string?>? readable)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<dl>");
                foreach (var child in value.EnumerateObject())
                {
                    html.Append("<dt>").Append(Encode(Title(child.Name))).Append("</dt><dd>");
                    Render(child.Value, html, child.Name, readable);
                    html.Append("</dd>");
                }

                html.Append("</dl>");
                break;
            case JsonValueKind.Array:
                if (value.GetArrayLength() == 0)
                {
                    html.Append("<p>None.</p>");
                    break;
                }

                html.Append("<ul>");
                foreach (var item in value.EnumerateArray())
                {
                    html.Append("<li>");
                    Render(item, html, property, readable);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                html.Append('—');
                break;
            case JsonValueKind.True:
                html.Append(Encode(Text.Of("Yes")));
                break;
            case JsonValueKind.False:
                html.Append(Encode(Text.Of("No")));
                break;
            case JsonValueKind.String:
                html.Append(Encode(Readable(value.GetString() ?? "", property, readable)));
                break;
            default:
                html.Append(Encode(value.GetRawText()));
                break;
        }
    }

    /// <summary>
    /// A string as people read it: a stored (UTC) time or a date in the reader's zone and culture, else
    /// the area's words for it, else the string itself.
    /// </summary>
    private static string Readable(string text, string property, Func<string, string, string?>? readable)
    {
        if (IsoDateTime().IsMatch(text) && DateTime.TryParse(text, CultureInfo.InvariantCulture, Universal, out var utc))
        {
            return Formats.At(utc);
        }

        if (
            IsoDate().IsMatch(text)
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        )
        {
            return Formats.Date(day);
        }

        return readable?.Invoke(property, text) ?? text;
    }

    private const DateTimeStyles Universal = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    // What System.Text.Json writes for DateTime and DateTimeOffset: "2026-06-02T23:30:00", "...Z" or "...+02:00".
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // "twoFactorEnabled" -> "Two factor enabled"
    private static string Title(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(words.Length == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
