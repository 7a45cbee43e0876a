using System.Net;
using Rekindle.Testing;

namespace Rekindle.Tests.Platform;

/// <summary>
/// Start-up that explains itself (decisions/0045, point 8), through the app as a real process: a bad setting stops it with
/// one line on standard error naming the setting, exit code 1 and no stack trace; the content is found beside the app
/// from any working directory; and the container's `healthcheck` command answers without building the app.
/// </summary>
public sealed class StartupTests : IDisposable
{
    private readonly List<string> _folders = [];

    private string NewFolder()
    {
        var folder = Directory.CreateTempSubdirectory("rekindle-startup-").FullName;
        _folders.Add(folder);
        return folder;
    }

    /// <summary>Settings that start: a fresh data folder and a master key made there.</summary>
    private Dictionary<string, string?> Good() =>
        new()
        {
            ["Rekindle:DataPath"] = NewFolder(),
            ["Keys:CreateIfMissing"] = "true",
            ["Database:Provider"] = "Sqlite",
        };

    private static async Task<string> RefusedAsync(Dictionary<string, string?> settings, string setting)
    {
        await using var app = new AppProcess(settings);
        var (exitCode, output) = await app.RunCommandAsync("--urls", app.Url).WaitAsync(TimeSpan.FromSeconds(60));
        var first = app.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        Assert.True(exitCode == 1, $"Exit code {exitCode}, expected 1: {output}");
        Assert.StartsWith("Rekindle cannot start: ", first, StringComparison.Ordinal);
        Assert.True(first.Contains(setting, StringComparison.Ordinal), $"The first line does not name {setting}: {first}");
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        return first;
    }

    [Theory]
    [InlineData("rekindle.example.org")]
    [InlineData("ftp://rekindle.example.org")]
    public async Task Startup_with_a_public_url_that_is_not_an_http_address_names_it(string url)
    {
        var settings = Good();
        settings["Rekindle:PublicUrl"] = url;
        await RefusedAsync(settings, "Rekindle:PublicUrl");
    }

    [Fact]
    public async Task Startup_without_a_public_url_outside_development_names_it()
    {
        var settings = Good();
        settings["Rekindle:PublicUrl"] = "";
        await RefusedAsync(settings, "Rekindle:PublicUrl");
    }

    [Fact]
    public async Task Startup_without_a_master_key_names_the_setting()
    {
        var settings = Good();
        settings["Keys:CreateIfMissing"] = "false";
        var line = await RefusedAsync(settings, "Keys:MasterKeyPath");
        Assert.Contains("Keys:CreateIfMissing=true", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_with_a_master_key_that_is_not_a_key_names_where_it_came_from()
    {
        var settings = Good();
        var file = Path.Combine(NewFolder(), "master.key");
        await File.WriteAllTextAsync(file, "not a key");
        settings["Keys:MasterKeyPath"] = file;
        await RefusedAsync(settings, "Keys:MasterKeyPath");

        var fromVariable = Good();
        fromVariable["REKINDLE_MASTER_KEY"] = "c2hvcnQ=";
        await RefusedAsync(fromVariable, "REKINDLE_MASTER_KEY");
    }

    [Fact]
    public async Task Startup_with_an_unreadable_connection_string_names_it_without_repeating_it()
    {
        var settings = Good();
        settings["Database:Provider"] = "Postgres";
        settings["Database:ConnectionString"] = "not a connection string with secret-password";
        settings["KeyStore:ConnectionString"] = "Host=127.0.0.1;Database=rekindle_keys";
        var line = await RefusedAsync(settings, "Database:ConnectionString");
        Assert.DoesNotContain("secret-password", line, StringComparison.Ordinal);

        var keys = Good();
        keys["Database:Provider"] = "Postgres";
        keys["Database:ConnectionString"] = "Host=127.0.0.1;Database=rekindle";
        keys["KeyStore:ConnectionString"] = "Host=127.0.0.1;Nonsense Keyword=1";
        await RefusedAsync(keys, "KeyStore:ConnectionString");
    }

    [Fact]
    public async Task Startup_with_an_unknown_provider_names_the_database_setting()
    {
        var settings = Good();
        settings["Database:Provider"] = "Oracle";
        await RefusedAsync(settings, "Database:Provider");
    }

    [Fact]
    public async Task Startup_with_an_unknown_language_names_it()
    {
        var settings = Good();
        settings["Localization:Languages:0"] = "en-GB";
        settings["Localization:Languages:1"] = "xx-Nowhere";
        var line = await RefusedAsync(settings, "Localization:Languages");
        Assert.Contains("xx-Nowhere", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_with_a_proxy_that_is_not_an_address_names_it()
    {
        var settings = Good();
        settings["Proxy:KnownProxies:0"] = "caddy";
        await RefusedAsync(settings, "Proxy:KnownProxies");
    }

    [Fact]
    public async Task Startup_that_makes_the_master_key_asks_to_copy_it_and_later_starts_do_not()
    {
        var settings = Good();
        await using (var first = new AppProcess(settings))
        {
            await first.StartAsync();
            Assert.Contains("A new master key was created at ", first.Output, StringComparison.Ordinal);
            Assert.Contains("Copy it somewhere safe", first.Output, StringComparison.Ordinal);
        }

        await using var second = new AppProcess(settings);
        await second.StartAsync();
        Assert.DoesNotContain("A new master key was created", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_from_another_working_directory_finds_the_content_beside_the_app()
    {
        var elsewhere = NewFolder();
        await using var app = new AppProcess(Good()) { WorkingDirectory = elsewhere };
        await app.StartAsync();
        var browser = app.NewBrowser();

        // The safety page reads Content/support/ when asked; the about page is the app's own.
        foreach (var path in new[] { "/safety", "/about" })
        {
            using var response = await browser.Client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {app.Output}");
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
    }

    [Fact]
    public async Task Startup_healthcheck_command_answers_in_one_line_without_building_the_app()
    {
        await using var server = new AppProcess(Good());
        await server.StartAsync();

        // No settings at all that would start the app: the command never builds it.
        var bare = new Dictionary<string, string?>
        {
            ["Rekindle:PublicUrl"] = "",
            ["ASPNETCORE_HTTP_PORTS"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        await using var probe = new AppProcess(bare);

        var (given, givenOutput) = await probe.RunCommandAsync("healthcheck", server.Url + "/healthz");
        Assert.Equal(0, given);
        Assert.Equal($"healthy: {server.Url}/healthz answered 200.", givenOutput.Trim());

        await using var byPort = new AppProcess(bare);
        var (fromPort, portOutput) = await byPort.RunCommandAsync("healthcheck");
        Assert.True(fromPort == 0, portOutput);

        await using var nobody = new AppProcess(bare);
        var (none, noneOutput) = await nobody.RunCommandAsync("healthcheck", $"http://127.0.0.1:{TestMailbox.FreePort()}");
        Assert.Equal(1, none);
        Assert.StartsWith("unhealthy: no answer from http://127.0.0.1:", noneOutput.Trim(), StringComparison.Ordinal);
        Assert.Single(noneOutput.Trim().Split('\n'));

        await using var wrong = new AppProcess(bare);
        var (usage, _) = await wrong.RunCommandAsync("healthcheck", "not an address");
        Assert.Equal(2, usage);
    }

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) { }
        }
    }
}
