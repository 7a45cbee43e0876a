using System.Security.Cryptography;
using System.Text;
using Rekindle.Web.Infrastructure.Keys;

namespace Rekindle.Web.Features.Pairing;

/// <summary>
/// Invite codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
/// ABCD-EFGH, about 40 bits. Stored as an HMAC under a key derived from the master key, so a copy
/// of the database alone cannot be searched for codes.
/// </summary>
public sealed class InviteCodes(MasterKey masterKey)
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int Length = 8;

    private readonly byte[] _hashKey = masterKey.Derive("invite-codes");

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string Format(string code) => code.Length == Length ? $"{code[..4]}-{code[4..]}" : code;

    /// <summary>Accepts what people type: any case, spaces and dashes. Null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 40)
        {
            return null;
        }

        var code = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());
        return code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? code : null;
    }

    public byte[] Hash(string normalizedCode) => HMACSHA256.HashData(_hashKey, Encoding.ASCII.GetBytes(normalizedCode));
}
