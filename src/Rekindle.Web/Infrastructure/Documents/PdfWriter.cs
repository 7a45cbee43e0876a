using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Rekindle.Web.Infrastructure.Documents;

/// <summary>
/// Writes a <see cref="PrintDocument"/> as a small PDF 1.4 file: A4 pages, text in the two
/// Helvetica faces every PDF reader has built in (so no font is embedded or downloaded), compressed
/// page contents, a page number on every page, and a table header repeated on a new page. Pure:
/// the same document gives the same bytes. Text outside the Windows-1252 set a built-in font can
/// show is set without its accent where that is enough, or as "?" (decisions/0017).
/// </summary>
public static class PdfWriter
{
    private const double PageWidth = 595.28;
    private const double PageHeight = 841.89;
    private const double Margin = 56;
    private const double Top = PageHeight - 60;
    private const double Bottom = 64;
    private const double TextWidth = PageWidth - (2 * Margin);

    // Room for rounding: a column sized to a word (width + padding, less the padding again) can come out a hair narrower
    // than the word itself, which split "Score" inside the word.
    private const double Slack = 0.001;

    private const string Ink = "0.16 0.13 0.11";
    private const string Muted = "0.40 0.36 0.33";

    public static byte[] Write(PrintDocument document)
    {
        var layout = new Layout();
        layout.Title(document.Title);
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    layout.Heading(h.Text);
                    break;
                case DocParagraph p:
                    layout.Paragraph(p.Text, p.Small);
                    break;
                case DocTable t:
                    layout.Table(t);
                    break;
            }
        }

        return Assemble(layout.Finish(document.Footer), document);
    }

    /// <summary>Width of <paramref name="text"/> in points at <paramref name="size"/>, as the reader will set it.</summary>
    public static double WidthOf(string text, double size, bool bold = false)
    {
        var widths = bold ? HelveticaMetrics.Bold : HelveticaMetrics.Regular;
        var total = 0;
        foreach (var b in WinAnsi.Encode(text))
        {
            total += widths[b < 32 ? 0 : b - 32];
        }

        return total * size / 1000.0;
    }

    /// <summary>Breaks <paramref name="text"/> into lines no wider than <paramref name="width"/> (a word longer than a line is
    /// split).</summary>
    public static IReadOnlyList<string> Wrap(string text, double size, bool bold, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (WidthOf(candidate, size, bold) <= width + Slack)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (WidthOf(line, size, bold) > width + Slack && line.Length > 1)
                {
                    var fits = 1;
                    while (fits < line.Length && WidthOf(line[..(fits + 1)], size, bold) <= width + Slack)
                    {
                        fits++;
                    }

                    lines.Add(line[..fits]);
                    line = line[fits..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private sealed class Layout
    {
        private readonly List<StringBuilder> _pages = [];
        private StringBuilder _page = null!;
        private double _y;

        public Layout() => NewPage();

        public void Title(string text)
        {
            foreach (var line in Wrap(text, 18, true, TextWidth))
            {
                Line(line, Margin, 18, true, Ink, 24);
            }

            _y -= 6;
        }

        public void Heading(string text)
        {
            // Keep a heading with at least three lines of what follows it.
            Room(14 + 18 + (3 * 14.5));
            _y -= 14;
            foreach (var line in Wrap(text, 13, true, TextWidth))
            {
                Line(line, Margin, 13, true, Ink, 18);
            }

            _y -= 2;
        }

        public void Paragraph(string text, bool small)
        {
            var size = small ? 9 : 10.5;
            var leading = small ? 12.5 : 14.5;
            foreach (var line in Wrap(text, size, false, TextWidth))
            {
                Line(line, Margin, size, false, small ? Muted : Ink, leading);
            }

            _y -= 6;
        }

        public void Table(DocTable table)
        {
            const double size = 9;
            const double leading = 11.5;
            const double pad = 4;
            var widths = ColumnWidths(table, size);
            var header = Cells(table.Header, widths, size, bold: true);
            Room((header.Max(c => c.Count) * leading) + (2 * pad) + leading + (2 * pad));
            Row(header, widths, size, leading, pad, bold: true);
            foreach (var row in table.Rows)
            {
                var cells = Cells(row, widths, size, bold: false);
                var height = (cells.Max(c => c.Count) * leading) + (2 * pad);
                if (_y - height < Bottom)
                {
                    NewPage();
                    Row(header, widths, size, leading, pad, bold: true);
                }

                Row(cells, widths, size, leading, pad, bold: false);
            }

            _y -= 10;
        }

        public List<StringBuilder> Finish(string footer)
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                var text = $"{footer} · Page {i + 1} of {_pages.Count}";
                foreach (var (line, n) in Wrap(text, 8, false, TextWidth).Select((l, n) => (l, n)))
                {
                    Text(_pages[i], line, Margin, 36 - (n * 10), 8, false, Muted);
                }
            }

            return _pages;
        }

        private static double[] ColumnWidths(DocTable table, double size)
        {
            var columns = table.Header.Count;
            var natural = new double[columns];
            foreach (var row in table.Rows.Prepend(table.Header))
            {
                for (var c = 0; c < columns; c++)
                {
                    natural[c] = Math.Max(natural[c], WidthOf(c < row.Count ? row[c] : "", size, row == table.Header) + 8);
                }
            }

            var total = natural.Sum();
            if (total <= TextWidth)
            {
                // Spare room goes to the first column, where the labels are.
                natural[0] += TextWidth - total;
                return natural;
            }

            // Too wide: every column gets its share of the line, at least a fair minimum.
            var fair = TextWidth / columns;
            var small = natural.Where(w => w <= fair).Sum();
            var wideCount = natural.Count(w => w > fair);
            var rest = (TextWidth - small) / Math.Max(1, wideCount);
            return natural.Select(w => w <= fair ? w : rest).ToArray();
        }

        private static List<IReadOnlyList<string>> Cells(IReadOnlyList<string> row, double[] widths, double size, bool bold) =>
            widths.Select((w, c) => Wrap(c < row.Count ? row[c] : "", size, bold, w - 8)).ToList();

        private void Row(List<IReadOnlyList<string>> cells, double[] widths, double size, double leading, double pad, bool bold)
        {
            var height = (cells.Max(c => c.Count) * leading) + (2 * pad);
            var x = Margin;
            for (var c = 0; c < cells.Count; c++)
            {
                var y = _y - pad - size;
                foreach (var line in cells[c])
                {
                    Text(_page, line, x, y, size, bold, Ink);
                    y -= leading;
                }

                x += widths[c];
            }

            _y -= height;
            var grey = bold ? "0.55" : "0.82";
            _page.Append(
                CultureInfo.InvariantCulture,
                $"{grey} G {(bold ? 0.8 : 0.4)} w {Margin:0.##} {_y:0.##} m {PageWidth - Margin:0.##} {_y:0.##} l S\n"
            );
        }

        private void Line(string text, double x, double size, bool bold, string colour, double leading)
        {
            if (_y - leading < Bottom)
            {
                NewPage();
            }

            Text(_page, text, x, _y - size, size, bold, colour);
            _y -= leading;
        }

        private void Room(double height)
        {
            if (_y - height < Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _page = new StringBuilder();
            _pages.Add(_page);
            _y = Top;
        }

        private static void Text(StringBuilder page, string text, double x, double y, double size, bool bold, string colour)
        {
            if (text.Length == 0)
            {
                return;
            }

            page.Append(CultureInfo.InvariantCulture, $"BT {colour} rg /{(bold ? "F2" : "F1")} {size:0.##} Tf {x:0.##} {y:0.##} Td ")
                .Append(Literal(WinAnsi.Encode(text)))
                .Append(" Tj ET\n");
        }
    }

    private static byte[] Assemble(List<StringBuilder> pages, PrintDocument document)
    {
        var objects = new List<byte[]>
        {
            Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{6 + (2 * i)} 0 R"))}] /Count {pages.Count} >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
            Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"),
            Ascii(
                $"<< /Title {Utf16(document.Title)} /Producer (Rekindle) "
                    + $"/CreationDate (D:{document.MadeAtUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}Z) >>"
            ),
        };
        for (var i = 0; i < pages.Count; i++)
        {
            objects.Add(
                Ascii(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth:0.##} {PageHeight:0.##}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {7 + (2 * i)} 0 R >>"
                    )
                )
            );
            objects.Add(Packed(Encoding.Latin1.GetBytes(pages[i].ToString())));
        }

        using var file = new MemoryStream();
        Write(file, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(file.Position);
            Write(file, $"{i + 1} 0 obj\n");
            file.Write(objects[i]);
            Write(file, "\nendobj\n");
        }

        var xref = file.Position;
        var table = new StringBuilder();
        table.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        var id = Convert.ToHexString(SHA256.HashData(file.ToArray()).AsSpan(0, 16));
        table.Append(
            CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xref}\n%%EOF\n"
        );
        Write(file, table.ToString());
        return file.ToArray();
    }

    private static byte[] Packed(byte[] content)
    {
        using var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(content);
        }

        var body = packed.ToArray();
        var head = Ascii($"<< /Length {body.Length} /Filter /FlateDecode >>\nstream\n");
        return [.. head, .. body, .. Ascii("\nendstream")];
    }

    /// <summary>A PDF string literal of already-encoded bytes: brackets and backslashes escaped, anything unprintable as an octal
    /// escape.</summary>
    private static string Literal(byte[] bytes)
    {
        var s = new StringBuilder(bytes.Length + 2).Append('(');
        foreach (var b in bytes)
        {
            if (b is (byte)'(' or (byte)')' or (byte)'\\')
            {
                s.Append('\\').Append((char)b);
            }
            else if (b is < 32 or > 126)
            {
                s.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
            }
            else
            {
                s.Append((char)b);
            }
        }

        return s.Append(')').ToString();
    }

    /// <summary>A text string for the document information: UTF-16 with a byte order mark, so any title survives.</summary>
    private static string Utf16(string text) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.Latin1.GetBytes(text));
}
