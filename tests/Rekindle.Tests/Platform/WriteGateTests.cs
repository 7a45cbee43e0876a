using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Tests.Platform;

/// <summary>The SQLite write gate must be let go on every path, or every later write would hang.</summary>
public sealed class WriteGateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rekindle-gate-").FullName;
    private readonly DatabaseOptions _options = new() { SqliteBusyTimeoutSeconds = 1 };
    private readonly SqliteWriteGate _gate;

    public WriteGateTests()
    {
        _gate = new SqliteWriteGate(_options);
        using var db = NewContext();
        db.Database.Migrate();
    }

    private string ConnectionString =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "gate.db"),
            DefaultTimeout = 1,
            Pooling = false,
        }.ToString();

    private SqliteAppDbContext NewContext() =>
        new(
            new DbContextOptionsBuilder<SqliteAppDbContext>()
                .UseSqlite(ConnectionString)
                .AddInterceptors(_gate, new SqlitePragmas(_options))
                .UseApplicationServiceProvider(Services)
                .Options
        );

    // The app's Identity options decide its schema version (passkeys); a bare context needs them too.
    private static readonly IServiceProvider Services = DesignTime.IdentityServices();

    private async Task AWriteStillGoesThroughAsync()
    {
        await using var db = NewContext();
        db.Couples.Add(new Couple { Id = Guid.NewGuid(), CreatedAt = DateTime.UnixEpoch });
        var write = db.SaveChangesAsync();
        Assert.Same(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal(1, await write);
    }

    [Fact]
    public async Task A_failed_begin_does_not_keep_the_gate()
    {
        // Another program (a backup, the sqlite3 shell) holds the file's write lock.
        await using (var outsider = new SqliteConnection(ConnectionString))
        {
            await outsider.OpenAsync();
            await using (var command = outsider.CreateCommand())
            {
                command.CommandText = "BEGIN EXCLUSIVE";
                await command.ExecuteNonQueryAsync();
            }

            await using (var db = NewContext())
            {
                await Assert.ThrowsAsync<SqliteException>(() => db.Database.BeginTransactionAsync());
            }

            await using var rollback = outsider.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        await AWriteStillGoesThroughAsync();
    }

    [Fact]
    public async Task A_failed_save_and_an_abandoned_transaction_do_not_keep_the_gate()
    {
        await using (var db = NewContext())
        {
            db.Couples.Add(new Couple { Id = Guid.NewGuid(), CreatedAt = DateTime.UnixEpoch });
            db.CoupleMembers.Add(
                new CoupleMember
                {
                    CoupleId = Guid.NewGuid(),
                    Slot = 1,
                    MemberId = Guid.NewGuid(),
                }
            );
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        await AWriteStillGoesThroughAsync();

        await using (var db = NewContext())
        {
            await db.Database.BeginTransactionAsync();
            db.Couples.Add(new Couple { Id = Guid.NewGuid(), CreatedAt = DateTime.UnixEpoch });
            await db.SaveChangesAsync();

            // Neither committed nor rolled back: the context just goes away.
        }

        await AWriteStillGoesThroughAsync();
    }

    [Fact]
    public async Task A_writer_that_cannot_get_the_gate_in_time_fails_clearly()
    {
        await using var holder = NewContext();
        await using var transaction = await holder.Database.BeginTransactionAsync();
        await using var waiter = NewContext();
        waiter.Couples.Add(new Couple { Id = Guid.NewGuid(), CreatedAt = DateTime.UnixEpoch });
        await Assert.ThrowsAsync<TimeoutException>(() => waiter.SaveChangesAsync());
    }

    public void Dispose()
    {
        _gate.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
