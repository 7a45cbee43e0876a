using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Backup;

namespace Rekindle.Tests.Reliability;

/// <summary>
/// Backups the app makes by itself on SQLite (Backup:Every, Backup:Keep, Backup:Folder): one an interval, named by its UTC
/// minute, the oldest of its own deleted beyond Keep with their keys files, the operator's files never touched. The restore
/// drill (<see cref="BackupTests"/>) restores one of them.
/// </summary>
public sealed class ScheduledBackupTests
{
    private static List<string> Files(string folder) =>
        Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    /// <summary>Waits (real time) until the worker is waiting for the backup due at <paramref name="next"/>.</summary>
    private static async Task WaitingForAsync(ScheduledBackups worker, DateTimeOffset next)
    {
        for (var i = 0; i < 600 && worker.NextAt != next; i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(next, worker.NextAt);
        // The worker sets NextAt just before it starts its timer: a moment more, so the clock moves after the timer is set.
        await Task.Delay(100);
    }

    [Fact]
    public async Task A_backup_is_made_each_interval_and_only_the_newest_of_its_own_are_kept()
    {
        await using var app = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?> { ["Backup:Every"] = "01:00:00", ["Backup:Keep"] = "2" }
        );
        var worker = app.Services.GetServices<IHostedService>().OfType<ScheduledBackups>().Single();
        var folder = Path.Combine(app.DataPath, "backups");
        var start = app.Clock.GetUtcNow();

        // The first one at start (there is none yet), then one an hour after the newest.
        await WaitingForAsync(worker, start.AddHours(1));
        Assert.Equal(["rekindle-20261124-0900.keys.zip", "rekindle-20261124-0900.zip"], Files(folder));

        // The operator's own files in the same folder, one even named like a backup of theirs: never deleted.
        await File.WriteAllTextAsync(Path.Combine(folder, "before-upgrade.zip"), "the operator's");
        await File.WriteAllTextAsync(Path.Combine(folder, "rekindle-before-upgrade.zip"), "the operator's");

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        await WaitingForAsync(worker, start.AddHours(1));
        Assert.Equal(4, Files(folder).Count);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await WaitingForAsync(worker, start.AddHours(2));
        app.Clock.Advance(TimeSpan.FromHours(1));
        await WaitingForAsync(worker, start.AddHours(3));
        Assert.Equal(
            [
                "before-upgrade.zip",
                "rekindle-20261124-1000.keys.zip",
                "rekindle-20261124-1000.zip",
                "rekindle-20261124-1100.keys.zip",
                "rekindle-20261124-1100.zip",
                "rekindle-before-upgrade.zip",
            ],
            Files(folder)
        );

        // One line a backup, with the file's name and not where it is.
        var lines = app.Logs.Lines.Where(l => l.Contains("Scheduled backup rekindle-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Contains("rekindle-20261124-1100.zip", lines[^1], StringComparison.Ordinal);
        Assert.Contains("1 older removed", lines[^1], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.DoesNotContain(app.DataPath, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_restart_waits_for_the_interval_after_the_newest_backup_and_a_relative_folder_is_under_the_data_folder()
    {
        await using var app = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?> { ["Backup:Every"] = "1.00:00:00", ["Backup:Folder"] = "nightly" }
        );
        var folder = Directory.CreateDirectory(Path.Combine(app.DataPath, "nightly")).FullName;

        // A backup made by an earlier run three hours ago: the next is due 21 hours from now, not at this start.
        await File.WriteAllTextAsync(Path.Combine(folder, ScheduledBackups.NameAt(app.Clock.GetUtcNow().AddHours(-3))), "earlier");
        var worker = app.Services.GetServices<IHostedService>().OfType<ScheduledBackups>().Single();
        await WaitingForAsync(worker, app.Clock.GetUtcNow().AddHours(21));
        Assert.Equal(["rekindle-20261124-0600.zip"], Files(folder));
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "backups")));
    }

    [Fact]
    public async Task Off_by_default()
    {
        await using var app = new RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { ["Backup:Every"] = "" });
        var worker = app.Services.GetServices<IHostedService>().OfType<ScheduledBackups>().Single();
        app.Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(500);
        Assert.Null(worker.NextAt);
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "backups")));
    }

    [Fact]
    public async Task On_postgres_it_says_once_to_use_pg_dump_and_makes_nothing()
    {
        await using var app = new RekindleFactory(TestProvider.Postgres, new Dictionary<string, string?> { ["Backup:Every"] = "01:00:00" });
        _ = app.Services;
        for (var i = 0; i < 100 && !app.Logs.Lines.Any(l => l.Contains("pg_dump", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50);
        }

        app.Clock.Advance(TimeSpan.FromHours(3));
        await Task.Delay(300);
        Assert.Single(app.Logs.Lines, l => l.Contains("pg_dump", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(app.DataPath, "backups")));
    }

    [Theory]
    [InlineData("Backup:Every", "00:04:59", "Backup:Every is 00:04:59; set 00:05:00 or more")]
    [InlineData("Backup:Every", "-1.00:00:00", "Backup:Every is -1.00:00:00; set 00:05:00 or more")]
    [InlineData("Backup:Keep", "0", "Backup:Keep is 0; keep between 1 and 1000 scheduled backups.")]
    [InlineData("Backup:Keep", "1001", "Backup:Keep is 1001; keep between 1 and 1000 scheduled backups.")]
    public async Task A_wrong_backup_setting_stops_the_start_with_one_clear_line(string setting, string value, string expected)
    {
        await using var wrong = new RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { [setting] = value });
        wrong.AssertStartRefused(expected);
    }
}
