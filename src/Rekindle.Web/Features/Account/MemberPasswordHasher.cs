using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Argon2Algorithm = NSec.Cryptography.Argon2id;
using Argon2Parameters = NSec.Cryptography.Argon2Parameters;
using PasswordKdf = NSec.Cryptography.PasswordBasedKeyDerivationAlgorithm;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Member passwords hashed with Argon2id (libsodium, through NSec) with OWASP's parameters
/// (19 MiB, 2 passes, 1 lane), stored as the PHC string
/// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (decisions/0023).
/// Hashes made earlier by Identity's own PBKDF2 hasher still verify, and ask to be replaced
/// (<see cref="MemberUserManager"/> replaces them without touching the security stamp).
/// </summary>
/// <remarks>
/// Stateless and thread-safe: register it once. Every hash and verification, the old kind too,
/// passes one process-wide gate of <see cref="Environment.ProcessorCount"/> places: each takes a
/// core for its whole run (and 19 MiB for Argon2id), so more at once would finish no sooner and a
/// flood of guesses would only pile up memory. Waiting callers of the async methods hold no thread.
/// </remarks>
public sealed class MemberPasswordHasher : IPasswordHasher<Member>
{
    /// <summary>Memory per hash in KiB (19 MiB), OWASP's first Argon2id recommendation.</summary>
    public const long MemoryKiB = 19 * 1024;

    /// <summary>Passes over the memory.</summary>
    public const long Passes = 2;

    private const string Prefix = "$argon2id$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // What a stored hash may ask for. We never write more; these bound what one verification can
    // cost if a hash was made elsewhere or tampered with. 8 KiB is libsodium's least; it takes one lane only.
    private const long MinMemoryKiB = 8;
    private const long MaxMemoryKiB = 1024 * 1024;
    private const long MaxPasses = 10;
    private const int MaxStoredLength = 200;

    // Identity's V3 hashes carry their PBKDF2 iteration count (ours were made with 100,000).
    private const uint MaxLegacyIterations = 1_000_000;
    private const int MaxLegacyLength = 512;

    private static readonly Argon2Algorithm Current = Algorithm(MemoryKiB, Passes);
    private static readonly PasswordHasher<Member> Legacy = new();
    private static readonly SemaphoreSlim Gate = new(Environment.ProcessorCount, Environment.ProcessorCount);

