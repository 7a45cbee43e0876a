using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Rekindle.Web.Data;

namespace Rekindle.Testing;

public enum TestProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The whole app, in-process, on a real database (a fresh SQLite file, or a fresh database on the
/// throw-away PostgreSQL server that scripts/test.sh starts), with a real SMTP server and a clock
/// the test moves.
/// </summary>
public class RekindleFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "REKINDLE_TEST_POSTGRES";

    private readonly string? _postgresDatabase;
    private readonly string? _adminConnection;

    public RekindleFactory(TestProvider provider, IDictionary<string, string?>? settings = null)
    {
        Provider = provider;
        DataPath = Directory.CreateTempSubdirectory("rekindle-test-").FullName;
        Settings = new Dictionary<string, string?>
        {
            ["Rekindle:DataPath"] = DataPath,
            ["Rekindle:PublicUrl"] = "https://localhost",
            // Every test browser shares one address here; the limit itself has its own test.
            ["GuessLimits:PermitLimit"] = "100000",
            ["Keys:CreateIfMissing"] = "true",
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = "None",
            ["Email:From"] = "rekindle@example.org",
            ["Database:Provider"] = provider.ToString(),
            // Tests run the notice job themselves, at the moments they choose.
            ["Jobs:Enabled"] = "false",
        };

        if (provider == TestProvider.Postgres)
        {
            // Without a server the test is skipped with the reason (tests/Shared/Needs.cs), not failed.
            _adminConnection = Needs.Postgres();
            _postgresDatabase = "rekindle_test_" + Guid.NewGuid().ToString("N");
            using (var connection = new NpgsqlConnection(_adminConnection))
            {
                connection.Open();
                // The key store is a database of its own, as in production. One statement a command:
                // CREATE DATABASE refuses to run inside the implicit transaction of a batch.
                foreach (var name in new[] { _postgresDatabase, _postgresDatabase + "_keys" })
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"CREATE DATABASE \"{name}\"";
                    command.ExecuteNonQuery();
                }
            }

            Settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(_adminConnection)
            {
                Database = _postgresDatabase,
            }.ConnectionString;
            Settings["KeyStore:ConnectionString"] = new NpgsqlConnectionStringBuilder(_adminConnection)
            {
                Database = _postgresDatabase + "_keys",
            }.ConnectionString;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            Settings[key] = value;
        }
    }

    public TestProvider Provider { get; }

    public string DataPath { get; }

    public Dictionary<string, string?> Settings { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    public TestMailbox Mail { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>The database commands and rows of this app (docs/TRUST.md T17).</summary>
    public WorkCounter Work { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development, the project's wwwroot is only found when asked for (a published app has it in place).
        builder.UseStaticWebAssets();
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // Whichever provider runs, its contexts report their commands and rows to Work.
            services.ConfigureDbContext<SqliteAppDbContext>((_, db) => db.AddInterceptors(Work), ServiceLifetime.Singleton);
            services.ConfigureDbContext<PostgresAppDbContext>((_, db) => db.AddInterceptors(Work), ServiceLifetime.Singleton);
            services.ConfigureDbContext<Rekindle.Web.Infrastructure.Sealing.SqliteKeyStoreDbContext>(
                (_, db) => db.AddInterceptors(Work),
                ServiceLifetime.Singleton
            );
            services.ConfigureDbContext<Rekindle.Web.Infrastructure.Sealing.PostgresKeyStoreDbContext>(
                (_, db) => db.AddInterceptors(Work),
                ServiceLifetime.Singleton
            );
        });
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>Set when the app runs on a real port (end-to-end tests): browsers then talk HTTP to it.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>Starting fails, and one message on the way out says <paramref name="expected"/> on a single line.</summary>
    public void AssertStartRefused(string expected)
    {
        var error = Assert.ThrowsAny<Exception>(() => CreateClient());
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        var line = messages.FirstOrDefault(m => m.Contains(expected, StringComparison.Ordinal));
        Assert.True(line is not null, "no message says it: " + string.Join(" | ", messages));
        Assert.DoesNotContain('\n', line);
    }

    public TestBrowser NewBrowser()
    {
        var jar = new System.Net.CookieContainer();
        if (ServerUrl is not null)
        {
            var handler = new CookieJar(jar)
            {
                InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false },
            };
            return new TestBrowser(new HttpClient(handler) { BaseAddress = new Uri(ServerUrl) }, jar);
        }

        return new TestBrowser(CreateDefaultClient(new Uri("https://localhost"), new CookieJar(jar)), jar);
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>SQLite only: the raw bytes of the database file and its write-ahead log, each as Latin-1 text, to search for what must not
    /// linger.</summary>
    public async Task<IReadOnlyList<string>> DatabaseFilesAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var contents = new List<string>();
        foreach (var file in Directory.GetFiles(DataPath, "rekindle.db*"))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            contents.Add(await reader.ReadToEndAsync());
        }

        return contents;
    }

    /// <summary>Every member's answers to a list, opened, by member (for assertions; the app reads only its own member's and their
    /// partner's).</summary>
    public async Task<Dictionary<Guid, Dictionary<string, string>>> AnswerSetsAsync(Rekindle.Web.Infrastructure.Privacy.AnswerList list)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var answers = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Privacy.PrivateAnswers>();
        var owners = await db.AnswerSets.Where(s => s.List == list).Select(s => s.OwnerId).Distinct().ToListAsync();
        var all = new Dictionary<Guid, Dictionary<string, string>>();
        foreach (var owner in owners)
        {
            var mine = all[owner] = [];
            foreach (var (key, entry) in await answers.ExportAsync(list, owner, CancellationToken.None))
            {
                mine[key] = entry.Value;
            }
        }

        return all;
    }

    /// <summary>Asserts that every answer set of the list is stored sealed, and all at the one fixed length (decisions/0026).</summary>
    public async Task AssertAnswerSetsSealedAsync(Rekindle.Web.Infrastructure.Privacy.AnswerList list)
    {
        var envelopes = await WithDbAsync(db => db.AnswerSets.Where(s => s.List == list).Select(s => s.Answers).ToListAsync());
        Xunit.Assert.NotEmpty(envelopes);
        // An envelope is base64url only; the plain set pads its records with spaces.
        Xunit.Assert.All(envelopes, e => Xunit.Assert.Matches("^rk1\\.[0-9]+\\.[A-Za-z0-9_-]+$", e.Envelope));
        Xunit.Assert.Single(envelopes.Select(e => e.Envelope.Length).Distinct());
    }

    public async Task<T> WithKeyStoreAsync<T>(Func<Rekindle.Web.Infrastructure.Sealing.KeyStoreDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Sealing.KeyStoreDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnection);
            await connection.OpenAsync();
            foreach (var name in new[] { _postgresDatabase, _postgresDatabase + "_keys" })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
                await command.ExecuteNonQueryAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException) { }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteApp() : RekindleFactory(TestProvider.Sqlite);

public sealed class PostgresApp() : RekindleFactory(TestProvider.Postgres);
