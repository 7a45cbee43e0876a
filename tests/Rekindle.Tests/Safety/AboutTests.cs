using System.Net;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Safety;

/// <summary>
/// Operator disclosure (issue 21, point 8): sign-up, joining a couple and the public /about page say
/// who runs the server, that they can technically read what is stored, and where to go instead when
/// that person is the partner.
/// </summary>
public abstract class AboutTests(RekindleFactory app)
{
    private static void Discloses(Page page, string where)
    {
        var disclosure = page.TextOf("#operator-disclosure");
        Assert.True(
            disclosure.Contains("This server is run by Morgan Example Hosting.", StringComparison.Ordinal),
            $"{where}: {disclosure}"
        );
        Assert.Contains("To reach them: help@operator.example.net", disclosure, StringComparison.Ordinal);
        Assert.Contains("Whoever runs the server can technically read what is stored on it.", disclosure, StringComparison.Ordinal);
        Assert.Contains(
            "If that person is your partner and you don't feel safe, the safety page is the better place.",
            disclosure,
            StringComparison.Ordinal
        );
        Assert.NotNull(page.Find("#operator-disclosure a[href='/safety']"));
        Assert.NotNull(page.Find("#operator-disclosure a[href='/about']"));
    }

    [Fact]
    public async Task About_is_public_and_says_who_runs_the_server_and_what_they_can_read()
    {
        using var visitor = app.NewBrowser();
        var (member, _) = await MemberAsync(app, "Ira");
        foreach (var browser in new[] { visitor, member })
        {
            var page = await browser.GetAsync("/about");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("/about", page.Url.AbsolutePath);
            Assert.Equal("This server is run by Morgan Example Hosting.", page.TextOf("#operator-name"));
            Assert.Equal("To reach them: help@operator.example.net", page.TextOf("#operator-contact"));
            Assert.Contains(
                "Whoever runs the server can technically read what is stored on it.",
                page.TextOf("#what-they-can-see"),
                StringComparison.Ordinal
            );
            Assert.Contains(
                "If that person is your partner and you don't feel safe, the safety page is the better place.",
                page.TextOf("#what-they-can-see"),
                StringComparison.Ordinal
            );
            Assert.NotNull(page.Find("#what-they-can-see a[href='/safety']"));

            // Every page's footer leads here.
            Assert.NotNull((await browser.GetAsync("/")).Find("footer a[href='/about']"));
        }
    }

    [Fact]
    public async Task Signing_up_and_joining_a_couple_say_who_runs_the_server()
    {
        using var visitor = app.NewBrowser();
        Discloses(await visitor.GetAsync("/account/register"), "sign-up");

        var (inviter, _) = await MemberAsync(app, "Jo");
        var code = await InviteAsync(inviter);
        var preview = await visitor.GetAsync("/join?code=" + Uri.EscapeDataString(code));
        Assert.NotNull(preview.Find("a[href^='/account/register?invite=']"));
        Discloses(preview, "join, signed out");
        Discloses(await visitor.GetAsync("/account/register?invite=" + Uri.EscapeDataString(code)), "sign-up with an invite");

        var (joiner, _) = await MemberAsync(app, "Kai");
        var signedIn = await joiner.GetAsync("/join?code=" + Uri.EscapeDataString(code));
        Assert.NotNull(signedIn.Find("input[name=_handler][value='join']"));
        Discloses(signedIn, "join, signed in");
    }
}

public sealed class AboutTestsOnSqlite(ConfiguredSqliteApp app) : AboutTests(app), IClassFixture<ConfiguredSqliteApp>;

public sealed class AboutTestsOnPostgres(ConfiguredPostgresApp app) : AboutTests(app), IClassFixture<ConfiguredPostgresApp>;

/// <summary>An instance whose operator set nothing: the pages say so honestly, and wrong settings stop the start with one clear
/// line.</summary>
public sealed class UnconfiguredInstanceTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Without_a_name_the_pages_say_none_was_given_and_the_safety_page_shows_every_place()
    {
        using var visitor = app.NewBrowser();
        foreach (var path in new[] { "/about", "/account/register" })
        {
            var page = await visitor.GetAsync(path);
            Assert.Equal("The person who runs this server has not given a name.", page.TextOf("#operator-name"));
            Assert.Null(page.Find("#operator-contact"));
            Assert.Contains("can technically read what is stored", page.Text, StringComparison.Ordinal);
        }

        Assert.Equal("Showing lines for every country.", (await visitor.GetAsync("/safety")).TextOf("#country-shown"));
    }

    [Theory]
    [InlineData(
        "SafetyResources:DefaultCountry",
        "Atlantis",
        "SafetyResources:DefaultCountry \"Atlantis\" is not a country in safety-resources.en.json; use one of: GB-ENG, GB-SCT"
    )]
    [InlineData("Operator:Name", "x", "Operator:Name is 101 characters long; at most 100 are allowed.")]
    [InlineData("Operator:Contact", "line one\nline two", "Operator:Contact must be one line of text")]
    public async Task A_wrong_setting_stops_the_start_with_one_clear_line(string setting, string value, string expected)
    {
        if (value == "x")
        {
            value = new string('x', 101);
        }

        await using var wrong = new RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { [setting] = value });
        wrong.AssertStartRefused(expected);
    }
}