    public string HashPassword(Member user, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Gate.Wait();
        try
        {
            return Hash(password, Current, MemoryKiB, Passes);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<string> HashPasswordAsync(string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(password);
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return Hash(password, Current, MemoryKiB, Passes);
        }
        finally
        {
            Gate.Release();
        }
    }

    public PasswordVerificationResult VerifyHashedPassword(Member user, string hashedPassword, string providedPassword)
    {
        if (Prepare(hashedPassword, providedPassword) is not { } check)
        {
            return PasswordVerificationResult.Failed;
        }

        Gate.Wait();
        try
        {
            return check.Run(user);
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task<PasswordVerificationResult> VerifyHashedPasswordAsync(
        Member user,
        string? hashedPassword,
        string? providedPassword,
        CancellationToken cancellationToken = default
    )
    {
        if (Prepare(hashedPassword, providedPassword) is not { } check)
        {
            return PasswordVerificationResult.Failed;
        }

        await Gate.WaitAsync(cancellationToken);
        try
        {
            return check.Run(user);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A hash with other parameters: for tests of hashes made with lower ones, and for nothing else.</summary>
    internal static string HashWith(string password, long memoryKiB, long passes) =>
        Hash(password, Algorithm(memoryKiB, passes), memoryKiB, passes);

    private static string Hash(string password, Argon2Algorithm algorithm, long memoryKiB, long passes)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(algorithm, password, salt);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}v=19$m={memoryKiB},t={passes},p=1${Unpadded(salt)}${Unpadded(hash)}");
    }

    // The password's UTF-8 bytes, as Argon2's reference implementation, libsodium's own string
    // functions and Identity's PBKDF2 hasher take them. (NSec's string overload would hash the
    // UTF-16 bytes instead: hashes no other Argon2 implementation would recognise.)
    private static byte[] Derive(Argon2Algorithm algorithm, string password, byte[] salt)
    {
        var bytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return algorithm.DeriveBytes(bytes, salt, HashBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    private static Argon2Algorithm Algorithm(long memoryKiB, long passes) =>
        PasswordKdf.Argon2id(
            new Argon2Parameters
            {
                DegreeOfParallelism = 1,
                MemorySize = memoryKiB,
                NumberOfPasses = passes,
            }
        );

    // Everything cheap happens here, outside the gate: a malformed or absurd stored hash fails
    // without costing a place. Null means Failed.
    private static Check? Prepare(string? stored, string? password)
    {
        if (string.IsNullOrEmpty(stored) || password is null)
        {
            return null;
        }

        if (stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return TryParse(stored) is { } parsed ? new Check(parsed, null, password) : null;
        }

        // Other PHC strings ($argon2i$, $scrypt$, …) are nothing we wrote; Identity's hashes are plain base64.
        return !stored.StartsWith('$') && IsLegacy(stored) ? new Check(null, stored, password) : null;
    }

    private static Stored? TryParse(string stored)
    {
        if (stored.Length > MaxStoredLength)
        {
            return null;
        }

        // "", "argon2id", "v=19", "m=…,t=…,p=…", salt, hash
        var parts = stored.Split('$');
        if (parts.Length != 6 || parts[2] != "v=19")
        {
            return null;
        }

        var settings = parts[3].Split(',');
        if (
            settings.Length != 3
            || Number(settings[0], "m=") is not { } memory
            || Number(settings[1], "t=") is not { } passes
            || Number(settings[2], "p=") != 1
            || memory is < MinMemoryKiB or > MaxMemoryKiB
            || passes is < 1 or > MaxPasses
            || FromUnpadded(parts[4], SaltBytes) is not { } salt
            || FromUnpadded(parts[5], HashBytes) is not { } hash
        )
        {
            return null;
        }

        return new Stored(memory, passes, salt, hash);
    }

    // "m=19456" → 19456; written the one way we write it (no sign, no leading zeros, no spaces).
    private static long? Number(string text, string name)
    {
        if (
            !text.StartsWith(name, StringComparison.Ordinal)
            || text.Length > name.Length + 10
            || !long.TryParse(text.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        )
        {
            return null;
        }

        return text.AsSpan(name.Length).SequenceEqual(value.ToString(CultureInfo.InvariantCulture)) ? value : null;
    }

    // Identity's V2 (0x00) or V3 (0x01) layout in base64; V3's iteration count is bounded as Argon2id's parameters are.
    private static bool IsLegacy(string stored)
    {
        if (stored.Length > MaxLegacyLength)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[MaxLegacyLength];
        if (!Convert.TryFromBase64String(stored, bytes, out var length) || length == 0)
        {
            return false;
        }

        return bytes[0] switch
        {
            0x00 => true,
            0x01 => length >= 13 && BinaryPrimitives.ReadUInt32BigEndian(bytes[5..9]) <= MaxLegacyIterations,
            _ => false,
        };
    }

    private static string Unpadded(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    // The PHC format's base64: standard alphabet, no padding. Only the exact length and the one
    // canonical spelling of the bytes pass (no whitespace, padding or stray trailing bits).
    private static byte[]? FromUnpadded(string text, int byteCount)
    {
        if (text.Length != (byteCount * 4 + 2) / 3)
        {
            return null;
        }

        var bytes = new byte[byteCount];
        var padded = text + new string('=', (4 - text.Length % 4) % 4);
        return Convert.TryFromBase64String(padded, bytes, out var written) && written == byteCount && Unpadded(bytes) == text
            ? bytes
            : null;
    }

    private sealed record Stored(long MemoryKiB, long Passes, byte[] Salt, byte[] Hash);

    private sealed record Check(Stored? Argon2, string? LegacyHash, string Password)
    {
        public PasswordVerificationResult Run(Member user)
        {
            if (Argon2 is { } stored)
            {
                var algorithm =
                    stored.MemoryKiB == MemoryKiB && stored.Passes == Passes ? Current : Algorithm(stored.MemoryKiB, stored.Passes);
                var derived = Derive(algorithm, Password, stored.Salt);
                if (!CryptographicOperations.FixedTimeEquals(derived, stored.Hash))
                {
                    return PasswordVerificationResult.Failed;
                }

                // Parameters are only ever raised: a hash made with more of either stays as it is.
                return stored.MemoryKiB < MemoryKiB || stored.Passes < Passes
                    ? PasswordVerificationResult.SuccessRehashNeeded
                    : PasswordVerificationResult.Success;
            }

            // Identity's PBKDF2 hash from before decision 0023: once the right password is seen, it is replaced.
            return Legacy.VerifyHashedPassword(user, LegacyHash!, Password) == PasswordVerificationResult.Failed
                ? PasswordVerificationResult.Failed
                : PasswordVerificationResult.SuccessRehashNeeded;
        }
    }
}
