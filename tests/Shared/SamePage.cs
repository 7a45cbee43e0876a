using System.Text.RegularExpressions;

namespace Rekindle.Testing;

/// <summary>
/// For TRUST.md T3 comparisons: a page with what legitimately differs between two requests taken
/// out (antiforgery tokens, script nonces, ids), so the rest can be compared byte for byte.
/// </summary>
public static partial class SamePage
{
    public static string Normalise(string html) =>
        Guids().Replace(Nonce().Replace(Token().Replace(html, "[token]"), "[nonce]"), "[guid]");

    [GeneratedRegex("CfDJ8[A-Za-z0-9_-]+")]
    private static partial Regex Token();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guids();
}
