using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>One answer in a member's set: the word, and when it was given where the list keeps that.</summary>
public sealed record AnswerEntry(string Value, DateTime? At);

/// <summary>
/// The plain text of a member's answer set before it is sealed: a format mark, then
/// <see cref="Capacity"/> records of <see cref="RecordWidth"/> characters each (key, word, time),
/// unused records blank. Every set has the same length whatever it holds, so opening and reading
/// the partner's set is the same work whether they answered nothing, everything "no", or anything
/// else (docs/TRUST.md T17, decisions/0026). Pure: no I/O.
/// </summary>
public static class AnswerSetText
{
    /// <summary>Records in a set: more than any list holds (its library plus <see cref="CoupleItemCap"/> items a couple adds).</summary>
    public const int Capacity = 300;

    /// <summary>The items a couple may add to one list (date ideas, desires), so a set never outgrows <see cref="Capacity"/>.</summary>
    public const int CoupleItemCap = 100;

    public const int KeyWidth = 24;

    public const int ValueWidth = 5;

    public const int TimeWidth = 8;

    public const int RecordWidth = KeyWidth + ValueWidth + TimeWidth;

    private const char FormatMark = '1';

    private const string CustomPrefix = "custom:";

    private const char CompactCustom = '~';

    /// <summary>The length of every set holding up to <see cref="Capacity"/> answers.</summary>
    public static int Length => 1 + (Capacity * RecordWidth);

    /// <summary>Whether a list of <paramref name="items"/> items (its library and the couple's cap) fits a set.</summary>
    public static bool Fits(int items) => items <= Capacity;

    public static string Encode(IReadOnlyDictionary<string, AnswerEntry> entries)
    {
        // Only old data past the cap of items a couple may add needs more: it gets the next whole multiple.
        var records = Math.Max(1, (entries.Count + Capacity - 1) / Capacity) * Capacity;
        var text = new StringBuilder(1 + (records * RecordWidth));
        text.Append(FormatMark);
        foreach (var (key, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var value = entry.Value;
            if (value.Length is 0 or > ValueWidth || value.Contains(' ', StringComparison.Ordinal))
            {
                throw new ArgumentException($"An answer must be 1 to {ValueWidth} characters without spaces.", nameof(entries));
            }

            text.Append(CompactKey(key).PadRight(KeyWidth))
                .Append(value.PadRight(ValueWidth))
                .Append(
                    entry.At is { } at
                        ? ((uint)new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeSeconds()).ToString(
                            "x8",
                            CultureInfo.InvariantCulture
                        )
                        : new string(' ', TimeWidth)
                );
        }

        text.Append(' ', (1 + (records * RecordWidth)) - text.Length);
        return text.ToString();
    }

    /// <summary>The answers in a set, keyed by item; an unknown format reads as no answers.</summary>
    public static Dictionary<string, AnswerEntry> Decode(string text)
    {
        var entries = new Dictionary<string, AnswerEntry>(StringComparer.Ordinal);
        if (text.Length == 0 || text[0] != FormatMark)
        {
            return entries;
        }

        // Every record is walked, used or not: the work is the set's length, never its answers.
        for (var start = 1; start + RecordWidth <= text.Length; start += RecordWidth)
        {
            var record = text.AsSpan(start, RecordWidth);
            var key = record[..KeyWidth].TrimEnd(' ');
            var value = record.Slice(KeyWidth, ValueWidth).TrimEnd(' ');
            if (key.IsEmpty || value.IsEmpty)
            {
                continue;
            }

            var time = record.Slice(KeyWidth + ValueWidth, TimeWidth);
            DateTime? at = uint.TryParse(time, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
                : null;
            entries[FullKey(key.ToString())] = new AnswerEntry(value.ToString(), at);
        }

        return entries;
    }

    // "custom:" and 32 hex digits would take 39 characters; a couple's own item is "~" and its id in base64url (23).
    private static string CompactKey(string key)
    {
        if (key.StartsWith(CustomPrefix, StringComparison.Ordinal) && Guid.TryParseExact(key.AsSpan(CustomPrefix.Length), "N", out var id))
        {
            return CompactCustom + Base64Url.EncodeToString(id.ToByteArray());
        }

        if (key.Length is 0 or > KeyWidth || key[0] == CompactCustom || key.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException($"An item key must be 1 to {KeyWidth} characters without spaces.", nameof(key));
        }

        return key;
    }

    private static string FullKey(string key) =>
        key[0] == CompactCustom && key.Length == 23 ? CustomPrefix + new Guid(Base64Url.DecodeFromChars(key.AsSpan(1))).ToString("N") : key;
}
