using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Keys;

namespace Rekindle.Web.Infrastructure.Sealing;

/// <summary>
/// Where the wrapped data keys live: never in the main database, so that destroying a member's keys
/// here also defeats any older copy or backup of the main database (docs/decisions/0009).
/// </summary>
public sealed class KeyStoreOptions : IValidatableObject
{
    public const string Section = "KeyStore";

    /// <summary>
    /// SQLite: empty means <c>data-keys.db</c> beside the master key file (by default
    /// <c>keys/</c> under the data folder). PostgreSQL: required, a database of its own (several
    /// servers share it, like the main database).
    /// </summary>
    public string? ConnectionString { get; set; }

    internal DatabaseProvider Provider { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "KeyStore:ConnectionString is required when Database:Provider is Postgres: the data keys live in a database "
                    + "of their own, so that deleting a member also reaches older backups of the main database.",
                [nameof(ConnectionString)]
            );
        }
        else if (DatabaseOptions.ConnectionStringProblem(Provider, ConnectionString, "KeyStore:ConnectionString") is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(ConnectionString)]);
        }
    }
}

/// <summary>The key store's own small model: wrapped data keys, and the sealed Data Protection keys.</summary>
public abstract class KeyStoreDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DataKey> DataKeys => Set<DataKey>();

    public DbSet<Keys.DataProtectionKeyRow> DataProtectionKeys => Set<Keys.DataProtectionKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var keys = modelBuilder.Entity<DataKey>();
        keys.HasKey(k => k.Id);
        keys.HasIndex(k => new
            {
                k.OwnerKind,
                k.OwnerId,
                k.Version,
            })
            .IsUnique();
        keys.Property(k => k.WrappedKey).HasMaxLength(60).IsRequired();

        var protection = modelBuilder.Entity<Keys.DataProtectionKeyRow>();
        protection.ToTable("DataProtectionKeys");
        protection.HasKey(k => k.Id);
        protection.Property(k => k.FriendlyName).HasMaxLength(100).IsRequired();
        protection.Property(k => k.Xml).IsRequired();
    }
}

public sealed class SqliteKeyStoreDbContext(DbContextOptions<SqliteKeyStoreDbContext> options) : KeyStoreDbContext(options);

public sealed class PostgresKeyStoreDbContext(DbContextOptions<PostgresKeyStoreDbContext> options) : KeyStoreDbContext(options);

internal sealed class SqliteKeyStoreDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKeyStoreDbContext>
{
    public SqliteKeyStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKeyStoreDbContext>().UseSqlite("Data Source=design-time-keys.db").Options);
}

internal sealed class PostgresKeyStoreDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKeyStoreDbContext>
{
    public PostgresKeyStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKeyStoreDbContext>().UseNpgsql("Host=localhost;Database=rekindle_keys_design").Options);
}

public static class KeyStoreFeature
{
    public static WebApplicationBuilder AddKeyStore(this WebApplicationBuilder builder)
    {
        var provider = DatabaseOptions.Read(builder.Configuration).Provider;
        builder
            .Services.AddOptions<KeyStoreOptions>()
            .BindConfiguration(KeyStoreOptions.Section)
            .Configure(o => o.Provider = provider)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContext<PostgresKeyStoreDbContext>(
                (sp, db) => db.UseNpgsql(sp.GetRequiredService<IOptions<KeyStoreOptions>>().Value.ConnectionString),
                optionsLifetime: ServiceLifetime.Singleton
            );
            builder.Services.AddScoped<KeyStoreDbContext>(sp => sp.GetRequiredService<PostgresKeyStoreDbContext>());
        }
        else
        {
            builder.Services.AddDbContext<SqliteKeyStoreDbContext>(
                (sp, db) =>
                    db.UseSqlite(SqliteConnectionString(sp))
                        .AddInterceptors(new SqlitePragmas(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value)),
                optionsLifetime: ServiceLifetime.Singleton
            );
            builder.Services.AddScoped<KeyStoreDbContext>(sp => sp.GetRequiredService<SqliteKeyStoreDbContext>());
        }

        return builder;
    }

    /// <summary>Creates or updates the key store's table; run at start-up next to the main migrations.</summary>
    public static async Task MigrateKeyStoreAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            await db.Database.CloseConnectionAsync();
        }

        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }
    }

    internal static string SqliteConnectionString(IServiceProvider services)
    {
        var configured = services.GetRequiredService<IOptions<KeyStoreOptions>>().Value.ConnectionString;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(KeyFolder(services), "data-keys.db")}" : configured
        )
        {
            DefaultTimeout = database.SqliteBusyTimeoutSeconds,
            Pooling = true,
        };
        return builder.ToString();
    }

    // Beside the master key when it is a file, so the folder an operator keeps apart from the database holds both.
    private static string KeyFolder(IServiceProvider services)
    {
        var keyPath = services.GetRequiredService<IOptions<KeyOptions>>().Value.MasterKeyPath;
        var folder = string.IsNullOrWhiteSpace(keyPath)
            ? services.GetRequiredService<InstancePaths>().Combine("keys")
            : Path.GetDirectoryName(Path.GetFullPath(keyPath))!;
        Directory.CreateDirectory(folder);
        return folder;
    }
}
