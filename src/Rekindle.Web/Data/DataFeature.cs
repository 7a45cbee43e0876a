using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Data;

public static class DataFeature
{
    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = DatabaseOptions.Read(builder.Configuration);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            // Options built once for the app, not for every request's context (docs/PERFORMANCE.md, finding 10).
            builder.Services.AddDbContext<PostgresAppDbContext>(
                db => db.UseNpgsql(options.ConnectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory")),
                optionsLifetime: ServiceLifetime.Singleton
            );
            builder.Services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgresAppDbContext>());
        }
        else
        {
            builder.Services.AddSingleton(_ => new SqliteWriteGate(options));
            builder.Services.AddDbContext<SqliteAppDbContext>(
                (sp, db) =>
                    db.UseSqlite(SqliteConnectionString(options, sp.GetRequiredService<InstancePaths>()))
                        .AddInterceptors(sp.GetRequiredService<SqliteWriteGate>(), new SqlitePragmas(options)),
                optionsLifetime: ServiceLifetime.Singleton
            );
            // Opened once for the request and given back to the pool when the scope ends: EF would
            // otherwise open and close a pooled connection around every query, and each SQLite open
            // registers EF's functions again (docs/PERFORMANCE.md, finding 10).
            builder.Services.AddScoped<AppDbContext>(sp =>
            {
                var db = sp.GetRequiredService<SqliteAppDbContext>();
                db.Database.OpenConnection();
                return db;
            });
        }

        // The admin page shows these by name; /healthz/details lists them (HealthDetails).
        builder
            .Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<Infrastructure.Keys.KeyStoreHealthCheck>("keys")
            .AddCheck<Infrastructure.Email.MailHealthCheck>("mail");
        return builder;
    }

    public static string SqliteConnectionString(DatabaseOptions options, InstancePaths paths)
    {
        var connection = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(options.ConnectionString) ? $"Data Source={paths.Combine("rekindle.db")}" : options.ConnectionString
        )
        {
            DefaultTimeout = options.SqliteBusyTimeoutSeconds,
            Pooling = true,
        };
        return connection.ToString();
    }

    /// <summary>Applies migrations (both providers take a lock, so several servers may start at once) and turns on WAL.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers work while one writer writes, and survives a killed process.
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
            await db.Database.CloseConnectionAsync();
        }

        if (options.MigrateOnStartup && (await db.Database.GetPendingMigrationsAsync()).Any())
        {
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                // One process owns a SQLite file, so a lock row left by a start that was killed
                // mid-migration is stale; left alone, it would make every later start wait forever.
                var lockTables = await db
                    .Database.SqlQueryRaw<int>(
                        "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'"
                    )
                    .SingleAsync();
                if (lockTables > 0)
                {
                    await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"");
                }
            }

            await db.Database.MigrateAsync();
        }
    }

    public static void MapData(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/healthz").AllowAnonymous();
        routes.MapHealthChecks(HealthDetails.Path, HealthDetails.Options).AllowAnonymous();
    }
}
