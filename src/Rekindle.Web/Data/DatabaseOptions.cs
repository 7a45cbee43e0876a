using System.ComponentModel.DataAnnotations;

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
    }
}
