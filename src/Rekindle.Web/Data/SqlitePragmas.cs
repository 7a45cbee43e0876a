using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rekindle.Web.Data;

/// <summary>Sets the per-connection SQLite settings every time a (pooled) connection opens.</summary>
public sealed class SqlitePragmas(DatabaseOptions options) : DbConnectionInterceptor
{
    private readonly string _sql =
        $"PRAGMA busy_timeout = {options.SqliteBusyTimeoutSeconds * 1000}; " +
        $"PRAGMA synchronous = {(options.SqliteSynchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; " +
        "PRAGMA foreign_keys = ON; " +
        // Deleted rows are overwritten, not just unlinked: a member who leaves must not linger in free pages.
        "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _sql;
        command.ExecuteNonQuery();
    }
}
