using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Rekindle.Testing;

/// <summary>
/// Counts the database work of the app under test: every command sent (to the main database and
/// the key store) and every row read back. With <see cref="Rekindle.Web.Infrastructure.Sealing.SealingStats"/>
/// it measures the work a request does, rather than its time (docs/TRUST.md T17).
/// </summary>
public sealed class WorkCounter : DbCommandInterceptor
{
    private long _commands;
    private long _rows;
    private Func<string, bool>? _watched;
    private long _matches;

    public long Commands => Interlocked.Read(ref _commands);

    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>Commands sent since <see cref="Watch"/> whose text it picks out.</summary>
    public long Matches => Interlocked.Read(ref _matches);

    /// <summary>From now on, counts in <see cref="Matches"/> the commands whose text <paramref name="picks"/> (e.g. one query's WHERE
    /// clause).</summary>
    public void Watch(Func<string, bool> picks)
    {
        Interlocked.Exchange(ref _matches, 0);
        Volatile.Write(ref _watched, picks);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result
    ) => Count(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Count(command, result));

    public override InterceptionResult<int> NonQueryExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result
    ) => Count(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<int> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Count(command, result));

    public override InterceptionResult<object> ScalarExecuting(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result
    ) => Count(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command,
        CommandEventData eventData,
        InterceptionResult<object> result,
        CancellationToken cancellationToken = default
    ) => ValueTask.FromResult(Count(command, result));

    public override InterceptionResult DataReaderDisposing(
        DbCommand command,
        DataReaderDisposingEventData eventData,
        InterceptionResult result
    )
    {
        Interlocked.Add(ref _rows, eventData.ReadCount);
        return result;
    }

    private T Count<T>(DbCommand command, T result)
    {
        Interlocked.Increment(ref _commands);
        if (Volatile.Read(ref _watched) is { } picks && picks(command.CommandText))
        {
            Interlocked.Increment(ref _matches);
        }

        return result;
    }
}
