using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Infrastructure.Keys;

namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>Unwrapped data keys kept in memory, so opening a value costs no query once its key is known.</summary>
public sealed class DataKeyCache(MasterKey master)
{
    internal const string WrappingPurpose = "data-key-wrapping";

    internal byte[] WrappingKey { get; } = master.Derive(WrappingPurpose);

    internal ConcurrentDictionary<(KeyOwner Owner, int Version), byte[]> Keys { get; } = new();

    internal ConcurrentDictionary<KeyOwner, int> Latest { get; } = new();

    internal void Forget(KeyOwner owner)
    {
        Latest.TryRemove(owner, out _);
        foreach (var entry in Keys.Keys.Where(k => k.Owner == owner))
        {
            if (Keys.TryRemove(entry, out var key))
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }
}

/// <summary>Finds, makes, rotates and destroys data keys. Keys are made on first use.</summary>
public sealed class KeyRing(KeyStoreDbContext db, DataKeyCache cache, TimeProvider clock)
{
    public async Task<(int Version, byte[] Key)> CurrentAsync(KeyOwner owner, CancellationToken cancellationToken = default)
    {
        if (cache.Latest.TryGetValue(owner, out var known) && cache.Keys.TryGetValue((owner, known), out var cached))
        {
            return (known, cached);
        }

        var newest = await Rows(owner).OrderByDescending(k => k.Version).FirstOrDefaultAsync(cancellationToken)
            ?? await CreateAsync(owner, 1, cancellationToken);
        var key = Unwrap(newest);
        cache.Keys[(owner, newest.Version)] = key;
        cache.Latest[owner] = newest.Version;
        return (newest.Version, key);
    }

    /// <summary>The key of one version, or null when it no longer exists (the owner was deleted).</summary>
    public async Task<byte[]?> KeyAsync(KeyOwner owner, int version, CancellationToken cancellationToken = default)
    {
        if (cache.Keys.TryGetValue((owner, version), out var cached))
        {
            return cached;
        }

        var row = await Rows(owner).FirstOrDefaultAsync(k => k.Version == version, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var key = Unwrap(row);
        cache.Keys[(owner, version)] = key;
        return key;
    }

    /// <summary>Adds a new version: new values use it, values sealed before keep opening with theirs.</summary>
    public async Task<int> RotateAsync(KeyOwner owner, CancellationToken cancellationToken = default)
    {
        var (current, _) = await CurrentAsync(owner, cancellationToken);
        var next = await CreateAsync(owner, current + 1, cancellationToken);
        cache.Keys[(owner, next.Version)] = Unwrap(next);
        cache.Latest[owner] = next.Version;
        return next.Version;
    }

    /// <summary>
    /// Crypto-shredding: with the keys gone, whatever they sealed cannot be opened anywhere, older
    /// copies of the main database included. Call it after the owner's rows are gone from the main
    /// database (the two are separate databases, so there is no shared transaction); the rotate-keys
    /// command sweeps up keys whose owner no longer exists, should a process die in between.
    /// </summary>
    public async Task DestroyAsync(KeyOwner owner, CancellationToken cancellationToken = default)
    {
        await db.DataKeys.Where(k => k.OwnerKind == owner.Kind && k.OwnerId == owner.Id).ExecuteDeleteAsync(cancellationToken);
        cache.Forget(owner);
    }

    /// <summary>Every owner that has a key, for rotation and the sweep of keys whose owner is gone.</summary>
    public async Task<List<KeyOwner>> OwnersAsync(CancellationToken cancellationToken = default) =>
        (await db.DataKeys.AsNoTracking().Select(k => new { k.OwnerKind, k.OwnerId }).Distinct().ToListAsync(cancellationToken)).ConvertAll(
            k => new KeyOwner(k.OwnerKind, k.OwnerId)
        );

    private IQueryable<DataKey> Rows(KeyOwner owner) =>
        db.DataKeys.AsNoTracking().Where(k => k.OwnerKind == owner.Kind && k.OwnerId == owner.Id);

    private async Task<DataKey> CreateAsync(KeyOwner owner, int version, CancellationToken cancellationToken)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var row = new DataKey
        {
            Id = Guid.NewGuid(),
            OwnerKind = owner.Kind,
            OwnerId = owner.Id,
            Version = version,
            WrappedKey = Wrap(key, owner, version),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        CryptographicOperations.ZeroMemory(key);
        try
        {
            // One statement: two servers making the same owner's first key at once meet at the unique index.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"DataKeys\" (\"Id\", \"OwnerKind\", \"OwnerId\", \"Version\", \"WrappedKey\", \"CreatedAt\") VALUES ({row.Id}, {(int)row.OwnerKind}, {row.OwnerId}, {row.Version}, {row.WrappedKey}, {row.CreatedAt})",
                cancellationToken
            );
            return row;
        }
        catch (DbException)
        {
            // Another request made this version at the same moment: use theirs.
            return await Rows(owner).SingleAsync(k => k.Version == version, cancellationToken);
        }
    }

    private byte[] Wrap(byte[] key, KeyOwner owner, int version)
    {
        var wrapped = new byte[12 + 32 + 16];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, 12));
        using var aes = new AesGcm(cache.WrappingKey, 16);
        aes.Encrypt(wrapped.AsSpan(0, 12), key, wrapped.AsSpan(12, 32), wrapped.AsSpan(44, 16), Binding(owner, version));
        return wrapped;
    }

    private byte[] Unwrap(DataKey row) => UnwrapWith(cache.WrappingKey, row);

    private static byte[] UnwrapWith(byte[] wrappingKey, DataKey row)
    {
        var key = new byte[32];
        using var aes = new AesGcm(wrappingKey, 16);
        aes.Decrypt(
            row.WrappedKey.AsSpan(0, 12),
            row.WrappedKey.AsSpan(12, 32),
            row.WrappedKey.AsSpan(44, 16),
            key,
            Binding(new KeyOwner(row.OwnerKind, row.OwnerId), row.Version)
        );
        return key;
    }

    /// <summary>Whether this master key opens a wrapped key (a restore checks it has the right master key before replacing
    /// anything).</summary>
    internal static bool Opens(Keys.MasterKey master, DataKey row)
    {
        try
        {
            UnwrapWith(master.Derive(DataKeyCache.WrappingPurpose), row);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // A wrapped key copied to another owner or version fails to unwrap.
    private static byte[] Binding(KeyOwner owner, int version) => Encoding.UTF8.GetBytes($"rekindle:data-key|{owner}|{version}");
}
