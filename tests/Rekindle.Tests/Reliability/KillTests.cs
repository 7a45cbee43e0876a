using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using Rekindle.Testing;
using Xunit.Abstractions;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Reliability;

/// <summary>
/// T15: nothing acknowledged is lost. The app runs as its own process while partners keep writing
/// (proposing dates, each a new row); it is killed with SIGKILL at random moments and started again,
/// at least 20 times. Every write that got its success answer must be there afterwards, readable,
/// and the database must pass its integrity check.
/// </summary>
public abstract class KillTests(TestProvider provider, ITestOutputHelper output)
{
    private const int Kills = 20;
    private const int Couples = 3;

    [Fact]
    public async Task Every_acknowledged_write_survives_twenty_kills()
    {
        await using var instances = new Instances();
        var settings = instances.Settings(provider);
        // Reminders and nudges stay out of the way of this test's timing.
        settings["Jobs:Enabled"] = "false";
        await using var server = new AppProcess(settings);
        await server.StartAsync();
        output.WriteLine($"started in {server.StartedIn.TotalMilliseconds:0} ms");

        var writers = new List<(TestBrowser Browser, string Name, string Token)>();
        for (var c = 0; c < Couples; c++)
        {
            var (a, _) = await MemberAsync(() => server.NewBrowser(), instances.Mail, "Ana");
            var (b, _) = await MemberAsync(() => server.NewBrowser(), instances.Mail, "Ben");
            await JoinAsync(b, await InviteAsync(a));
            foreach (var (browser, name) in new[] { (a, $"a{c}"), (b, $"b{c}") })
            {
                // One token serves every post of the session, across restarts (the keys are in the key store).
                var token = (await browser.GetAsync("/time-together/plan"))
                    .Find("input[name=__RequestVerificationToken]")!
                    .GetAttribute("value")!;
                writers.Add((browser, name, token));
            }
        }

        output.WriteLine($"{writers.Count} partners signed in");
        var tomorrow = TimeProvider.System.GetUtcNow().UtcDateTime.Date.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var serverErrors = new ConcurrentBag<string>();
        var attempts = 0;
        using var stop = new CancellationTokenSource();
        var loops = writers
            .Select(w =>
                Task.Run(async () =>
                {
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var title = $"Kill test {w.Name} {n}";
                        Interlocked.Increment(ref attempts);
                        try
                        {
                            using var content = new FormUrlEncodedContent(
                                new Dictionary<string, string>
                                {
                                    ["__RequestVerificationToken"] = w.Token,
                                    ["_handler"] = "propose",
                                    ["title"] = title,
                                    ["minutes"] = "120",
                                    ["times[0].day"] = tomorrow,
                                    ["times[0].time"] = "19:00",
                                }
                            );
                            using var response = await w.Browser.Client.PostAsync("/time-together/plan", content);
                            if ((int)response.StatusCode >= 500)
                            {
                                serverErrors.Add($"{(int)response.StatusCode} for {title}");
                            }
                            else if (
                                response.StatusCode == HttpStatusCode.Found
                                && response.Headers.Location is { } location
                                && (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString) is var path
                                && path.StartsWith("/time-together/dates/", StringComparison.Ordinal)
                            )
                            {
                                acknowledged[Guid.Parse(path.Split('/')[^1])] = title;
                            }
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                        {
                            // Killed mid-request, or not started yet: not acknowledged, so nothing is promised.
                            await Task.Delay(10);
                        }
                    }
                })
            )
            .ToList();

        // Each cycle: wait for writes to be answered again after the start, then kill at a random
        // moment a little later, in the middle of the stream.
        var random = new Random(20261125);
        var counts = new List<int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var kill = 0; kill < Kills; kill++)
        {
            var before = acknowledged.Count;
            for (var waited = 0; acknowledged.Count == before && waited < 15_000; waited += 10)
            {
                await Task.Delay(10);
            }

            await Task.Delay(random.Next(20, 400));
            counts.Add(acknowledged.Count);
            server.Kill();
            await server.StartAsync();
            output.WriteLine(
                $"kill {kill + 1}: {acknowledged.Count} acknowledged, restarted in {server.StartedIn.TotalMilliseconds:0} ms, {clock.Elapsed.TotalSeconds:0.0} s in"
            );
        }

        await Task.Delay(300);
        await stop.CancelAsync();
        await Task.WhenAll(loops);

        Assert.Empty(serverErrors);
        Assert.True(
            acknowledged.Count >= Kills,
            $"Only {acknowledged.Count} writes were acknowledged in {attempts} attempts: the test did not write enough to mean anything."
        );
        // Writes went on between kills, not only at the start or the end.
        Assert.True(counts.Zip(counts.Skip(1)).Count(p => p.Second > p.First) >= Kills - 2, string.Join(",", counts));

        // Every acknowledged write is a row, and its sealed title opens through the app.
        server.Kill();
        var stored = await StoredIdsAsync(settings);
        var missing = acknowledged.Keys.Where(id => !stored.Contains(id)).ToList();
        Assert.True(
            missing.Count == 0,
            $"{missing.Count} of {acknowledged.Count} acknowledged writes are gone: {string.Join(", ", missing.Take(5))}"
        );

        await server.StartAsync();
        foreach (var (id, title) in acknowledged.OrderBy(p => p.Key).Take(8))
        {
            var owner = writers.First(w => title.StartsWith($"Kill test {w.Name} ", StringComparison.Ordinal));
            var page = await owner.Browser.GetAsync($"/time-together/dates/{id}");
            Assert.Contains(title, page.Text, StringComparison.Ordinal);
        }
    }

    private async Task<HashSet<Guid>> StoredIdsAsync(Dictionary<string, string?> settings)
    {
        await using System.Data.Common.DbConnection connection =
            provider == TestProvider.Sqlite
                ? new SqliteConnection($"Data Source={Path.Combine(settings["Rekindle:DataPath"]!, "rekindle.db")};Pooling=False")
                : new NpgsqlConnection(settings["Database:ConnectionString"]);
        await connection.OpenAsync();
        if (provider == TestProvider.Sqlite)
        {
            // PostgreSQL checks each page as it reads it; reading every row below is its check.
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
        }

        var ids = new HashSet<Guid>();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"DatePlans\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }
}

public sealed class KillTestsOnSqlite(ITestOutputHelper output) : KillTests(TestProvider.Sqlite, output);

public sealed class KillTestsOnPostgres(ITestOutputHelper output) : KillTests(TestProvider.Postgres, output);
