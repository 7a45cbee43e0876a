using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>
/// Text sealed at rest. A property of this type is the declaration: the only way to make one is
/// <see cref="Sealer.SealAsync"/>, so a feature cannot store the text in the clear by forgetting a
/// call, and reading it needs <see cref="Sealer.OpenAsync"/>. ToString never shows the contents.
/// </summary>
public sealed class SealedText
{
    internal SealedText(string envelope) => Envelope = envelope;

    /// <summary>"rk1.{key version}.{nonce|ciphertext|tag in base64url}", as stored.</summary>
    public string Envelope { get; }

    public override string ToString() => "[sealed]";

    /// <summary>For stores that keep the envelope in a plain string column they do not own (Identity's tokens).</summary>
    internal static SealedText FromStore(string envelope) => new(envelope);
}

internal sealed class SealedTextConverter() : ValueConverter<SealedText, string>(v => v.Envelope, v => new SealedText(v));

public enum KeyOwnerKind
{
    Member = 1,
    Couple = 2,

    /// <summary>The instance itself: its VAPID key for Web Push (decisions/0034). Never rotated, never swept.</summary>
    Instance = 3,

    /// <summary>A professional's connection to a couple or a member (decisions/0044): homework notes and items shared for a
    /// session.</summary>
    Connection = 4,
}

/// <summary>Whose data key seals a value: a member's (their private data) or a couple's (what they share).</summary>
public readonly record struct KeyOwner(KeyOwnerKind Kind, Guid Id)
{
    public static KeyOwner Member(Guid id) => new(KeyOwnerKind.Member, id);

    public static KeyOwner Couple(Guid id) => new(KeyOwnerKind.Couple, id);

    public static KeyOwner Connection(Guid id) => new(KeyOwnerKind.Connection, id);

    public override string ToString() => $"{(int)Kind}:{Id:N}";
}

/// <summary>Where a sealed value lives. It is bound to all four, so a value copied to another row, column or owner fails to open.</summary>
public readonly record struct SealPlace(string Table, string Column, Guid RowId, KeyOwner Owner)
{
    public override string ToString() => $"{Table}|{Column}|{RowId:N}|{Owner}";
}
