using System.Diagnostics;
using Npgsql;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Reliability;

/// <summary>
/// T16: backups that restore. The commands run as an operator runs them, against an instance that
/// keeps serving; the drill restores into a fresh instance and opens sealed values there, from a backup made by the command
/// and from one the app made on its schedule.
/// </summary>
public sealed class BackupTests
{
    private static async Task LogNoteAsync(TestBrowser browser, string note)
    {
        var page = await browser.SubmitAsync(
            await browser.GetAsync("/self-care"),
            "day-log",
            new Dictionary<string, string> { ["mood"] = "6", ["note"] = note }
        );
        Assert.Contains("Saved", page.TextOf("#self-care-message"), StringComparison.Ordinal);
    }

    private static async Task<string> NoteSeenAsync(AppProcess server, string email)
    {
        var browser = server.NewBrowser();
        var home = await SignInAsync(browser, email);
        Assert.Contains("Hello, Ana", home.Text, StringComparison.Ordinal);
        return (await browser.GetAsync("/self-care")).Find("#note")!.TextContent;
    }

    [Fact]
    public async Task A_sqlite_backup_made_while_serving_restores_into_a_fresh_instance_that_opens_sealed_values()
    {
        await using var instances = new Instances();
        var first = instances.Settings(TestProvider.Sqlite);
        await using var running = new AppProcess(first);
        await running.StartAsync();
        var (ana, email) = await MemberAsync(() => running.NewBrowser(), instances.Mail, "Ana");
        await LogNoteAsync(ana, "Backupmarker before the backup");

        // Online: the instance keeps serving while another process of the same instance backs it up.
        var file = Path.Combine(instances.NewFolder(), "backups", "rekindle-1.zip");
        var backup = await new AppProcess(first).RunCommandAsync("backup", file);
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.True(File.Exists(file));
        var keysFile = Path.Combine(Path.GetDirectoryName(file)!, "rekindle-1.keys.zip");
        Assert.True(File.Exists(keysFile), "the key store's half is written beside, to be kept for a shorter time");
        Assert.Contains("The master key is in neither", backup.Output, StringComparison.Ordinal);
        await LogNoteAsync(ana, "Aftermarker written after the backup");
        var again = await new AppProcess(first).RunCommandAsync("backup", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Output, StringComparison.Ordinal);
        running.Kill();

        // A fresh instance with a different master key refuses, and changes nothing.
        var stranger = instances.Settings(TestProvider.Sqlite);
        var refused = await new AppProcess(stranger).RunCommandAsync("restore", file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("master key does not open the keys in this backup", refused.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(stranger["Rekindle:DataPath"]!, "rekindle.db")));

        // A fresh instance given the same master key (kept apart, as the docs say) restores it.
        var fresh = instances.Settings(TestProvider.Sqlite);
        var freshKeys = Directory.CreateDirectory(Path.Combine(fresh["Rekindle:DataPath"]!, "keys")).FullName;
        File.Copy(Path.Combine(first["Rekindle:DataPath"]!, "keys", "master.key"), Path.Combine(freshKeys, "master.key"));
        var restored = await new AppProcess(fresh).RunCommandAsync("restore", file);
        Assert.True(restored.ExitCode == 0, restored.Output);
        await using (var server = new AppProcess(fresh))
        {
            await server.StartAsync();
            var note = await NoteSeenAsync(server, email);
            Assert.Contains("Backupmarker", note, StringComparison.Ordinal);
            Assert.DoesNotContain("Aftermarker", note, StringComparison.Ordinal);
        }

        // A scheduled backup (Backup:Every) restores the same way: the first is made as the instance starts, with both notes.
        var scheduledFolder = Path.Combine(first["Rekindle:DataPath"]!, "backups");
        await using (var withSchedule = new AppProcess(new Dictionary<string, string?>(first) { ["Backup:Every"] = "1.00:00:00" }))
        {
            await withSchedule.StartAsync();
            for (
                var i = 0;
                i < 600 && !(Directory.Exists(scheduledFolder) && Directory.GetFiles(scheduledFolder, "*.keys.zip").Length > 0);
                i++
            )
            {
                await Task.Delay(50);
            }
        }

        var scheduled = Assert.Single(Directory.GetFiles(scheduledFolder, "rekindle-*.zip"), f =>
            !f.EndsWith(".keys.zip", StringComparison.Ordinal)
        );
        Assert.Matches(@"^rekindle-\d{8}-\d{4}\.zip$", Path.GetFileName(scheduled));
        var freshFromSchedule = instances.Settings(TestProvider.Sqlite);
        File.Copy(
            Path.Combine(first["Rekindle:DataPath"]!, "keys", "master.key"),
            Path.Combine(Directory.CreateDirectory(Path.Combine(freshFromSchedule["Rekindle:DataPath"]!, "keys")).FullName, "master.key")
        );
        var restoredScheduled = await new AppProcess(freshFromSchedule).RunCommandAsync("restore", scheduled);
        Assert.True(restoredScheduled.ExitCode == 0, restoredScheduled.Output);
        await using (var server = new AppProcess(freshFromSchedule))
        {
            await server.StartAsync();
            Assert.Contains("Aftermarker", await NoteSeenAsync(server, email), StringComparison.Ordinal);
        }

        // Over an instance that has data: only with --replace, keeping the old files beside.
        var over = await new AppProcess(fresh).RunCommandAsync("restore", file);
        Assert.Equal(1, over.ExitCode);
        Assert.Contains("--replace", over.Output, StringComparison.Ordinal);
        var replaced = await new AppProcess(fresh).RunCommandAsync("restore", file, "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.Output);
        Assert.Single(Directory.GetFiles(fresh["Rekindle:DataPath"]!, "rekindle.db.before-restore-*"), f =>
            !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)
        );

        // A damaged file is refused before anything is touched.
        var damaged = Path.Combine(instances.NewFolder(), "damaged.zip");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged, bytes);
        File.Copy(keysFile, Path.Combine(Path.GetDirectoryName(damaged)!, "damaged.keys.zip"));
        var broken = await new AppProcess(fresh).RunCommandAsync("restore", damaged, "--replace");
        Assert.Equal(1, broken.ExitCode);

