using System.Net;
using System.Text;
using System.Text.Json;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.MyData;

/// <summary>Gathers every area's section into one document, as JSON or as a page a person can read.</summary>
public sealed class ExportMyData(IEnumerable<IExportSection> sections, SecurityLog securityLog, TimeProvider clock)
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

    /// <summary>The same content as a self-contained HTML page: every value encoded, nothing loaded from anywhere.</summary>
    public static byte[] ToHtml(Dictionary<string, object?> document)
    {
        using var parsed = JsonDocument.Parse(ToJson(document));
        var html = new StringBuilder();
        html.Append(
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            )
            .Append(
                "<title>Your Rekindle data</title><style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#2a211d}"
            )
            .Append(
                "dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.25rem 1rem}dt{font-weight:600}ul{padding-left:1.25rem}section{margin:1.5rem 0}</style></head><body>"
            )
            .Append("<h1>Your Rekindle data</h1>");
        foreach (var property in parsed.RootElement.EnumerateObject())
        {
            html.Append("<section><h2>").Append(Encode(Title(property.Name))).Append("</h2>");
            Render(property.Value, html);
            html.Append("</section>");
        }

        html.Append("</body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static void Render(JsonElement value, StringBuilder html)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                html.Append("<dl>");
                foreach (var property in value.EnumerateObject())
                {
                    html.Append("<dt>").Append(Encode(Title(property.Name))).Append("</dt><dd>");
                    Render(property.Value, html);
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
                    Render(item, html);
                    html.Append("</li>");
                }

                html.Append("</ul>");
                break;
            case JsonValueKind.Null or JsonValueKind.Undefined:
                html.Append('—');
                break;
            case JsonValueKind.String:
                html.Append(Encode(value.GetString() ?? ""));
                break;
            default:
                html.Append(Encode(value.GetRawText()));
                break;
        }
    }

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
