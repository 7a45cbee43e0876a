using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Localization;

/// <summary>
/// The member's language (en-GB and en-US are configured) picks the formats of their pages and emails;
/// visitors get the browser's language when it is listed, else the default; a language not offered is refused.
/// </summary>
public abstract class LanguageTests(RekindleFactory app)
{
    private static async Task<Page> ChooseAsync(TestBrowser browser, string language)
    {
        var page = await browser.GetAsync("/account/security");
        return await browser.SubmitAsync(page, "language", new Dictionary<string, string> { ["language"] = language });
    }

    private static string Lang(Page page) => page.Document.DocumentElement.GetAttribute("lang") ?? "";

    [Fact]
    public async Task Each_partner_reads_dates_in_their_own_language_on_pages_and_in_emails()
    {
        var (a, aEmail) = await MemberAsync(app, "Una");
        var (b, bEmail) = await MemberAsync(app, "Gus");
        await JoinAsync(b, await InviteAsync(a));

        var chosen = await ChooseAsync(a, "en-US");
        Assert.Contains("Your language is saved.", chosen.Text, StringComparison.Ordinal);
        await ChooseAsync(b, "en-GB");

        // The fake clock says Tuesday 24 November 2026.
        var us = await a.GetAsync("/talk");
        var gb = await b.GetAsync("/talk");
        Assert.Equal(("en-US", "en-GB"), (Lang(us), Lang(gb)));
        Assert.Contains("Tuesday, November 24", us.Text, StringComparison.Ordinal);
        Assert.Contains("Tuesday, 24 November", gb.Text, StringComparison.Ordinal);

        // The check-in reminder names its week (Monday 23 November) in each reader's formats.
        foreach (var browser in new[] { a, b })
        {
            var prefs = await browser.GetAsync("/account/notifications");
            await browser.SubmitAsync(
                prefs,
                "preferences",
                new Dictionary<string, string>
                {
                    ["timeZone"] = "UTC",
                    ["noticeCheckIn"] = "yes",
                    ["dailyHour"] = "0",
                    ["quietFrom"] = "0",
                    ["quietTo"] = "0",
                }
            );
        }

        app.Clock.Advance(TimeSpan.FromDays(5) - app.Clock.GetUtcNow().TimeOfDay + TimeSpan.FromHours(10));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
        }

        var toA = await app.Mail.WaitForAsync(aEmail, "This week's check-in is waiting");
        var toB = await app.Mail.WaitForAsync(bEmail, "This week's check-in is waiting");
        Assert.Contains("for the week of November 23,", toA.TextBody, StringComparison.Ordinal);
        Assert.Contains("for the week of 23 November,", toB.TextBody, StringComparison.Ordinal);
        Assert.Contains("lang=\"en-US\"", toA.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US,en;q=0.8", "en-US")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("fr-FR,fr;q=0.9,de;q=0.5", "en-GB")]
    [InlineData("en", "en-GB")]
    public async Task A_visitor_gets_the_browsers_language_when_it_is_listed_else_the_default(string acceptLanguage, string expected)
    {
        using var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        var page = await browser.GetAsync("/account/login");
        Assert.Equal(expected, Lang(page));
    }

    [Fact]
    public async Task A_language_not_offered_is_refused_with_a_message_and_nothing_is_written()
    {
        var (a, aEmail) = await MemberAsync(app, "Ivo");
        await ChooseAsync(a, "en-US");

        foreach (var bad in new[] { "fr-FR", "en", "x" + new string('y', 200) })
        {
            var refused = await ChooseAsync(a, bad);
            Assert.Equal(System.Net.HttpStatusCode.OK, refused.Status);
            Assert.Contains(
                "Please choose one of the languages in the list.",
                refused.TextOf("#language-problem"),
                StringComparison.Ordinal
            );
            Assert.Equal(
                "en-US",
                await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Language).SingleAsync())
            );
        }

        // A null byte is refused before any page runs (T8): a 4xx, and still nothing written.
        var hostile = await ChooseAsync(a, "en-US\0");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, hostile.Status);
        Assert.Equal("en-US", await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Language).SingleAsync()));

        // Empty means "as my browser asks": stored as no choice.
        await ChooseAsync(a, "");
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Language).SingleAsync()));
        Assert.Equal("en-GB", Lang(await a.GetAsync("/")));
    }
}

public sealed class LanguageTestsOnSqlite(SqliteApp app) : LanguageTests(app), IClassFixture<SqliteApp>;

public sealed class LanguageTestsOnPostgres(PostgresApp app) : LanguageTests(app), IClassFixture<PostgresApp>;
