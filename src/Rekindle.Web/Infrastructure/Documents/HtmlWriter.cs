using System.Text;
using System.Text.Encodings.Web;

namespace Rekindle.Web.Infrastructure.Documents;

/// <summary>
/// Writes a <see cref="PrintDocument"/> as one self-contained HTML page: every value encoded, its
/// style inside it, nothing loaded from anywhere, and print-friendly, so it can be saved, sent or
/// printed as it is.
/// </summary>
public static class HtmlWriter
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#2a211d}"
        + "h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.2rem;margin-top:1.75rem}.small{font-size:.9rem;color:#665c54}"
        + "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.95rem}th,td{text-align:left;padding:.3rem .5rem .3rem 0;border-bottom:1px solid #ddd;vertical-align:top}"
        + "th{border-bottom:2px solid #999}footer{margin-top:2rem;font-size:.85rem;color:#665c54}@media print{body{margin:0;max-width:none}}";

    public static byte[] Write(PrintDocument document, string language = "en")
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"")
            .Append(Encode(language))
            .Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>")
            .Append(Encode(document.Title))
            .Append("</title><style>")
            .Append(Style)
            .Append("</style></head><body><main>")
            .Append("<h1>")
            .Append(Encode(document.Title))
            .Append("</h1>");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    html.Append("<h2>").Append(Encode(h.Text)).Append("</h2>");
                    break;
                case DocParagraph p:
                    html.Append(p.Small ? "<p class=\"small\">" : "<p>").Append(Encode(p.Text)).Append("</p>");
                    break;
                case DocTable t:
                    html.Append("<table><thead><tr>");
                    foreach (var cell in t.Header)
                    {
                        html.Append("<th scope=\"col\">").Append(Encode(cell)).Append("</th>");
                    }

                    html.Append("</tr></thead><tbody>");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (var c = 0; c < row.Count; c++)
                        {
                            html.Append(c == 0 ? "<th scope=\"row\">" : "<td>").Append(Encode(row[c])).Append(c == 0 ? "</th>" : "</td>");
                        }

                        html.Append("</tr>");
                    }

                    html.Append("</tbody></table>");
                    break;
            }
        }

        html.Append("</main><footer>").Append(Encode(document.Footer)).Append("</footer></body></html>");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
