using System.Text;
using Rekindle.Web.Infrastructure.Documents;

namespace Rekindle.Tests.Support;

/// <summary>The PDF and HTML writers, checked by programs that share nothing with them.</summary>
public sealed class PdfWriterTests
{
    private static readonly DateTime Made = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static PrintDocument Sample(int rows = 3) =>
        new(
            "A summary (with brackets) \\ and a backslash",
            [
                new DocParagraph("Café, naïve, “quoted”, 50 € – and Ω, ő and 🌱."),
                new DocHeading("Numbers"),
                new DocTable(
                    ["Week of", "Value"],
                    Enumerable
                        .Range(1, rows)
                        .Select(i =>
                            (IReadOnlyList<string>)[$"Row {i}", (i * 3).ToString(System.Globalization.CultureInfo.InvariantCulture)]
                        )
                        .ToList()
                ),
                new DocParagraph("A small note at the end.", Small: true),
            ],
            "Footer words",
            Made
        );

    [Fact]
    public void A_short_document_is_one_valid_page_that_a_reader_extracts_word_for_word()
    {
        var pdf = PdfWriter.Write(Sample());
        Assert.StartsWith("%PDF-1.4", Encoding.ASCII.GetString(pdf, 0, 8), StringComparison.Ordinal);
        PdfTools.Check(pdf);
        Assert.Equal(1, PdfTools.Pages(pdf));
        var text = PdfTools.Text(pdf);
        Assert.Contains("A summary (with brackets) \\ and a backslash", text, StringComparison.Ordinal);
        // Windows-1252 letters survive; others lose their accent, or become "?" when nothing is left.
        Assert.Contains("Café, naïve, “quoted”, 50 € – and ?, o and ?.", text, StringComparison.Ordinal);
        Assert.Contains("Row 3 9", text, StringComparison.Ordinal);
        Assert.Contains("Footer words · Page 1 of 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_as_wide_as_its_header_keeps_the_header_whole()
    {
        // The summary's single-check table: the "Score" column is exactly as wide as its header, and rounding once split it.
        var pdf = PdfWriter.Write(
            new PrintDocument(
                "Scores",
                [
                    new DocTable(
                        ["Area", "Score", "Level"],
                        [
                            ["Time together", "12", "Some strain"],
                            ["Money", "3", "Steady"],
                        ]
                    ),
                ],
                "Footer words",
                Made
            )
        );
        PdfTools.Check(pdf);
        Assert.Contains("Area Score Level", PdfTools.Text(pdf), StringComparison.Ordinal);
        Assert.Single(PdfWriter.Wrap("Score", 9, true, PdfWriter.WidthOf("Score", 9, true) + 8 - 8));
    }

    [Fact]
    public void The_same_document_gives_the_same_bytes()
    {
        Assert.Equal(PdfWriter.Write(Sample()), PdfWriter.Write(Sample()));
        Assert.NotEqual(PdfWriter.Write(Sample()), PdfWriter.Write(Sample(4)));
    }

    [Fact]
    public void A_long_table_runs_over_pages_with_its_header_again_and_every_page_numbered()
    {
        var pdf = PdfWriter.Write(Sample(rows: 150));
        PdfTools.Check(pdf);
        var pages = PdfTools.Pages(pdf);
        Assert.InRange(pages, 3, 6);
        var text = PdfTools.Text(pdf);
        Assert.Equal(pages, Count(text, "Week of Value"));
        for (var p = 1; p <= pages; p++)
        {
            Assert.Contains($"Page {p} of {pages}", text, StringComparison.Ordinal);
        }

        // Every row is there once, in order.
        var last = -1;
        for (var i = 1; i <= 150; i++)
        {
            var at = text.IndexOf($"Row {i} {i * 3}", StringComparison.Ordinal);
            Assert.True(at > last, $"row {i} missing or out of order");
            last = at;
        }
    }

    [Fact]
    public void Long_paragraphs_wrap_inside_the_margins_and_a_word_longer_than_a_line_is_split()
    {
        var words = string.Join(' ', Enumerable.Repeat("closeness", 400));
        var longWord = new string('w', 200);
        var lines = PdfWriter.Wrap(words + " " + longWord, 10.5, false, 483);
        Assert.All(lines, l => Assert.True(PdfWriter.WidthOf(l, 10.5) <= 483, $"too wide: {l}"));
        Assert.Equal(400, lines.Sum(l => Count(l, "closeness")));
        Assert.Equal(200, lines.Sum(l => l.Count(c => c == 'w')));

        var pdf = PdfWriter.Write(new PrintDocument("Long", [new DocParagraph(words + " " + longWord)], "F", Made));
        PdfTools.Check(pdf);
        Assert.Equal(400, Count(PdfTools.Text(pdf), "closeness"));
    }

    [Fact]
    public void Widths_follow_the_font_metrics()
    {
        // Helvetica: "i" is narrow, "W" wide, a space 278 thousandths; bold is wider.
        Assert.Equal(2.78, PdfWriter.WidthOf(" ", 10), 2);
        Assert.True(PdfWriter.WidthOf("WWW", 10) > 3 * PdfWriter.WidthOf("iii", 10));
        Assert.True(PdfWriter.WidthOf("Rekindle", 10, bold: true) > PdfWriter.WidthOf("Rekindle", 10));
    }

    [Fact]
    public void The_html_page_is_self_contained_and_encodes_every_value()
    {
        var document = new PrintDocument(
            "<script>alert(1)</script>",
            [
                new DocHeading("A & B"),
                new DocTable(
                    ["x", "y"],
                    [
                        ["<b>", "\"q\""],
                    ]
                ),
            ],
            "F",
            Made
        );
        var html = Encoding.UTF8.GetString(HtmlWriter.Write(document));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<th scope=\"row\">&lt;b&gt;</th>", html, StringComparison.Ordinal);
        var parsed = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("<script>alert(1)</script>", parsed.QuerySelector("h1")!.TextContent);
        Assert.All(document.Texts(), t => Assert.Contains(t, parsed.Body!.TextContent, StringComparison.Ordinal));
    }

    private static int Count(string text, string what)
    {
        var count = 0;
        for (
            var at = text.IndexOf(what, StringComparison.Ordinal);
            at >= 0;
            at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)
        )
        {
            count++;
        }

        return count;
    }
}
