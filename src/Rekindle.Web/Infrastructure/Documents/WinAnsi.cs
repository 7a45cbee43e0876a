using System.Globalization;
using System.Text;

namespace Rekindle.Web.Infrastructure.Documents;

/// <summary>
/// Text to the Windows-1252 bytes that PDF's built-in fonts understand. A character the set lacks
/// is set without its accent when that leaves a letter of the set ("ő" becomes "o"), and as "?"
/// otherwise; line breaks and tabs become spaces.
/// </summary>
public static class WinAnsi
{
    private static readonly Dictionary<char, byte> Specials = new()
    {
        ['€'] = 0x80,
        ['‚'] = 0x82,
        ['ƒ'] = 0x83,
        ['„'] = 0x84,
        ['…'] = 0x85,
        ['†'] = 0x86,
        ['‡'] = 0x87,
        ['ˆ'] = 0x88,
        ['‰'] = 0x89,
        ['Š'] = 0x8A,
        ['‹'] = 0x8B,
        ['Œ'] = 0x8C,
        ['Ž'] = 0x8E,
        ['‘'] = 0x91,
        ['’'] = 0x92,
        ['“'] = 0x93,
        ['”'] = 0x94,
        ['•'] = 0x95,
        ['–'] = 0x96,
        ['—'] = 0x97,
        ['˜'] = 0x98,
        ['™'] = 0x99,
        ['š'] = 0x9A,
        ['›'] = 0x9B,
        ['œ'] = 0x9C,
        ['ž'] = 0x9E,
        ['Ÿ'] = 0x9F,
    };

    public static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            bytes.Add(ByteOf(rune));
        }

        return [.. bytes];
    }

    private static byte ByteOf(Rune rune)
    {
        if (rune.Value is '\t' or '\n' or '\r')
        {
            return (byte)' ';
        }

        if (Direct(rune.Value) is { } direct)
        {
            return direct;
        }

        // Without its accent: the first letter of the decomposed form, if that one is in the set.
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        return
            decomposed.Length > 1
            && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark
            && Direct(decomposed[0]) is { } bare
            ? bare
            : (byte)'?';
    }

    private static byte? Direct(int value) =>
        value switch
        {
            >= 0x20 and <= 0x7E => (byte)value,
            >= 0xA0 and <= 0xFF => (byte)value,
            <= 0xFFFF when Specials.TryGetValue((char)value, out var b) => b,
            _ => null,
        };
}
