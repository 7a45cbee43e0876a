using System.ComponentModel.DataAnnotations;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Durability of SQLite commits. Normal survives a killed process (WAL); Full also survives power loss.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}

public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL. For SQLite, empty means <c>rekindle.db</c> in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Normal;

    /// <summary>How long a SQLite write waits for another to finish before giving up.</summary>
    [Range(1, 120)]
    public int SqliteBusyTimeoutSeconds { get; set; } = 30;

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:ConnectionString is required when Database:Provider is Postgres.",
                [nameof(ConnectionString)]
            );
        }
        else if (ConnectionStringProblem(Provider, ConnectionString, "Database:ConnectionString") is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(ConnectionString)]);
        }
    }

    /// <summary>The section as configured, read while the app is being built; a value of the wrong kind is a bad setting.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new BadSettingException(
                $"A {Section} setting has a value of the wrong kind ({e.Message}) Database:Provider is Sqlite or Postgres.",
                e
            );
        }
    }

    /// <summary>
    /// Why a connection string cannot be read for this provider, naming the setting; null when it reads (or is empty). Never
    /// repeats the string or the parser's words: a password may be in it.
    /// </summary>
    public static string? ConnectionStringProblem(DatabaseProvider provider, string? connectionString, string setting)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return null;
        }

        try
        {
            _ =
                provider == DatabaseProvider.Postgres
                    ? (System.Data.Common.DbConnectionStringBuilder)new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
                    : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return provider == DatabaseProvider.Postgres
                ? $"{setting} is not a PostgreSQL connection string (for example Host=db;Database=rekindle;Username=rekindle;Password=...)."
                : $"{setting} is not a SQLite connection string (for example Data Source=/data/rekindle.db).";
        }
    }
}
