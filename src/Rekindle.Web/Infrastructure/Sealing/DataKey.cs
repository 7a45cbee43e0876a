namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>
/// A member's or a couple's data key, wrapped (AES-256-GCM) by a key derived from the master key,
/// which never enters a database. These rows live in the key store (<see cref="KeyStoreDbContext"/>),
/// apart from the main database: deleting them makes everything they sealed unreadable, in the
/// database and in every backup of it.
/// </summary>
public sealed class DataKey
{
    public Guid Id { get; set; }

    public KeyOwnerKind OwnerKind { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>1, 2, …: rotation adds a version; new values use the newest, old ones keep opening.</summary>
    public int Version { get; set; }

    /// <summary>nonce (12) | wrapped key (32) | tag (16).</summary>
    public byte[] WrappedKey { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
