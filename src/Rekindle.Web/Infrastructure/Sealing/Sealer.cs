using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>
/// Seals and opens text with AES-256-GCM: a fresh random nonce per value, the owner's current data
/// key, and associated data naming the value's table, column, row, owner and key version.
/// </summary>
public sealed class Sealer(KeyRing keys, SealingStats stats, ILogger<Sealer> logger)
{
    private const string Prefix = "rk1.";

    public async Task<SealedText> SealAsync(string plaintext, SealPlace place, CancellationToken cancellationToken = default)
    {
        var (version, key) = await keys.CurrentAsync(place.Owner, cancellationToken);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using (var aes = new AesGcm(key, 16))
        {
            aes.Encrypt(
                sealedBytes.AsSpan(0, 12),
                plain,
                sealedBytes.AsSpan(12, plain.Length),
                sealedBytes.AsSpan(12 + plain.Length, 16),
                Binding(place, version)
            );
        }

        return new SealedText(Prefix + version.ToString(CultureInfo.InvariantCulture) + "." + Base64Url.EncodeToString(sealedBytes));
    }

    /// <summary>
    /// The text. A value that does not open (its key was destroyed, or it was moved, altered or
    /// bound to another place) is an error, never a missing value: it is logged with its place and
    /// row id only, and <see cref="SealedValueUnreadableException"/> is thrown. A column that holds
    /// no value (null) is the caller's to check before opening.
    /// </summary>
    public async Task<string> OpenAsync(SealedText value, SealPlace place, CancellationToken cancellationToken = default)
    {
        stats.Opening(value.Envelope.Length);
        var parts = value.Envelope.Split('.', 3);
        if (
            parts.Length != 3
            || parts[0] + "." != Prefix
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
        )
        {
            throw Unreadable(place, "it is not in a known format");
        }

        var key = await keys.KeyAsync(place.Owner, version, cancellationToken) ?? throw Unreadable(place, "its key is gone");
        try
        {
            var sealedBytes = Base64Url.DecodeFromChars(parts[2]);
            if (sealedBytes.Length < 28)
            {
                throw Unreadable(place, "it is too short");
            }

            var plain = new byte[sealedBytes.Length - 28];
            using var aes = new AesGcm(key, 16);
            aes.Decrypt(
                sealedBytes.AsSpan(0, 12),
                sealedBytes.AsSpan(12, plain.Length),
                sealedBytes.AsSpan(12 + plain.Length, 16),
                plain,
                Binding(place, version)
            );
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is AuthenticationTagMismatchException or FormatException)
        {
            throw Unreadable(place, "it was altered, or sealed for another place");
        }
    }

    // Ids only: which value failed and why, never what it held nor its envelope.
    private SealedValueUnreadableException Unreadable(SealPlace place, string reason)
    {
        logger.LogError(
            "A sealed value in {Table}.{Column} row {RowId} did not open: {Reason}",
            place.Table,
            place.Column,
            place.RowId,
            reason
        );
        return new SealedValueUnreadableException(place, reason);
    }

    /// <summary>The key version a value was sealed with (for the re-seal pass after rotation).</summary>
    public static int VersionOf(SealedText value) =>
        int.TryParse(value.Envelope.Split('.', 3).ElementAtOrDefault(1), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : 0;

    private static byte[] Binding(SealPlace place, int version) => Encoding.UTF8.GetBytes($"rekindle:sealed|{place}|{version}");
}

/// <summary>
/// How many sealed values this process opened, and how long they were: the work that opening costs.
/// The adversarial suite reads it to check that a request does the same work whatever the partner
/// answered (docs/TRUST.md T17); it counts, it never records what or whose.
/// </summary>
public sealed class SealingStats
{
    private long _opened;
    private long _openedChars;

    public long Opened => Interlocked.Read(ref _opened);

    public long OpenedChars => Interlocked.Read(ref _openedChars);

    internal void Opening(int chars)
    {
        Interlocked.Increment(ref _opened);
        Interlocked.Add(ref _openedChars, chars);
    }
}

/// <summary>
/// A sealed value that did not open. Its message names the place and row id only; the API answers
/// it as a 500 problem and the pages with the error page, so it never reads as an empty field.
/// </summary>
public sealed class SealedValueUnreadableException(SealPlace place, string reason)
    : Exception($"A sealed value in {place.Table}.{place.Column} row {place.RowId:N} did not open: {reason}.")
{
    public string Table { get; } = place.Table;

    public string Column { get; } = place.Column;

    public Guid RowId { get; } = place.RowId;
}

public static class SealingFeature
{
    public static WebApplicationBuilder AddSealing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DataKeyCache>();
        builder.Services.AddSingleton<SealingStats>();
        builder.Services.AddScoped<KeyRing>();
        builder.Services.AddScoped<Sealer>();
        builder.Services.AddScoped<RotateKeys>();
        builder.Services.AddScoped<Backup.Backups>();
        // Members' private answers are sealed sets (decisions/0026).
        builder.Services.AddScoped<Privacy.PrivateAnswers>();
        return builder;
    }
}
