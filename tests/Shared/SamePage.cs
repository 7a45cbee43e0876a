using System.Text.RegularExpressions;

namespace Rekindle.Testing;

/// <summary>
/// For docs/TRUST.md T3 comparisons: a page with what legitimately differs between two requests taken
/// out (antiforgery tokens, script nonces, ids), so the rest can be compared byte for byte.
/// </summary>
public static partial class SamePage
{
    public static string Normalise(string html) => Guids().Replace(Nonce().Replace(Token().Replace(html, "[token]"), "[nonce]"), "[guid]");

    /// <summary>
    /// For pages of two different couples: also the test members' email addresses, and the text of
    /// today's question, which is each couple's own draw (the rest of its card still has to match).
    /// </summary>
    public static string AcrossCouples(string html) =>
        DailyQuestion().Replace(Emails().Replace(Normalise(html), "[email]"), "class=\"question\">[question]</h2>");

    /// <summary>Where two pages first differ, with some context either side, for a failure message.</summary>
    public static string Difference(string a, string b)
    {
        var at = 0;
        while (at < a.Length && at < b.Length && a[at] == b[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 120);
        return $"«{a[from..Math.Min(a.Length, at + 120)]}» vs «{b[from..Math.Min(b.Length, at + 120)]}»";
    }

    [GeneratedRegex("[A-Za-z0-9._-]+@example\\.org")]
    private static partial Regex Emails();

    [GeneratedRegex("class=\"question\">[^<]*</h2>")]
    private static partial Regex DailyQuestion();

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
