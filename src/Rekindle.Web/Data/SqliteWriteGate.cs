using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rekindle.Web.Data;

/// <summary>
/// SQLite allows one writer at a time. Rather than let concurrent writers collide and fail with
/// "database is locked", every write (a SaveChanges, or an explicit transaction) first takes this
/// process-wide gate, so writers queue in memory. The gate is re-entrant per connection (SaveChanges
/// inside a transaction already holding it) and is always let go when the connection closes or is
/// disposed, so an abandoned or failed transaction cannot wedge the app.
/// </summary>
public sealed class SqliteWriteGate(DatabaseOptions options)
    : ISaveChangesInterceptor,
        IDbTransactionInterceptor,
        IDbConnectionInterceptor,
        IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    // A writer waits no longer than SQLite itself would: a clear error beats a request that hangs.
    private readonly TimeSpan _wait = TimeSpan.FromSeconds(options.SqliteBusyTimeoutSeconds);
    private readonly ConditionalWeakTable<DbConnection, Holder> _holders = new();

    public void Dispose() => _gate.Dispose();

    private sealed class Holder
    {
        public int Depth;
    }

    private async ValueTask EnterAsync(DbConnection? connection, CancellationToken cancellationToken)
    {
        if (connection is null)
        {
            return;
        }

        if (_holders.TryGetValue(connection, out var held))
        {
            held.Depth++;
            return;
        }

        if (!await _gate.WaitAsync(_wait, cancellationToken))
        {
            throw new TimeoutException("The database stayed busy with another write for too long.");
        }

        _holders.AddOrUpdate(connection, new Holder { Depth = 1 });
    }

    private void Enter(DbConnection? connection)
    {
        if (connection is null)
        {
            return;
        }

        if (_holders.TryGetValue(connection, out var held))
        {
            held.Depth++;
            return;
        }

        if (!_gate.Wait(_wait))
        {
            throw new TimeoutException("The database stayed busy with another write for too long.");
        }

        _holders.AddOrUpdate(connection, new Holder { Depth = 1 });
    }

    private void Exit(DbConnection? connection, bool all = false)
    {
        if (connection is null || !_holders.TryGetValue(connection, out var held))
        {
            return;
        }

        held.Depth = all ? 0 : held.Depth - 1;
        if (held.Depth <= 0)
        {
            _holders.Remove(connection);
            _gate.Release();
        }
    }

    private static DbConnection? ConnectionOf(DbContext? context) => context?.Database.GetDbConnection();

    // SaveChanges
    async ValueTask<InterceptionResult<int>> ISaveChangesInterceptor.SavingChangesAsync(
        DbContextEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken
    )
    {
        await EnterAsync(ConnectionOf(eventData.Context), cancellationToken);
        return result;
    }

    InterceptionResult<int> ISaveChangesInterceptor.SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Enter(ConnectionOf(eventData.Context));
        return result;
    }

    ValueTask<int> ISaveChangesInterceptor.SavedChangesAsync(
        SaveChangesCompletedEventData eventData,
        int result,
        CancellationToken cancellationToken
    )
    {
        Exit(ConnectionOf(eventData.Context));
        return ValueTask.FromResult(result);
    }

    int ISaveChangesInterceptor.SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(ConnectionOf(eventData.Context));
        return result;
    }

    Task ISaveChangesInterceptor.SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken)
    {
        Exit(ConnectionOf(eventData.Context));
        return Task.CompletedTask;
    }

    void ISaveChangesInterceptor.SaveChangesFailed(DbContextErrorEventData eventData) => Exit(ConnectionOf(eventData.Context));

    Task ISaveChangesInterceptor.SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken)
    {
        Exit(ConnectionOf(eventData.Context));
        return Task.CompletedTask;
    }

    void ISaveChangesInterceptor.SaveChangesCanceled(DbContextEventData eventData) => Exit(ConnectionOf(eventData.Context));

    // Every member below is an explicit interface implementation on purpose: the interfaces have
    // default methods, so a public method with a slightly wrong signature would compile and never run.

    // Explicit transactions hold the gate from begin to commit or rollback.
    async ValueTask<InterceptionResult<DbTransaction>> IDbTransactionInterceptor.TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken
    )
    {
        await EnterAsync(connection, cancellationToken);
        return result;
    }

    InterceptionResult<DbTransaction> IDbTransactionInterceptor.TransactionStarting(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result
    )
    {
        Enter(connection);
        return result;
    }

    Task IDbTransactionInterceptor.TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken
    )
    {
        Exit(ConnectionOf(eventData.Context) ?? transaction.Connection);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Exit(ConnectionOf(eventData.Context) ?? transaction.Connection);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken
    )
    {
        Exit(ConnectionOf(eventData.Context) ?? transaction.Connection);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Exit(ConnectionOf(eventData.Context) ?? transaction.Connection);

    Task IDbTransactionInterceptor.TransactionFailedAsync(
        DbTransaction transaction,
        TransactionErrorEventData eventData,
        CancellationToken cancellationToken
    )
    {
        Exit(ConnectionOf(eventData.Context) ?? transaction.Connection);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Exit(ConnectionOf(eventData.Context) ?? transaction.Connection);

    // Whatever happened, a closed connection holds nothing.
    Task IDbConnectionInterceptor.ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection, all: true);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) =>
        Exit(connection, all: true);

    // A context disposed with its connection still open (a failed BEGIN, say) raises no close event.
    Task IDbConnectionInterceptor.ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Exit(connection, all: true);
        return Task.CompletedTask;
    }

    void IDbConnectionInterceptor.ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) =>
        Exit(connection, all: true);
}
