using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Keys;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Backup;

/// <summary>What a backup file says about itself (<c>manifest.json</c> inside the archive).</summary>
public sealed record BackupManifest(
    int Format,
    DateTime MadeAt,
    string Provider,
    string? Migration,
    string? KeyStoreMigration,
    Dictionary<string, string> Sha256
);

/// <summary>
/// Online backups of a SQLite instance and their restore (decisions/0020). A backup is two zip files
/// made together: <c>name.zip</c> with the main database and <c>name.keys.zip</c> with the key store,
/// each a consistent copy made by SQLite itself (<c>VACUUM INTO</c>, never a file copy, so it is safe
/// while the app runs), the main database first, each with a manifest of both hashes. Two files so the
/// key store's backups can be kept for a shorter time (decisions/0009: a deletion then reaches every
/// older backup of the main database). The master key is in neither: keep it apart. PostgreSQL
/// instances are backed up with PostgreSQL's own tools (docs/OPERATIONS.md).
/// </summary>
public sealed class Backups(
    IServiceProvider services,
    IOptions<DatabaseOptions> database,
    InstancePaths paths,
    MasterKey master,
    TimeProvider clock
)
{
    public const int Format = 1;
    private const string MainName = "rekindle.db";
    private const string KeysName = "data-keys.db";
    private const string ManifestName = "manifest.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<string> BackupAsync(string file, CancellationToken cancellationToken = default)
    {
        RefusePostgres("backup");
        var target = Path.GetFullPath(file);
        var keysTarget = KeysFileOf(target);
        if (File.Exists(target) || File.Exists(keysTarget))
        {
            throw new BackupException(
                $"{target} or {keysTarget} already exists. Choose a new file name, so no backup is overwritten by accident."
            );
        }

        var work = Directory.CreateTempSubdirectory("rekindle-backup-");
        try
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var keys = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();

            // The main database first: a key made after its copy is a harmless extra in the key store's
            // copy, while a key destroyed in between (a deletion) correctly leaves those rows unreadable.
            var mainCopy = Path.Combine(work.FullName, MainName);
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [mainCopy], cancellationToken);
            var keysCopy = Path.Combine(work.FullName, KeysName);
            await keys.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", [keysCopy], cancellationToken);

            var manifest = new BackupManifest(
                Format,
                clock.GetUtcNow().UtcDateTime,
                "sqlite",
                (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault(),
                (await keys.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault(),
                new Dictionary<string, string> { [MainName] = Hash(mainCopy), [KeysName] = Hash(keysCopy) }
            );
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await PackAsync(work.FullName, MainName, manifest, target, cancellationToken);
            await PackAsync(work.FullName, KeysName, manifest, keysTarget, cancellationToken);
            return target;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Puts a backup in place of this instance's database and key store. The app must not be running
    /// on them. Everything is checked before anything is replaced: the archive's hashes, SQLite's
    /// integrity check of both files, and that this instance's master key opens the backup's keys.
    /// Existing files are kept beside, renamed, when <paramref name="replace"/> allows replacing them.
    /// </summary>
    public async Task<BackupManifest> RestoreAsync(string file, bool replace, CancellationToken cancellationToken = default)
    {
        RefusePostgres("restore");
        var source = Path.GetFullPath(file);
        var keysSource = KeysFileOf(source);
        if (!File.Exists(source))
        {
            throw new BackupException($"There is no backup at {source}.");
        }

        if (!File.Exists(keysSource))
        {
            throw new BackupException(
                $"The key store's backup {keysSource} is not beside {source}: without it nothing sealed can be opened."
            );
        }

        var mainTarget = DataSourceOf(DataFeature.SqliteConnectionString(database.Value, paths));
        var keysTarget = DataSourceOf(KeyStoreFeature.SqliteConnectionString(services));
        if (!replace && (File.Exists(mainTarget) || File.Exists(keysTarget)))
        {
            throw new BackupException(
                $"There is already a database at {mainTarget} or {keysTarget}. Stop the app, then run restore with --replace "
                    + "to put the backup in their place (the current files are kept beside them, renamed)."
            );
        }

        var work = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(mainTarget)!, ".restore-" + Guid.NewGuid().ToString("N")));
        try
        {
            BackupManifest manifest;
            manifest = await UnpackAsync(source, work.FullName, MainName, cancellationToken);
            var keysManifest = await UnpackAsync(keysSource, work.FullName, KeysName, cancellationToken);
            if (keysManifest.Sha256.GetValueOrDefault(KeysName) != manifest.Sha256.GetValueOrDefault(KeysName))
            {
                throw new BackupException($"{keysSource} was not made together with {source}.");
            }

            if (manifest.Format != Format || manifest.Provider != "sqlite")
            {
                throw new BackupException(
                    $"This backup has format {manifest.Format} for {manifest.Provider}; this version restores format {Format} for sqlite."
                );
            }

            foreach (var name in new[] { MainName, KeysName })
            {
                var path = Path.Combine(work.FullName, name);
                if (!File.Exists(path) || !manifest.Sha256.TryGetValue(name, out var expected) || Hash(path) != expected)
                {
                    throw new BackupException($"{name} in the backup is missing or damaged (its hash does not match the manifest).");
                }

                if (await IntegrityAsync(path, cancellationToken) is not "ok" and var problem)
                {
                    throw new BackupException($"{name} in the backup fails SQLite's integrity check: {problem}");
                }
            }

            if (!await MasterKeyOpensAsync(Path.Combine(work.FullName, KeysName), cancellationToken))
            {
                throw new BackupException(
                    "This instance's master key does not open the keys in this backup. Restore needs the master key the backup was made "
                        + "with (Keys:MasterKeyPath or REKINDLE_MASTER_KEY); nothing was changed."
                );
            }

            SqliteConnection.ClearAllPools();
            var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (name, target) in new[] { (MainName, mainTarget), (KeysName, keysTarget) })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    if (File.Exists(target + suffix))
                    {
                        File.Move(target + suffix, $"{target}.before-restore-{stamp}{suffix}");
                    }
                }

                File.Move(Path.Combine(work.FullName, name), target);
            }

            return manifest;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>The key store's half of a backup: <c>name.keys.zip</c> beside <c>name.zip</c>.</summary>
    public static string KeysFileOf(string file) =>
        Path.Combine(
            Path.GetDirectoryName(file)!,
            Path.GetFileNameWithoutExtension(file) + ".keys" + (Path.GetExtension(file) is { Length: > 0 } e ? e : ".zip")
        );

    // Written beside the target and moved into place, so a half-written backup never carries its name.
    private static async Task PackAsync(
        string work,
        string database,
        BackupManifest manifest,
        string target,
        CancellationToken cancellationToken
    )
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, "pack-" + database));
        File.Move(Path.Combine(work, database), Path.Combine(folder.FullName, database));
        await File.WriteAllTextAsync(
            Path.Combine(folder.FullName, ManifestName),
            JsonSerializer.Serialize(manifest, Json),
            cancellationToken
        );
        var partial = target + ".partial";
        File.Delete(partial);
        ZipFile.CreateFromDirectory(folder.FullName, partial, CompressionLevel.Optimal, includeBaseDirectory: false);
        File.Move(partial, target);
    }

    private static async Task<BackupManifest> UnpackAsync(string source, string work, string database, CancellationToken cancellationToken)
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(work, "unpack-" + database));
            ZipFile.ExtractToDirectory(source, folder.FullName);
            var manifest = JsonSerializer.Deserialize<BackupManifest>(
                await File.ReadAllTextAsync(Path.Combine(folder.FullName, ManifestName), cancellationToken),
                Json
            ) ?? throw new BackupException($"{source} has no manifest.");
            File.Move(Path.Combine(folder.FullName, database), Path.Combine(work, database));
            return manifest;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or JsonException)
        {
            throw new BackupException($"{source} is not a Rekindle backup, or it is damaged: {e.GetType().Name}.");
        }
    }

    private void RefusePostgres(string what)
    {
        if (database.Value.Provider == DatabaseProvider.Postgres)
        {
            throw new BackupException(
                $"The {what} command is for SQLite. On PostgreSQL, use pg_dump for both the main database and the key store, "
                    + "or a base backup with WAL archiving: see docs/OPERATIONS.md."
            );
        }
    }

    private async Task<bool> MasterKeyOpensAsync(string keysFile, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = keysFile,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"OwnerKind\", \"OwnerId\", \"Version\", \"WrappedKey\" FROM \"DataKeys\" LIMIT 20";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new DataKey
            {
                OwnerKind = (KeyOwnerKind)reader.GetInt32(0),
                OwnerId = reader.GetGuid(1),
                Version = reader.GetInt32(2),
                WrappedKey = (byte[])reader.GetValue(3),
            };
            if (!KeyRing.Opens(master, row))
            {
                return false;
            }
        }

        // An instance without a single member has no keys to check; its backup restores as it is.
        return true;
    }

    private static async Task<string> IntegrityAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = file,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string DataSourceOf(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    private static string Hash(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}

/// <summary>A backup or restore that cannot go on, with a message for the operator.</summary>
public sealed class BackupException(string message) : Exception(message);
