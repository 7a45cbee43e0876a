using System.Net;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Intimacy;

/// <summary>
/// A safety concern rests intimacy for the whole couple (decisions/0027, docs/TRUST.md T19): the member
/// sees a calm note and nothing intimate; the partner's pages and API answers are byte for byte what
/// the other member's own neutral pause ("pause exercises for two for now") makes, with one neutral
/// reason where they wait.
/// </summary>
public abstract class IntimacyRestingTests(RekindleFactory app)
{
    private static readonly string[] PartnersPages =
    [
        "/",
        "/intimacy",
        "/intimacy/answers",
        "/intimacy/answers?category=exploring",
        "/intimacy/matches",
        "/intimacy/program",
        "/intimacy/program?part=ready",
        "/intimacy/program?part=notes",
        "/intimacy/resources",
        "/repair",
        "/talk/conversation",
        "/talk",
        "/areas/intimacy",
        "/areas/repair",
    ];

    private static readonly string[] PartnersApi =
    [
        "/api/v1/intimacy",
        "/api/v1/intimacy/answers",
        "/api/v1/intimacy/matches",
        "/api/v1/intimacy/program",
        "/api/v1/intimacy/resources",
        "/api/v1/repair",
        "/api/v1/talk/conversation",
    ];

    private static async Task<Page> AnswerAsync(TestBrowser browser, string item, string answer) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/intimacy/answers"),
            "desire",
            new Dictionary<string, string> { ["answer"] = item + "|" + answer }
        );

    /// <summary>A couple well into intimacy: matches, an item of their own, "check in first", the second stage, and a repair the partner
    /// opened.</summary>
    private async Task<(TestBrowser A, string AEmail, TestBrowser B, string BEmail, string Repair)> CoupleInIntimacyAsync()
    {
        var (a, aEmail) = await MemberAsync(app, "Ona");
        var (b, bEmail) = await MemberAsync(app, "Per");
        await JoinAsync(b, await InviteAsync(a));
        foreach (var browser in new[] { a, b })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy"),
                "intimacy-on",
                new Dictionary<string, string> { ["adult"] = "yes" }
            );
            await AnswerAsync(browser, "i001", "yes");
            await AnswerAsync(browser, "i002", "maybe");
        }

        await b.SubmitAsync(
            await b.GetAsync("/intimacy/answers"),
            "add-desire",
            new Dictionary<string, string> { ["text"] = "Ourownitem", ["category"] = "affection" }
        );
        await b.SubmitAsync(await b.GetAsync("/intimacy/matches"), "check-first", new Dictionary<string, string> { ["flag"] = "i001|on" });
        foreach (var browser in new[] { a, b })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy/program?part=ready"),
                "ready",
                new Dictionary<string, string> { ["ready"] = "yes", ["stage"] = "0" }
            );
        }

        var before = await b.GetAsync("/intimacy/matches");
        Assert.Equal(2, before.Document.QuerySelectorAll("li.match").Length);
        Assert.Contains("Stage 2", (await b.GetAsync("/intimacy/program")).TextOf("#stage"), StringComparison.Ordinal);
        var repair = await b.SubmitAsync(
            await b.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = "Restingtitle", ["calm"] = "true" }
        );
        return (a, aEmail, b, bEmail, repair.Url.AbsolutePath);
    }

    private static async Task<List<string>> PartnersViewsAsync(TestBrowser b, ApiClient api, string repair)
    {
        var views = new List<string>();
        foreach (var path in PartnersPages.Append(repair))
        {
            var page = await b.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path} answered {(int)page.Status}");
            views.Add(SamePage.AcrossCouples(path + "\n" + page.Html));
        }

        foreach (var path in PartnersApi)
        {
            var answer = await api.GetAsync(path);
            views.Add(SamePage.AcrossCouples(path + " " + (int)answer.Status + "\n" + answer.Body));
        }

        return views;
    }

    [Fact]
    public async Task A_concern_rests_intimacy_for_the_couple_and_the_partner_sees_exactly_a_neutral_pause()
    {
        var partnerViews = new List<List<string>>();
        foreach (var concern in new[] { false, true })
        {
            var (a, _, b, bEmail, repair) = await CoupleInIntimacyAsync();
            using var api = await ApiClient.SignInAsync(app, bEmail);
            if (concern)
            {
                await TakeCheckAsync(app, a, WithConcern);
            }
            else
            {
                // The neutral pause a member chooses for themselves, from any page for two.
                await TakeCheckAsync(app, a, Ordinary);
                var paused = await a.SubmitAsync(
                    await a.GetAsync("/intimacy"),
                    "pause-for-two",
                    new Dictionary<string, string> { ["pause"] = "on" }
                );
                Assert.NotNull(paused.Find("#paused-for-two"));
                Assert.Null(paused.Find("a[href='/intimacy/matches']"));
            }

            // The partner: nothing shared is shown, and one neutral reason where they wait.
            var hub = await b.GetAsync("/intimacy");
            Assert.Contains("Ona has paused exercises for two for now", hub.TextOf("#partner-paused"), StringComparison.Ordinal);
            Assert.Null(hub.Find("#matches-link"));
            Assert.Empty((await b.GetAsync("/intimacy/matches")).Document.QuerySelectorAll("li.match"));
            Assert.Null((await b.GetAsync("/intimacy/program")).Find("#stage"));
            Assert.Contains(
                "Ona has paused exercises for two for now",
                (await b.GetAsync(repair)).TextOf("#partner-paused"),
                StringComparison.Ordinal
            );
            var talk = await b.GetAsync("/talk/conversation");
            Assert.NotNull(talk.Find("#partner-paused"));
            Assert.Null(talk.Find("#start"));
            Assert.False((await api.GetAsync("/api/v1/intimacy")).Json.GetProperty("bothIn").GetBoolean());
            partnerViews.Add(await PartnersViewsAsync(b, api, repair));

            if (concern)
            {
                // The member with the concern: a calm note, the way to support, and nothing intimate.
                var resting = await a.GetAsync("/intimacy");
                Assert.NotNull(resting.Find("#resting"));
                Assert.Contains("resting for now", resting.TextOf("#resting"), StringComparison.Ordinal);
                Assert.NotNull(resting.Find("#resting a[href='/safety']"));
                foreach (var path in new[] { "/intimacy/answers", "/intimacy/matches", "/intimacy/program", "/intimacy/resources" })
                {
                    var page = await a.GetAsync(path);
                    Assert.Equal("/intimacy", page.Url.AbsolutePath);
                    Assert.DoesNotContain("Ourownitem", page.Html, StringComparison.Ordinal);
                    Assert.Null(page.Find("li.match"));
                    Assert.Null(page.Find("#stage"));
                }

                Assert.Null(resting.Find("a[href='/intimacy/answers']"));
                Assert.Null(resting.Find("#pause-for-two"));
                var refused = await a.SubmitAsync(resting, "intimacy-on", new Dictionary<string, string> { ["adult"] = "yes" });
                Assert.Contains("resting for now", refused.TextOf("#intimacy-message"), StringComparison.Ordinal);
            }
        }

        for (var i = 0; i < partnerViews[0].Count; i++)
        {
            Assert.True(
                partnerViews[0][i] == partnerViews[1][i],
                $"the partner can tell a concern from a pause: {SamePage.Difference(partnerViews[0][i], partnerViews[1][i])}"
            );
        }
    }

    [Fact]
    public async Task The_api_rests_for_the_member_with_a_concern_and_everything_comes_back_when_the_concern_or_pause_ends()
    {
        var (a, aEmail, b, bEmail, _) = await CoupleInIntimacyAsync();
        await TakeCheckAsync(app, a, WithConcern);

        // The member with the concern: every intimacy route rests, in words, and nothing is changed.
        using (var member = await ApiClient.SignInAsync(app, aEmail))
        {
            Assert.True((await member.GetAsync("/api/v1/intimacy")).Json.GetProperty("resting").GetBoolean());
            foreach (
                var path in new[]
                {
                    "/api/v1/intimacy/answers",
                    "/api/v1/intimacy/matches",
                    "/api/v1/intimacy/program",
                    "/api/v1/intimacy/resources",
                }
            )
            {
                var rests = await member.GetAsync(path);
                Assert.Equal(HttpStatusCode.Conflict, rests.Status);
                Assert.Equal("resting", rests.Json.GetProperty("kind").GetString());
                Assert.Contains("resting for now", rests.Body, StringComparison.Ordinal);
                Assert.DoesNotContain("i001", rests.Body, StringComparison.Ordinal);
            }

            Assert.Equal(
                HttpStatusCode.Conflict,
                (await member.PostAsync("/api/v1/intimacy/answers", new { key = "i003", answer = "yes" })).Status
            );
            Assert.Equal(
                HttpStatusCode.Conflict,
                (await member.PostAsync("/api/v1/intimacy/items", new { text = "Another", category = "affection" })).Status
            );
            Assert.Equal(
                HttpStatusCode.Conflict,
                (await member.PostAsync("/api/v1/intimacy/matches/check-in-first", new { key = "i002", on = true })).Status
            );
            Assert.Equal(
                HttpStatusCode.Conflict,
                (await member.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 1 })).Status
            );
            var turnOn = await member.PostAsync("/api/v1/intimacy/opt-in", new { adult = true });
            Assert.Equal(HttpStatusCode.Conflict, turnOn.Status);
            Assert.Equal("resting", turnOn.Json.GetProperty("kind").GetString());
        }

        var partner = await ApiClient.SignInAsync(app, bEmail);
        Assert.Empty((await partner.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items").EnumerateArray());
        Assert.False((await partner.GetAsync("/api/v1/intimacy/program")).Json.GetProperty("open").GetBoolean());
        Assert.True((await partner.GetAsync("/api/v1/intimacy")).Json.GetProperty("partnerPaused").GetBoolean());

        // The concern ends with a calmer check (an hour on, so it is the latest): the couple's shared parts are back as they were, for
        // both.
        app.Clock.Advance(TimeSpan.FromHours(1));
        partner.Dispose();
        using var later = await ApiClient.SignInAsync(app, bEmail);
        await TakeCheckAsync(app, a, Ordinary);
        Assert.Equal(2, (await b.GetAsync("/intimacy/matches")).Document.QuerySelectorAll("li.match").Length);
        Assert.Null((await b.GetAsync("/intimacy")).Find("#partner-paused"));
        Assert.NotNull((await a.GetAsync("/intimacy")).Find("#matches-link"));

        // A neutral pause and its end, from the member's own page.
        var paused = await a.SubmitAsync(await a.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });
        Assert.NotNull(paused.Find("#paused-for-two"));
        Assert.Null(paused.Find("#open-repair"));
        Assert.Empty((await later.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items").EnumerateArray());
        var back = await a.SubmitAsync(
            await a.GetAsync("/intimacy"),
            "pause-for-two",
            new Dictionary<string, string> { ["pause"] = "off" }
        );
        Assert.NotNull(back.Find("#matches-link"));
        Assert.Equal(2, (await later.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items").GetArrayLength());
    }
}

public sealed class IntimacyRestingTestsOnSqlite(SqliteApp app) : IntimacyRestingTests(app), IClassFixture<SqliteApp>;

public sealed class IntimacyRestingTestsOnPostgres(PostgresApp app) : IntimacyRestingTests(app), IClassFixture<PostgresApp>;
