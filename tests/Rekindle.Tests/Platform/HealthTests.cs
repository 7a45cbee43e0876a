using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Email;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Tests.Platform;

/// <summary>
/// /healthz for probes (plain text, 200 unless something is down) and /healthz/details for operators: the version and each
/// check's status (database, keys, mail), and nothing else (docs/OPERATIONS.md, Monitoring).
/// </summary>
public abstract class HealthTests(RekindleFactory app)
{
    internal static async Task<(
        HttpStatusCode Status,
        string Overall,
        string Version,
        Dictionary<string, string> Checks,
        string Body
    )> DetailsAsync(RekindleFactory app)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/healthz/details");
        Assert.Equal("application/json", page.Response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(page.Html);
        var root = json.RootElement;
        Assert.Equal(["status", "version", "checks"], root.EnumerateObject().Select(p => p.Name));
        var checks = root.GetProperty("checks").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        return (page.Status, root.GetProperty("status").GetString()!, root.GetProperty("version").GetString()!, checks, page.Html);
    }

    [Fact]
    public async Task Details_give_the_version_and_each_check_by_name_and_nothing_else()
    {
        var (status, overall, version, checks, body) = await DetailsAsync(app);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", overall);
        Assert.Equal(AppVersion.Current, version);
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["database"] = "Healthy",
                ["keys"] = "Healthy",
                ["mail"] = "Healthy",
            },
            checks
        );
        Assert.DoesNotContain(app.DataPath, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);

        // The probe itself stays plain text.
        using var browser = app.NewBrowser();
        var probe = await browser.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, probe.Status);
        Assert.Equal("Healthy", probe.Html);
    }
}

public sealed class HealthTestsOnSqlite(SqliteApp app) : HealthTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task A_failed_email_makes_mail_degraded_and_probes_still_get_200_until_one_is_sent()
    {
        var closed = TestMailbox.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var instance = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?> { ["Email:SmtpPort"] = closed }
        );
        Assert.False(
            await instance
                .Services.GetRequiredService<IMailer>()
                .SendAsync(new Email("nobody@example.org", "Subject", "Text", "<p>Text</p>"))
        );

        var (status, overall, _, checks, body) = await DetailsAsync(instance);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", overall);
        Assert.Equal("Degraded", checks["mail"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.DoesNotContain("nobody@example.org", body, StringComparison.Ordinal);
        using (var browser = instance.NewBrowser())
        {
            var probe = await browser.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, probe.Status);
            Assert.Equal("Degraded", probe.Html);
        }

        // A later success clears it.
        instance.Clock.Advance(TimeSpan.FromMinutes(1));
        instance.Services.GetRequiredService<MailStatus>().Sent(instance.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal("Healthy", (await DetailsAsync(instance)).Checks["mail"]);
    }

    [Fact]
    public async Task Keys_the_master_key_does_not_open_make_the_instance_unhealthy()
    {
        await using var instance = new RekindleFactory(TestProvider.Sqlite);
        Assert.Equal("Healthy", (await DetailsAsync(instance)).Checks["keys"]);

        // As if the key store came from another instance: its wrapped keys no longer open with this master key.
        await instance.WithKeyStoreAsync(keys => keys.DataKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.WrappedKey, new byte[60])));
        var (status, overall, _, checks, body) = await DetailsAsync(instance);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", overall);
        Assert.Equal("Unhealthy", checks["keys"]);
        Assert.Equal("Healthy", checks["database"]);
        Assert.DoesNotContain("master", body, StringComparison.OrdinalIgnoreCase);
        using var browser = instance.NewBrowser();
        var probe = await browser.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, probe.Status);
    }
}

public sealed class HealthTestsOnPostgres(PostgresApp app) : HealthTests(app), IClassFixture<PostgresApp>;
