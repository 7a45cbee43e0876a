using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Privacy;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Intimacy;

/// <summary>Opting in and out, answers and mutual-only matches (docs/TRUST.md T3 on every intimacy page), the stage gate, and bad
/// input.</summary>
public abstract class IntimacyTests(RekindleFactory app)
{
    private static readonly string[] PartnersPages =
    [
        "/",
        "/intimacy",
        "/intimacy/answers",
        "/intimacy/answers?category=affection",
        "/intimacy/answers?category=exploring",
        "/intimacy/matches",
        "/intimacy/program",
        "/intimacy/program?part=ready",
        "/intimacy/program?part=notes",
        "/intimacy/resources",
        "/account/notifications",
    ];

    private async Task<(TestBrowser A, TestBrowser B)> CoupleAsync()
    {
        var (a, _) = await MemberAsync(app, "Lior");
        var (b, _) = await MemberAsync(app, "Noa");
        await JoinAsync(b, await InviteAsync(a));
        return (a, b);
    }

    private static async Task OptInAsync(TestBrowser browser) =>
        await browser.SubmitAsync(await browser.GetAsync("/intimacy"), "intimacy-on", new Dictionary<string, string> { ["adult"] = "yes" });

    private static async Task<Page> AnswerAsync(TestBrowser browser, string item, string answer) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/intimacy/answers"),
            "desire",
            new Dictionary<string, string> { ["answer"] = item + "|" + answer }
        );

    private static async Task<List<string>> ViewsAsync(TestBrowser browser)
    {
        var views = new List<string>();
        foreach (var path in PartnersPages)
        {
            var page = await browser.GetAsync(path);
            Assert.True((int)page.Status < 400, $"{path} answered {(int)page.Status}");
            views.Add(path + "\n" + SamePage.AcrossCouples(page.Html));
        }

        return views;
    }

    [Fact]
    public async Task No_lets_talk_a_firm_limit_a_cleared_answer_an_unmatched_maybe_and_no_answer_all_look_the_same_to_the_partner()
    {
        List<string>? first = null;
        foreach (var variant in new[] { "no", "talk", "limit", "none", "cleared", "maybe-unmatched" })
        {
            var (a, b) = await CoupleAsync();
            await OptInAsync(a);
            await OptInAsync(b);
            await AnswerAsync(b, "i001", "yes");
            await AnswerAsync(b, "i002", "yes");
            await AnswerAsync(b, "i003", "no");
            await AnswerAsync(a, "i001", "yes");
            switch (variant)
            {
                case "cleared":
                    await AnswerAsync(a, "i002", "yes");
                    await AnswerAsync(a, "i002", "clear");
                    break;
                case "maybe-unmatched":
                    await AnswerAsync(a, "i003", "maybe");
                    break;
                case "none":
                    break;
                default:
                    await AnswerAsync(a, "i002", variant);
                    break;
            }

            // Both see the one real match, at once, and nothing else.
            foreach (var browser in new[] { a, b })
            {
                var matches = await browser.GetAsync("/intimacy/matches");
                Assert.Single(matches.Document.QuerySelectorAll("li.match"));
                Assert.NotNull(matches.Find("#match-i001"));
                Assert.Contains("you both said yes", matches.TextOf("#match-i001"), StringComparison.Ordinal);
            }

            var views = await ViewsAsync(b);
            first ??= views;
            for (var i = 0; i < views.Count; i++)
            {
                Assert.True(
                    first[i] == views[i],
                    $"The partner's page {PartnersPages[i]} differs when the other's answer is '{variant}': {SamePage.Difference(first[i], views[i])}"
                );
            }
        }

        // Answers are sealed.
        await app.AssertAnswerSetsSealedAsync(AnswerList.Desires);
    }

    [Fact]
    public async Task A_member_who_has_not_opted_in_sees_nothing_and_learns_nothing_about_the_partner()
    {
        var views = new List<List<string>>();
        foreach (var partnerIn in new[] { false, true })
        {
            var (a, b) = await CoupleAsync();
            if (partnerIn)
            {
                await OptInAsync(a);
                await AnswerAsync(a, "i001", "yes");
            }

            // Every intimacy page leads the member who is not in back to the plain opt-in page.
            var page = await b.GetAsync("/intimacy/matches");
            Assert.Equal("/intimacy", page.Url.AbsolutePath);
            Assert.NotNull(page.Find("#intimacy-on"));
            views.Add(await ViewsAsync(b));
        }

        for (var i = 0; i < PartnersPages.Length; i++)
        {
            Assert.True(
                views[0][i] == views[1][i],
                $"{PartnersPages[i]} tells a member who is not in whether the partner is: {SamePage.Difference(views[0][i], views[1][i])}"
            );
        }

        // Turning on needs the adult confirmation.
        var (c, _) = await MemberAsync(app, "Oren");
        var refused = await c.SubmitAsync(await c.GetAsync("/intimacy"), "intimacy-on");
        Assert.Contains("confirm that you are an adult", refused.TextOf("#intimacy-message"), StringComparison.Ordinal);
        Assert.NotNull(refused.Find("#intimacy-on"));
    }

    [Fact]
    public async Task Turning_off_hides_answers_from_matching_and_can_delete_them()
    {
        var (a, b) = await CoupleAsync();
        await OptInAsync(a);
        await OptInAsync(b);
        await AnswerAsync(a, "i005", "maybe");
        await AnswerAsync(b, "i005", "yes");
        Assert.Contains("a yes and a maybe", (await b.GetAsync("/intimacy/matches")).TextOf("#match-i005"), StringComparison.Ordinal);

        await a.SubmitAsync(await a.GetAsync("/intimacy"), "intimacy-off", new Dictionary<string, string> { ["off"] = "keep" });
        Assert.NotNull((await b.GetAsync("/intimacy")).Find("#shared-closed"));
        Assert.Null((await b.GetAsync("/intimacy/matches")).Find("#match-i005"));

        await OptInAsync(a);
        Assert.NotNull((await b.GetAsync("/intimacy/matches")).Find("#match-i005"));

        await a.SubmitAsync(await a.GetAsync("/intimacy"), "intimacy-off", new Dictionary<string, string> { ["off"] = "delete" });
        await OptInAsync(a);
        Assert.Null((await b.GetAsync("/intimacy/matches")).Find("#match-i005"));
        // only the partner's is left
        Assert.Equal(1, (await app.AnswerSetsAsync(AnswerList.Desires)).Values.Count(x => x.ContainsKey("i005")));
    }

    [Fact]
    public async Task Own_items_firm_limits_check_in_first_resources_and_bad_input()
    {
        var (a, b) = await CoupleAsync();
        await OptInAsync(a);
        await OptInAsync(b);

        // An item of our own: both see it to answer, and it can match.
        var added = await a.SubmitAsync(
            await a.GetAsync("/intimacy/answers?category=playfulness"),
            "add-desire",
            new Dictionary<string, string> { ["text"] = "Ownitemmarker pillow fort evening" }
        );
        Assert.Contains("Added", added.TextOf("#answers-message"), StringComparison.Ordinal);
        var key = added.Find("#items li:last-child")!.Id!["item-".Length..].Replace("custom-", "custom:", StringComparison.Ordinal);
        Assert.Contains("Ownitemmarker", (await b.GetAsync("/intimacy/answers?category=playfulness")).Text, StringComparison.Ordinal);
        await AnswerAsync(a, key, "yes");
        await AnswerAsync(b, key, "yes");
        var matches = await b.GetAsync("/intimacy/matches");
        Assert.Contains("Ownitemmarker", matches.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "Ownitemmarker",
            (await app.WithDbAsync(db => db.CustomDesires.SingleAsync())).Text.Envelope,
            StringComparison.Ordinal
        );

        // "Check in first" is shared, from either side.
        var flagged = await b.SubmitAsync(matches, "check-first", new Dictionary<string, string> { ["flag"] = key + "|on" });
        Assert.Contains("check in first", flagged.Text, StringComparison.Ordinal);
        Assert.Contains("check in first", (await a.GetAsync("/intimacy/matches")).Text, StringComparison.Ordinal);
        var notMatched = await a.SubmitAsync(
            await a.GetAsync("/intimacy/matches"),
            "check-first",
            new Dictionary<string, string> { ["flag"] = "i009|on" }
        );
        Assert.Contains("not one you both chose", notMatched.TextOf("#matches-message"), StringComparison.Ordinal);

        // A firm limit keeps its unanswered neighbours away from that member only.
        var content =
            app.Services.GetService(typeof(Rekindle.Web.Features.Intimacy.IntimacyContent))
            as Rekindle.Web.Features.Intimacy.IntimacyContent;
        var limit = content!.Items.First(i =>
            i.Tags.Count > 0 && content.Items.Any(o => o.Id != i.Id && o.Category == i.Category && o.Tags.Intersect(i.Tags).Any())
        );
        var neighbour = content.Items.First(o => o.Id != limit.Id && o.Category == limit.Category && o.Tags.Intersect(limit.Tags).Any());
        await AnswerAsync(a, limit.Id, "limit");
        var mine = await a.GetAsync($"/intimacy/answers?category={limit.Category}");
        Assert.Null(mine.Find($"#item-{neighbour.Id}"));
        Assert.NotNull(mine.Find("#kept-away"));
        Assert.NotNull((await a.GetAsync($"/intimacy/answers?category={limit.Category}&all=1")).Find($"#item-{neighbour.Id}"));
        Assert.NotNull((await b.GetAsync($"/intimacy/answers?category={limit.Category}")).Find($"#item-{neighbour.Id}"));

        // Resources open with no referrer and no opener.
        var resources = await a.GetAsync("/intimacy/resources");
        Assert.NotEmpty(resources.Document.QuerySelectorAll("main a[target=_blank]"));
        Assert.All(resources.Document.QuerySelectorAll("a[target=_blank]"), l =>
            Assert.Equal("noopener noreferrer", l.GetAttribute("rel"))
        );

        // Bad input: a message, never a 500, nothing written.
        var before = (await app.AnswerSetsAsync(AnswerList.Desires)).Values.Sum(x => x.Count);
        foreach (
            var (value, expect) in new[]
            {
                ("i001|always", "Please choose"),
                ("i999|yes", "isn't on your list"),
                ("custom:" + Guid.NewGuid().ToString("N") + "|yes", "isn't on your list"),
                ("|", "isn't on your list"),
            }
        )
        {
            var page = await a.SubmitAsync(
                await a.GetAsync("/intimacy/answers"),
                "desire",
                new Dictionary<string, string> { ["answer"] = value }
            );
            Assert.Contains(expect, page.TextOf("#answers-message"), StringComparison.Ordinal);
        }

        foreach (
            var (text, category, expect) in new[]
            {
                ("", "words", "Write the item first"),
                (new string('x', 91), "words", "90 characters"),
                ("Fine", "nowhere", "where it belongs"),
            }
        )
        {
            var page = await a.SubmitAsync(
                await a.GetAsync("/intimacy/answers"),
                "add-desire",
                new Dictionary<string, string> { ["text"] = text, ["category"] = category }
            );
            Assert.Contains(expect, page.TextOf("#answers-message"), StringComparison.Ordinal);
        }

        Assert.Equal(before, (await app.AnswerSetsAsync(AnswerList.Desires)).Values.Sum(x => x.Count));

        // Another couple reaches none of it.
        var (stranger, _) = await MemberAsync(app, "Stranger");
        await OptInAsync(stranger);
        Assert.DoesNotContain(
            "Ownitemmarker",
            (await stranger.GetAsync("/intimacy/answers?category=playfulness")).Text,
            StringComparison.Ordinal
        );
        var foreign = await stranger.SubmitAsync(
            await stranger.GetAsync("/intimacy/answers"),
            "desire",
            new Dictionary<string, string> { ["answer"] = key + "|yes" }
        );
        Assert.Contains("couple space", foreign.TextOf("#answers-message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_comes_one_short_part_at_a_time_with_where_you_are_and_back_and_next()
    {
        var (a, b) = await CoupleAsync();
        await OptInAsync(a);
        await OptInAsync(b);
        var stage = app.Services.GetRequiredService<Rekindle.Web.Features.Intimacy.IntimacyContent>().Stages[0];
        string[] parts =
        [
            "/intimacy/program",
            "/intimacy/program?part=agree",
            "/intimacy/program?part=ideas",
            "/intimacy/program?part=ready",
            "/intimacy/program?part=notes",
        ];
        for (var i = 0; i < parts.Length; i++)
        {
            var page = await a.GetAsync(parts[i]);
            Assert.Equal($"Stage 1 of 6 · part {i + 1} of 5", page.TextOf("#stage-progress"));
            Assert.Equal(i > 0 ? parts[i - 1] : null, page.Find("#part-nav a[rel=prev]")?.GetAttribute("href"));
            Assert.Equal(i < parts.Length - 1 ? parts[i + 1] : null, page.Find("#part-nav a[rel=next]")?.GetAttribute("href"));

            // Only this part: reading, agreeing, ideas, ready or not, and the private notes each on a screen of their own.
            Assert.Equal(i == 0, page.Text.Contains(stage.Guidance[0], StringComparison.Ordinal));
            Assert.Equal(i == 1, page.Text.Contains(stage.Agreements[0], StringComparison.Ordinal));
            Assert.Equal(i == 2, page.Text.Contains(stage.SessionIdeas[0], StringComparison.Ordinal));
            Assert.Equal(i == 3, page.Find("form#ready") is not null);
            Assert.Equal(i == 4, page.Find("form#touch-log") is not null);
            Assert.Equal(i == 0, page.Find("#program-lead") is not null);
        }

        // A part the page doesn't know is the first one.
        Assert.Equal("Stage 1 of 6 · part 1 of 5", (await a.GetAsync("/intimacy/program?part=%3Cb%3E")).TextOf("#stage-progress"));
    }

    [Fact]
    public async Task The_couple_moves_to_the_next_stage_only_when_both_have_privately_said_ready()
    {
        var views = new List<string>();
        foreach (var aReady in new[] { false, true })
        {
            var (a, b) = await CoupleAsync();
            await OptInAsync(a);
            await OptInAsync(b);
            var program = await a.GetAsync("/intimacy/program?part=ready");
            Assert.Contains("Stage 1 of", program.TextOf("#stage"), StringComparison.Ordinal);
            if (aReady)
            {
                var ready = await a.SubmitAsync(program, "ready", new Dictionary<string, string> { ["ready"] = "yes" });
                Assert.NotNull(ready.Find("#i-am-ready"));
                var logged = await a.SubmitAsync(
                    await a.GetAsync("/intimacy/program?part=notes"),
                    "touch-log",
                    new Dictionary<string, string> { ["feeling"] = "warm", ["note"] = "Lognotemarker" }
                );
                Assert.Contains("Lognotemarker", logged.TextOf("#my-logs"), StringComparison.Ordinal);
            }

            // The partner's view does not change with the other's readiness or notes.
            var partners = await b.GetAsync("/intimacy/program?part=ready");
            Assert.Contains("Stage 1 of", partners.TextOf("#stage"), StringComparison.Ordinal);
            Assert.DoesNotContain("Lognotemarker", partners.Html, StringComparison.Ordinal);
            views.Add(SamePage.Normalise(partners.Html));
            views.Add(SamePage.Normalise((await b.GetAsync("/intimacy/program")).Html));
            views.Add(SamePage.Normalise((await b.GetAsync("/intimacy/program?part=notes")).Html));
            views.Add(SamePage.Normalise((await b.GetAsync("/intimacy")).Html));

            if (aReady)
            {
                await b.SubmitAsync(partners, "ready", new Dictionary<string, string> { ["ready"] = "yes" });
                foreach (var browser in new[] { a, b })
                {
                    Assert.Contains("Stage 2 of", (await browser.GetAsync("/intimacy/program")).TextOf("#stage"), StringComparison.Ordinal);
                }

                // A stale page from stage 1 gets a message, not a change.
                var stale = await a.PostAsync(
                    "/intimacy/program",
                    [
                        new("_handler", "ready"),
                        new(
                            "__RequestVerificationToken",
                            partners.Find("#ready input[name=__RequestVerificationToken]")!.GetAttribute("value")!
                        ),
                        new("ready", "no"),
                        new("stage", "0"),
                    ]
                );
                Assert.Equal(400, (int)stale.Status); // another member's token: refused outright
                var own = await a.GetAsync("/intimacy/program?part=ready");
                var staleOwn = await a.PostAsync(
                    "/intimacy/program",
                    [
                        new("_handler", "ready"),
                        new(
                            "__RequestVerificationToken",
                            own.Find("#ready input[name=__RequestVerificationToken]")!.GetAttribute("value")!
                        ),
                        new("ready", "yes"),
                        new("stage", "0"),
                    ]
                );
                Assert.Contains("moved on", staleOwn.TextOf("#program-message"), StringComparison.Ordinal);

                // Bad session notes.
                var notes = await a.GetAsync("/intimacy/program?part=notes");
                var badDay = await a.SubmitAsync(
                    notes,
                    "touch-log",
                    new Dictionary<string, string> { ["feeling"] = "warm", ["day"] = "2031-01-01" }
                );
                Assert.Contains("day of the session", badDay.TextOf("#program-message"), StringComparison.Ordinal);
                var badFeeling = await a.SubmitAsync(notes, "touch-log", new Dictionary<string, string> { ["feeling"] = "ecstatic" });
                Assert.Contains("how it felt", badFeeling.TextOf("#program-message"), StringComparison.Ordinal);
            }
        }

        // Every part of the program, and the hub, the same for the partner whether or not the other is ready.
        Assert.Equal(8, views.Count);
        Assert.Equal(views[..4], views[4..]);
        Assert.All(await app.WithDbAsync(db => db.TouchLogs.ToListAsync()), l =>
            Assert.DoesNotContain("Lognotemarker", l.Entry.Envelope, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Items_the_partner_added_reach_a_member_only_while_they_are_in_export_included()
    {
        var (a, aEmail) = await MemberAsync(app, "Lior");
        var (b, _) = await MemberAsync(app, "Noa");
        await JoinAsync(b, await InviteAsync(a));
        await OptInAsync(b);
        await b.SubmitAsync(
            await b.GetAsync("/intimacy/answers?category=playfulness"),
            "add-desire",
            new Dictionary<string, string> { ["text"] = "Addeditemmarker by the fire" }
        );

        // Lior is not in: nothing Noa added shows anywhere, the export included.
        foreach (var path in new[] { "/intimacy", "/intimacy/answers?category=playfulness", "/intimacy/matches", "/account/data" })
        {
            Assert.DoesNotContain("Addeditemmarker", (await a.GetAsync(path)).Html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Addeditemmarker", await ExportAsync(a), StringComparison.Ordinal);
        using var api = await ApiClient.SignInAsync(app, aEmail);
        Assert.DoesNotContain(
            "Addeditemmarker",
            (await api.GetAsync("/api/v1/intimacy/answers?category=playfulness&all=true")).Body,
            StringComparison.Ordinal
        );

        // In, Lior sees it to answer privately; out again (answers kept), it is gone from the export again.
        await OptInAsync(a);
        Assert.Contains("Addeditemmarker", (await a.GetAsync("/intimacy/answers?category=playfulness")).Text, StringComparison.Ordinal);
        Assert.Contains("Addeditemmarker", await ExportAsync(a), StringComparison.Ordinal);
        await a.SubmitAsync(await a.GetAsync("/intimacy"), "intimacy-off", new Dictionary<string, string> { ["off"] = "keep" });
        Assert.DoesNotContain("Addeditemmarker", await ExportAsync(a), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_opt_in_page_says_honestly_what_the_partner_can_learn()
    {
        var (a, _) = await CoupleAsync();
        var page = await a.GetAsync("/intimacy");
        var said = page.TextOf("#who-knows");
        Assert.Contains("We never tell Noa whether you turned this on", said, StringComparison.Ordinal);
        Assert.Contains("while only one of you is in, Noa can't tell", said, StringComparison.Ordinal);
        Assert.Contains("you'll each know the other is in", said, StringComparison.Ordinal);
        Assert.DoesNotContain("is never told", page.Text, StringComparison.Ordinal);
    }

    private static async Task<string> ExportAsync(TestBrowser browser)
    {
        var page = await browser.GetAsync("/account/data");
        var token = page.Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await browser.Client.PostAsync("/account/export/json", content);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class IntimacyTestsOnSqlite(SqliteApp app) : IntimacyTests(app), IClassFixture<SqliteApp>;

public sealed class IntimacyTestsOnPostgres(PostgresApp app) : IntimacyTests(app), IClassFixture<PostgresApp>;
