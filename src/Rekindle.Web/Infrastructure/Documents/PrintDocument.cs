namespace Rekindle.Web.Infrastructure.Documents;

/// <summary>One part of a <see cref="PrintDocument"/>.</summary>
public abstract record DocBlock;

/// <summary>A section heading.</summary>
public sealed record DocHeading(string Text) : DocBlock;

/// <summary>A paragraph; small ones are set smaller and grey (notes, explanations).</summary>
public sealed record DocParagraph(string Text, bool Small = false) : DocBlock;

/// <summary>A table with a header row. Every row has as many cells as the header.</summary>
public sealed record DocTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : DocBlock;

/// <summary>
/// A short document that can be written as a PDF (<see cref="PdfWriter"/>) or as a self-contained
/// HTML page (<see cref="HtmlWriter"/>) with the same words in the same order: what one member
/// chose to print or hand to someone.
/// </summary>
public sealed record PrintDocument(string Title, IReadOnlyList<DocBlock> Blocks, string Footer, DateTime MadeAtUtc)
{
    /// <summary>Every piece of text in reading order, as both writers set it.</summary>
    public IEnumerable<string> Texts()
    {
        yield return Title;
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case DocHeading h:
                    yield return h.Text;
                    break;
                case DocParagraph p:
                    yield return p.Text;
                    break;
                case DocTable t:
                    foreach (var cell in t.Header.Concat(t.Rows.SelectMany(r => r)))
                    {
                        yield return cell;
                    }

                    break;
            }
        }

        yield return Footer;
    }
}
