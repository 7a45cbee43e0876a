using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Backup;

/// <summary>Backups the app makes by itself, for SQLite (docs/OPERATIONS.md, Backups). Off unless <see cref="Every"/> is set.</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string Section = "Backup";

    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5);

    /// <summary>How often, e.g. <c>1.00:00:00</c> for daily. Empty or zero: no scheduled backups.</summary>
    public TimeSpan? Every { get; set; }

    /// <summary>How many scheduled backups to keep; older ones the app made are deleted, each with its keys file.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Where they go. Empty: <c>backups</c> under the data folder; a relative path starts at the data folder.</summary>
    public string? Folder { get; set; }

    public bool IsOn => Every is { } every && every != TimeSpan.Zero;

    public string FolderIn(InstancePaths paths) =>
        string.IsNullOrWhiteSpace(Folder) ? paths.Combine("backups") : Path.GetFullPath(Folder, paths.DataPath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsOn && Every < Shortest)
        {
            yield return new ValidationResult(
                $"Backup:Every is {Every}; set 00:05:00 or more (1.00:00:00 is daily), or leave it empty to turn scheduled backups off.",
                [nameof(Every)]
            );
        }

        if (Keep is < 1 or > 1000)
        {
            yield return new ValidationResult($"Backup:Keep is {Keep}; keep between 1 and 1000 scheduled backups.", [nameof(Keep)]);
        }
    }
}

/// <summary>
/// Makes a backup of a SQLite instance every <see cref="BackupOptions.Every"/>, named by its UTC minute
/// (<c>rekindle-20261208-0300.zip</c> and its <c>.keys.zip</c>), one at a time, and deletes the oldest of its own beyond
/// <see cref="BackupOptions.Keep"/>: only files with its name pattern, the keys file with its pair, never the operator's.
/// The next one is due an interval after the newest already in the folder, so restarts do not add backups. SQLite is
/// single-server, so one process backs up; on PostgreSQL it says once to use pg_dump and does nothing.
/// </summary>
public sealed partial class ScheduledBackups(
    IServiceScopeFactory scopes,
    IOptions<BackupOptions> options,
    IOptions<DatabaseOptions> database,
    InstancePaths paths,
    TimeProvider clock,
    ILogger<ScheduledBackups> logger
) : BackgroundService
{
    private const string Stamp = "yyyyMMdd-HHmm";

    // After a failure, try again within the hour rather than a whole interval later.
    private static readonly TimeSpan Retry = TimeSpan.FromHours(1);

    // Task.Delay takes at most about 49 days: longer waits are taken in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(1);

    /// <summary>When the next backup is due, once the worker is waiting for it (for tests and the operator's pages).</summary>
    public DateTimeOffset? NextAt { get; private set; }

    [GeneratedRegex(@"^rekindle-(\d{8}-\d{4})(\.keys)?\.zip$", RegexOptions.CultureInvariant)]
    private static partial Regex OwnName();

    /// <summary>The file name of the scheduled backup made at <paramref name="at"/>.</summary>
    public static string NameAt(DateTimeOffset at) => $"rekindle-{at.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture)}.zip";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Never hold up the app's start: the first backup may be due at once.
        await Task.Yield();
        if (!options.Value.IsOn)
        {
            return;
        }

        if (database.Value.Provider == DatabaseProvider.Postgres)
        {
            logger.LogWarning(
                "Backup:Every is set, but scheduled backups are for SQLite: on PostgreSQL, back up both databases with pg_dump "
                    + "(docs/OPERATIONS.md, Backups)"
            );
            return;
        }

        var every = options.Value.Every!.Value.Duration();
        var folder = options.Value.FolderIn(paths);
        DateTimeOffset? retryAt = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var due = retryAt ?? DueAt(folder, every, now);
            if (due > now)
            {
                NextAt = due;
                try
                {
                    await Task.Delay(Min(due - now, LongestWait), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            NextAt = null;
            retryAt = null;
            try
            {
                await MakeAsync(folder, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The type only: a message can carry paths or SQL. Nothing is deleted after a failed backup.
                logger.LogWarning("A scheduled backup failed ({Error}); the next try is within the hour", ex.GetType().Name);
                retryAt = clock.GetUtcNow() + Min(every, Retry);
            }
        }
    }

    private async Task MakeAsync(string folder, CancellationToken cancellationToken)
    {
        var name = NameAt(clock.GetUtcNow());
        using (var scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Backups>().BackupAsync(Path.Combine(folder, name), cancellationToken);
        }

        var removed = Prune(folder, options.Value.Keep);
        logger.LogInformation("Scheduled backup {File} made (with its keys file); {Removed} older removed", name, removed);
    }

    // An interval after the newest scheduled backup in the folder (now when there is none), never more than an interval ahead.
    private static DateTimeOffset DueAt(string folder, TimeSpan every, DateTimeOffset now)
    {
        var newest = Own(folder).Where(f => !f.Keys).Select(f => (DateTimeOffset?)f.MadeAt).Max();
        return newest is { } made ? Min(made + every, now + every) : now;
    }

    /// <summary>
    /// Deletes the scheduled backups beyond the newest <paramref name="keep"/>, each with its keys file; returns how many.
    /// </summary>
    private static int Prune(string folder, int keep)
    {
        var backups = Own(folder).Where(f => !f.Keys).OrderByDescending(f => f.MadeAt).ToList();
        var removed = 0;
        foreach (var old in backups.Skip(keep))
        {
            File.Delete(old.Path);
            File.Delete(Backups.KeysFileOf(old.Path));
            removed++;
        }

        // A keys file left without its pair (its .zip deleted by hand) goes once it is older than every kept backup:
        // the key store's backups must not outlive the database's (decisions/0009).
        if (backups.Count >= keep)
        {
            var oldestKept = backups[keep - 1].MadeAt;
            foreach (var orphan in Own(folder).Where(f => f.Keys && f.MadeAt < oldestKept))
            {
                File.Delete(orphan.Path);
            }
        }

        return removed;
    }

    private static IEnumerable<(string Path, DateTimeOffset MadeAt, bool Keys)> Own(string folder)
    {
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "rekindle-*.zip"))
        {
            if (
                OwnName().Match(Path.GetFileName(path)) is { Success: true } match
                && DateTime.TryParseExact(
                    match.Groups[1].Value,
                    Stamp,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
                    out var made
                )
            )
            {
                yield return (path, new DateTimeOffset(made, TimeSpan.Zero), match.Groups[2].Success);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

public static class BackupFeature
{
    public static WebApplicationBuilder AddBackups(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackupOptions>().BindConfiguration(BackupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Always registered: it reads its options when it starts (after they were checked) and stops at once when off.
        builder.Services.AddHostedService<ScheduledBackups>();
        return builder;
    }
}
