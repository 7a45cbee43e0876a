using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rekindle.Web.Data;

/// <summary>
/// Sets the per-connection SQLite settings on each physical connection. Pooled connections keep
/// their settings between rentals, so they are set once per underlying handle, not on every open
/// (docs/PERFORMANCE.md, finding 10).
/// </summary>
public sealed class SqlitePragmas(DatabaseOptions options) : DbConnectionInterceptor
{
    // Keyed by the native handle, which a pooled connection keeps for its whole life; the entry
    // goes when the pool lets the handle go.
    private static readonly ConditionalWeakTable<object, string> Applied = new();

    private readonly string _sql =
        $"PRAGMA busy_timeout = {options.SqliteBusyTimeoutSeconds * 1000}; "
        + $"PRAGMA synchronous = {(options.SqliteSynchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")}; "
        + "PRAGMA foreign_keys = ON; "
        +
        // Deleted rows are overwritten, not just unlinked: a member who leaves must not linger in free pages.
        "PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = _sql;
            command.ExecuteNonQuery();
            Remember(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        if (NeedsSettings(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Remember(connection);
        }
    }

    private bool NeedsSettings(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !Applied.TryGetValue(handle, out var sql) || sql != _sql;

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            Applied.AddOrUpdate(handle, _sql);
        }
    }
}