        // The key store's half is needed: the main database alone opens nothing.
        File.Delete(keysFile);
        var alone = await new AppProcess(fresh).RunCommandAsync("restore", file, "--replace");
        Assert.Equal(1, alone.ExitCode);
        Assert.Contains("nothing sealed can be opened", alone.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_backup_command_on_postgres_points_to_pg_dump_and_a_pg_dump_of_both_databases_restores()
    {
        await using var instances = new Instances();
        var first = instances.Settings(TestProvider.Postgres);
        var refused = await new AppProcess(first).RunCommandAsync("backup", Path.Combine(instances.NewFolder(), "x.zip"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("pg_dump", refused.Output, StringComparison.Ordinal);

        string email;
        await using (var running = new AppProcess(first))
        {
            await running.StartAsync();
            (var ana, email) = await MemberAsync(() => running.NewBrowser(), instances.Mail, "Ana");
            await LogNoteAsync(ana, "Pgdumpmarker in the dump");

            // The documented path: pg_dump of the main database and of the key store, while serving.
            var folder = instances.NewFolder();
            foreach (
                var (setting, file) in new[] { ("Database:ConnectionString", "main.dump"), ("KeyStore:ConnectionString", "keys.dump") }
            )
            {
                await PgAsync("pg_dump", first[setting]!, "--format=custom", "--file=" + Path.Combine(folder, file));
            }

            // Restored into two new databases of a fresh instance that has the same master key.
            var (main, keys) = instances.NewPostgresPair();
            await PgAsync("pg_restore", main, "--no-owner", Path.Combine(folder, "main.dump"));
            await PgAsync("pg_restore", keys, "--no-owner", Path.Combine(folder, "keys.dump"));
            var fresh = instances.Settings(TestProvider.Postgres);
            fresh["Database:ConnectionString"] = main;
            fresh["KeyStore:ConnectionString"] = keys;
            fresh["Keys:MasterKeyPath"] = Path.Combine(first["Rekindle:DataPath"]!, "keys", "master.key");
            await using var server = new AppProcess(fresh);
            await server.StartAsync();
            Assert.Contains("Pgdumpmarker", await NoteSeenAsync(server, email), StringComparison.Ordinal);
        }
    }

    /// <summary>Runs PostgreSQL's own tool from the server's version (scripts/test.sh installs them with the server).</summary>
    private static async Task PgAsync(string tool, string connection, params string[] args)
    {
        var bin = Directory
            .GetDirectories("/usr/lib/postgresql")
            .OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
            .Last();
        var builder = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo(Path.Combine(bin, "bin", tool)) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (
            var arg in new[]
            {
                "--host=" + builder.Host,
                "--port=" + builder.Port,
                "--username=" + builder.Username,
                "--dbname=" + builder.Database,
            }.Concat(args)
        )
        {
            start.ArgumentList.Add(arg);
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await errors} {output}");
    }
}
