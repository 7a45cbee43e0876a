using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Data;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Platform;

public abstract class PlatformTests(RekindleFactory app)
{
    [Fact]
    public async Task Health_reports_a_working_database()
    {
        using var browser = app.NewBrowser();
        var health = await browser.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Html);
    }

    [Fact]
    public async Task Security_txt_says_whom_to_tell_and_stays_current()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/.well-known/security.txt");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Contact: mailto:security@localhost", page.Html, StringComparison.Ordinal);
        var expires = DateTimeOffset.Parse(
            page.Html.Split('\n').Single(l => l.StartsWith("Expires: ", StringComparison.Ordinal))[9..],
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.InRange(expires, app.Clock.GetUtcNow().AddDays(30), app.Clock.GetUtcNow().AddDays(366));
    }

    [Fact]
    public async Task The_model_has_no_changes_missing_from_the_migrations()
    {
        _ = app.Services;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.False(db.Database.HasPendingModelChanges(), "Run scripts/add-migration.sh: the model changed without a migration.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());

        var keys = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Infrastructure.Sealing.KeyStoreDbContext>();
        Assert.False(
            keys.Database.HasPendingModelChanges(),
            "Run scripts/add-migration.sh --keys: the key store changed without a migration."
        );
        Assert.Empty(await keys.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task An_oversized_form_gets_a_413_with_a_message_and_writes_nothing()
    {
        using var browser = app.NewBrowser();
        var email = NewEmail("huge");
        var form = await browser.GetAsync("/account/register");
        var page = await browser.SubmitAsync(
            form,
            "register",
            new Dictionary<string, string>
            {
                ["Input.FirstName"] = new string('a', 300_000),
                ["Input.Email"] = email,
                ["Input.Password"] = GoodPassword,
                ["Input.ConfirmPassword"] = GoodPassword,
            }
        );
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.Status);
        Assert.Contains("too much to send at once", page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountMembersAsync(app, email));
    }

    [Fact]
    public async Task A_field_over_the_form_limit_gets_a_400_with_a_message()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/account/login");
        var page = await browser.SubmitAsync(
            form,
            "login",
            new Dictionary<string, string> { ["Input.Email"] = new string('a', 70_000) + "@example.org", ["Input.Password"] = "x" }
        );
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("couldn't read what was sent", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_byte_in_a_form_is_refused_with_a_message_and_writes_nothing()
    {
        using var browser = app.NewBrowser();
        var email = NewEmail("nul");
        var page = await RegisterAsync(browser, "Ma\0ry", email);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("couldn't read what was sent", page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountMembersAsync(app, email));
    }

    [Theory]
    [InlineData("\u0001\u0002")]
    [InlineData("Ann\u001b[31m")]
    public async Task Control_characters_in_a_name_are_refused_with_a_message(string name)
    {
        using var browser = app.NewBrowser();
        var email = NewEmail("ctl");
        var page = await RegisterAsync(browser, name, email);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Please use a first name", page.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountMembersAsync(app, email));
    }

    [Fact]
    public async Task Bad_utf8_and_a_missing_antiforgery_token_never_cause_a_500()
    {
        using var browser = app.NewBrowser();
        await browser.GetAsync("/account/register");
        using var bad = new ByteArrayContent([.. Encoding.ASCII.GetBytes("_handler=register&Input.FirstName="), 0xC3, 0x28, 0xFF]);
        bad.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var response = await browser.Client.PostAsync("/account/register", bad);
        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains("so we didn&#39;t act on it", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Signed in, a form without its token, or with another session's token, does nothing.
        var (member, _) = await MemberAsync(app, "Tok");
        var (other, _) = await MemberAsync(app, "Oth");
        var foreignToken = (await other.GetAsync("/couple")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var token in new[] { "", foreignToken })
        {
            using var invite = new FormUrlEncodedContent([new("_handler", "invite"), new("__RequestVerificationToken", token)]);
            Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsync("/couple", invite)).StatusCode);
            using var logout = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
            Assert.Equal(HttpStatusCode.BadRequest, (await member.Client.PostAsync("/account/logout", logout)).StatusCode);
        }

        Assert.Contains("Start your couple space", (await member.GetAsync("/couple")).Text, StringComparison.Ordinal);
        Assert.Contains("Hello, Tok", (await member.GetAsync("/")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_pages_get_a_friendly_404()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We couldn't find that page", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/error/404", HttpStatusCode.NotFound)]
    [InlineData("/error/429", HttpStatusCode.TooManyRequests)]
    [InlineData("/error", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    public async Task Error_pages_opened_directly_are_html_pages_not_downloads(string path, HttpStatusCode status)
    {
        using var browser = app.NewBrowser();
        using var response = await browser.Client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.StartsWith("<!DOCTYPE html>", (await response.Content.ReadAsStringAsync()).TrimStart(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Open_redirects_are_refused()
    {
        var (browser, email) = await MemberAsync(app, "Red");
        await browser.SubmitAsync(browser.Current!, "/account/logout");
        foreach (var target in new[] { "//evil.example.org/x", "https://evil.example.org/x", "/\\evil.example.org" })
        {
            var form = await browser.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(target));
            var landed = await browser.SubmitAsync(
                form,
                "login",
                new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = GoodPassword }
            );
            Assert.Equal("https://localhost/", landed.Url.AbsoluteUri);
            Assert.Contains("Hello, Red", landed.Text, StringComparison.Ordinal);
            await browser.SubmitAsync(landed, "/account/logout");
        }
    }

    [Fact]
    public async Task Logs_carry_ids_but_no_passwords_codes_or_emailed_secrets()
    {
        const string password = "marker horse violet 7Q";
        using var browser = app.NewBrowser();
        var email = NewEmail("logs");
        await RegisterAsync(browser, "Logan", email, password);
        var confirmLink = TestMailbox.LinkIn(await app.Mail.WaitForAsync(email, "Confirm your email"), "/account/confirm-email");
        await browser.GetAsync(confirmLink);
        await SignInAsync(browser, email, "a wrong password marker");
        await SignInAsync(browser, email, password);
        var setup = await browser.SubmitAsync(await browser.GetAsync("/account/authenticator"), "start-authenticator");
        var key = setup.TextOf("#authenticator-key").Replace(" ", "", StringComparison.Ordinal);
        var code = await InviteAsync(browser);
        var (other, _) = await MemberAsync(app, "Other");
        await JoinAsync(other, code);

        var logs = string.Join('\n', app.Logs.Lines);
        Assert.Contains("registered", logs, StringComparison.Ordinal);
        var secrets = new[]
        {
            password,
            "a wrong password marker",
            code,
            code.Replace("-", "", StringComparison.Ordinal),
            key,
            key.ToUpperInvariant(),
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("https://x" + confirmLink).Query)["code"].ToString(),
        };
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(email, logs, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(Path.Combine(app.DataPath, "keys", "master.key")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(
                UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(Path.Combine(app.DataPath, "keys", "master.key"))
            );
        }
    }
}

public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app), IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Concurrent_writes_on_sqlite_queue_instead_of_failing()
    {
        var emails = Enumerable.Range(0, 12).Select(_ => NewEmail("busy")).ToList();
        var pages = await Task.WhenAll(
            emails.Select(async email =>
            {
                using var browser = app.NewBrowser();
                return await RegisterAsync(browser, "Busy", email);
            })
        );
        Assert.All(pages, p => Assert.Equal("/account/check-email", p.Url.AbsolutePath));
        Assert.Equal(12, await app.WithDbAsync(db => db.Users.CountAsync(u => emails.Contains(u.Email!))));

        // Raw concurrent transactions too, each holding the gate while it writes.
        await Task.WhenAll(
            Enumerable
                .Range(0, 40)
                .Select(i =>
                    Task.Run(async () =>
                    {
                        using var scope = app.Services.CreateScope();
                        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                        await using var transaction = await db.Database.BeginTransactionAsync();
                        db.Couples.Add(
                            new Rekindle.Web.Features.Pairing.Couple { Id = Guid.NewGuid(), CreatedAt = DateTime.UnixEpoch.AddDays(i) }
                        );
                        await db.SaveChangesAsync();
                        await transaction.CommitAsync();
                    })
                )
        );

        var mode = await app.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            return (string)(await command.ExecuteScalarAsync())!;
        });
        Assert.Equal("wal", mode);
    }
}

public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app), IClassFixture<PostgresApp>;
