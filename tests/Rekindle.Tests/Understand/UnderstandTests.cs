using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Understand;

/// <summary>The Rough Patch Check, the Couple Map and the plan, through HTTP, on both databases.</summary>
public abstract partial class UnderstandTests(RekindleFactory app)
{
    [Fact]
    public async Task Partial_answers_are_saved_and_resumed_and_an_unfinished_check_is_never_scored()
    {
        var (member, email) = await MemberAsync(app, "Resa");
        var content = Content(app);
        var first = content.Sections[0].Key;

        // Half a part, saved for later.
        var page = await member.GetAsync("/understand/check");
        Assert.Equal(first, page.Find("input[name=part]")!.GetAttribute("value"));
        var half = content.ItemsBySection[first].Take(2).ToDictionary(i => "answers[" + i.Id + "]", _ => "3");
        half["go"] = "later";
        var saved = await member.SubmitAsync(page, "check-part", half);
        Assert.Equal("/understand", saved.Url.AbsolutePath);
        Assert.Contains("You've answered 2 of", saved.Text, StringComparison.Ordinal);

        // Back on the check: the same part, with the two answers still chosen.
        var again = await member.GetAsync("/understand/check");
        Assert.Equal(first, again.Find("input[name=part]")!.GetAttribute("value"));
        var firstItem = content.ItemsBySection[first][0];
        Assert.NotNull(again.Find($"#a-{firstItem.Id}-3[checked]"));

        // Continue needs the whole part.
        var refused = await member.SubmitAsync(again, "check-part", new Dictionary<string, string> { ["go"] = "next" });
        Assert.Contains("Please answer every question in this part", refused.Text, StringComparison.Ordinal);

        // Everything but the last part: still not scored.
        foreach (var section in content.Sections.Take(content.Sections.Count - 1))
        {
            var part = await member.GetAsync("/understand/check?part=" + section.Key);
            await member.SubmitAsync(part, "check-part", AnswersFor(content, section.Key, Ordinary));
        }

        var results = await member.GetAsync("/understand/results");
        Assert.Contains("You haven't finished the Rough Patch Check yet", results.Text, StringComparison.Ordinal);
        var id = await MemberIdAsync(email);
        var row = await app.WithDbAsync(db => db.CheckAttempts.SingleAsync(c => c.OwnerId == id));
        Assert.Null(row.CompletedAt);
        Assert.Null(row.Scores);

        // The last part finishes it, and the check goes to the results.
        var last = content.Sections[^1].Key;
        var lastPage = await member.GetAsync("/understand/check?part=" + last);
        var done = await member.SubmitAsync(lastPage, "check-part", AnswersFor(content, last, Ordinary));
        Assert.Equal("/understand/results", done.Url.AbsolutePath);
        Assert.NotNull(done.Find("#my-domains"));

        // "Finish" sent twice (a double tap): the second lands on the results too, and no new check starts.
        var again2 = await member.SubmitAsync(lastPage, "check-part", AnswersFor(content, last, Ordinary));
        Assert.Equal("/understand/results", again2.Url.AbsolutePath);
        Assert.Equal(1, await app.WithDbAsync(db => db.CheckAttempts.CountAsync(c => c.OwnerId == id)));
    }

    [Fact]
    public async Task Answers_and_scores_are_stored_sealed()
    {
        var (member, email) = await MemberAsync(app, "Sealy");
        await TakeCheckAsync(app, member, Ordinary);
        var id = await MemberIdAsync(email);
        var row = await app.WithDbAsync(db => db.CheckAttempts.AsNoTracking().SingleAsync(c => c.OwnerId == id));
        Assert.StartsWith("rk1.", row.Answers.Envelope, StringComparison.Ordinal);
        Assert.StartsWith("rk1.", row.Scores!.Envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("work-stress", row.Answers.Envelope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_answers_get_a_friendly_message_and_write_nothing()
    {
        var (member, email) = await MemberAsync(app, "Hostile");
        var content = Content(app);
        var section = content.Sections[0].Key;
        var page = await member.GetAsync("/understand/check");
        foreach (var bad in new[] { "9", "-1", "two", "1e3", "\0", new string('4', 5000) })
        {
            var fields = AnswersFor(content, section, _ => 1);
            fields["answers[" + content.ItemsBySection[section][0].Id + "]"] = bad;
            var answer = await member.SubmitAsync(page, "check-part", fields);
            Assert.True(answer.Status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{bad}: {(int)answer.Status}");
            if (answer.Status == HttpStatusCode.OK)
            {
                Assert.Contains("Please choose one of the answers", answer.Text, StringComparison.Ordinal);
            }
        }

        // A part that does not exist falls back to a real one; nothing was written.
        var unknown = await member.SubmitAsync(
            page,
            "check-part",
            new Dictionary<string, string> { ["part"] = "no-such-part", ["answers[x]"] = "1" }
        );
        Assert.True((int)unknown.Status < 500);
        var id = await MemberIdAsync(email);
        Assert.False(await app.WithDbAsync(db => db.CheckAttempts.AnyAsync(c => c.OwnerId == id)));
    }

    [Fact]
    public async Task Alone_a_member_gets_results_and_a_solo_plan_with_reasons_and_ticks()
    {
        var (member, _) = await MemberAsync(app, "Solo");
        var results = await TakeCheckAsync(app, member, Ordinary);
        Assert.True(
            results.Find("#my-domains") is not null,
            string.Join("\n", app.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).Take(2))
        );
        Assert.Contains("Time together", results.TextOf("#my-domains"), StringComparison.Ordinal);
        Assert.Contains("Strained", results.TextOf("#my-domains"), StringComparison.Ordinal);
        Assert.Null(results.Find("#safety-note"));
        Assert.Contains("Invite your partner", results.TextOf("#share"), StringComparison.Ordinal);

        var plan = await member.GetAsync("/understand/plan");
        Assert.Contains("A plan for you on your own", plan.Text, StringComparison.Ordinal);
        var weeks = plan.Document.QuerySelectorAll(".plan-week");
        Assert.Equal(6, weeks.Length);
        Assert.Contains("Time together", weeks[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Because you marked time together as strained.", weeks[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(plan.Document.QuerySelectorAll(".step .badge")); // solo: no "together" steps

        // Tick a step, then untick it; a made-up step changes nothing.
        var step = plan.Document.QuerySelector(".step")!.Id!["step-".Length..];
        var ticked = await member.SubmitAsync(plan, "tick", new Dictionary<string, string> { ["step"] = step, ["done"] = "yes" });
        Assert.NotNull(ticked.Find($"#step-{step}.done"));
        Assert.Contains("1 of", ticked.Text, StringComparison.Ordinal);
        var unticked = await member.SubmitAsync(ticked, "tick", new Dictionary<string, string> { ["step"] = step, ["done"] = "no" });
        Assert.Null(unticked.Find($"#step-{step}.done"));
        var bogus = await member.SubmitAsync(
            unticked,
            "tick",
            new Dictionary<string, string> { ["step"] = "no-such-step\r\nX: y", ["done"] = "yes" }
        );
        Assert.Equal(HttpStatusCode.OK, bogus.Status);
        Assert.Contains("0 of", bogus.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_shows_this_week_first_and_folds_the_rest_and_a_tick_there_opens_its_fold_again()
    {
        var (member, _) = await MemberAsync(app, "Wren");
        await TakeCheckAsync(app, member, Ordinary);

        var plan = await member.GetAsync("/understand/plan");
        var first = plan.Document.QuerySelector(".plan-week")!;
        Assert.Equal("week-1", first.Id);
        Assert.Null(first.Closest("details"));
        var folded = plan.Find("details#other-weeks")!;
        Assert.False(folded.HasAttribute("open"));
        Assert.Equal(5, folded.QuerySelectorAll(".plan-week").Length);

        // Two weeks on, week 3 comes first, and the others (earlier ones too) are folded.
        // (in two moves, so the sign-in slides on as it would for someone using the app)
        app.Clock.Advance(TimeSpan.FromDays(8));
        await member.GetAsync("/understand/plan");
        app.Clock.Advance(TimeSpan.FromDays(7));
        plan = await member.GetAsync("/understand/plan");
        Assert.Equal("week-3", plan.Document.QuerySelector(".plan-week")!.Id);
        Assert.Contains("this week", plan.TextOf("#week-3"), StringComparison.Ordinal);
        Assert.NotNull(plan.Find("#other-weeks #week-1"));

        // Ticking a step in a folded week comes back to it open.
        var step = plan.Find("#other-weeks #week-1 .step")!.Id!["step-".Length..];
        var ticked = await member.SubmitAsync(plan, "tick", new Dictionary<string, string> { ["step"] = step });
        Assert.Equal("?week=1", ticked.Url.Query);
        Assert.True(ticked.Find("details#other-weeks")!.HasAttribute("open"));
        Assert.NotNull(ticked.Find($"#other-weeks #step-{step}.done"));
    }

    [Fact]
    public async Task The_couple_map_is_blind_reveal_and_shows_levels_both_strained_and_gaps()
    {
        var (ana, _) = await MemberAsync(app, "Ana");
        var (ben, _) = await MemberAsync(app, "Ben");
        await JoinAsync(ben, await InviteAsync(ana));

        await TakeCheckAsync(app, ana, Ordinary);
        Assert.Contains("Ben hasn't finished theirs yet", (await ana.GetAsync("/understand/map")).Text, StringComparison.Ordinal);

        // Ben sees money very differently from Ana (a perception gap), and time together strained too.
        await TakeCheckAsync(app, ben, i => i.Section == "money" ? (i.Reverse ? 0 : 4) : Ordinary(i));
        var anaResults = await ana.GetAsync("/understand/results");
        Assert.Contains("Would you like to share your summary", anaResults.TextOf("#share"), StringComparison.Ordinal);
        var shared = await ana.SubmitAsync(anaResults, "share");
        Assert.Equal("/understand/map", shared.Url.AbsolutePath);
        Assert.Contains("Ben hasn't shared theirs yet", shared.Text, StringComparison.Ordinal);

        // Ana shared, Ben hasn't: Ben sees nothing of Ana's until he shares his own.
        var benMap = await ben.GetAsync("/understand/map");
        Assert.Null(benMap.Find("#map"));
        Assert.Contains("Share your summary to see the map", benMap.Text, StringComparison.Ordinal);
        var benShared = await ben.SubmitAsync(await ben.GetAsync("/understand/results"), "share");
        Assert.NotNull(benShared.Find("#map"));

        var map = await ana.GetAsync("/understand/map");
        Assert.Contains("Strained for you both", map.TextOf("#map-time-together"), StringComparison.Ordinal);
        Assert.Contains("You see this one quite differently", map.TextOf("#map-money"), StringComparison.Ordinal);
        Assert.Contains(Content(app).Section("money").GapQuestion!, map.TextOf("#map-money"), StringComparison.Ordinal);
        Assert.DoesNotContain("quite differently", map.TextOf("#map-time-together"), StringComparison.Ordinal);
        Assert.Contains("Ben", map.TextOf("#map-money"), StringComparison.Ordinal);
        Assert.Equal(7, map.Document.QuerySelectorAll(".map-row").Length);

        // With both shared, the plan is for two and says so.
        var plan = await ana.GetAsync("/understand/plan");
        Assert.Contains("Because you both marked time together as strained.", plan.Text, StringComparison.Ordinal);
        Assert.NotEmpty(plan.Document.QuerySelectorAll(".step .badge"));
        // A screen reader reads the title and the badge as two words, not "disagreementtogether".
        foreach (var together in plan.Document.QuerySelectorAll(".step").Where(s => s.QuerySelector(".badge") is not null))
        {
            var title = together.QuerySelector("strong")!.TextContent;
            Assert.Contains(title + " together", together.TextContent, StringComparison.Ordinal);
        }

        // Ana stops sharing: Ben's map closes again. A second tap from the same page gets a message, not an error.
        var before = await ana.GetAsync("/understand/results");
        await ana.SubmitAsync(before, "unshare");
        Assert.Null((await ben.GetAsync("/understand/map")).Find("#map"));
        Assert.Contains("There was nothing shared to stop.", (await ana.SubmitAsync(before, "unshare")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_concern_routes_privately_and_the_partners_pages_stay_byte_for_byte_the_same()
    {
        // Two couples alike in everything but one thing: in the first, Kim's safety screen raises a
        // concern (and Kim's wellbeing is low); in the second, Kim simply paused exercises for two, the
        // neutral pause a concern looks like to the partner (decisions/0027). The partners (both called Lee) walk every page.
        var lees = new List<TestBrowser>();
        var kims = new List<TestBrowser>();
        foreach (var answers in new Func<Rekindle.Web.Features.Understand.CheckItem, int>[] { WithConcern, Ordinary })
        {
            var (kim, _) = await MemberAsync(app, "Kim");
            var (lee, _) = await MemberAsync(app, "Lee");
            await JoinAsync(lee, await InviteAsync(kim));
            await TakeCheckAsync(app, kim, answers);
            await TakeCheckAsync(app, lee, Ordinary);
            await kim.SubmitAsync(await kim.GetAsync("/understand/results"), "share");
            await lee.SubmitAsync(await lee.GetAsync("/understand/results"), "share");
            if (answers == Ordinary)
            {
                await kim.SubmitAsync(await kim.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });
            }

            kims.Add(kim);
            lees.Add(lee);
        }

        var errors = app.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(2)));

        // The member with the concern sees it, privately, with the resources and a way out.
        var kimResults = await kims[0].GetAsync("/understand/results");
        Assert.NotNull(kimResults.Find("#safety-note"));
        Assert.NotNull(kimResults.Find("#safety-note a[href='/safety']"));
        Assert.Contains("an individual counselor", kimResults.TextOf("#wellbeing"), StringComparison.Ordinal);
        var kimPlan = await kims[0].GetAsync("/understand/plan");
        Assert.NotNull(kimPlan.Find("#resting"));
        Assert.Contains("Support", kimPlan.TextOf("#week-1"), StringComparison.Ordinal);
        Assert.DoesNotContain(kimPlan.Document.QuerySelectorAll(".plan-week h2"), h => h.TextContent is "Repair" or "Intimacy");
        Assert.NotNull((await kims[0].GetAsync("/areas/repair")).Find("#resting"));
        Assert.Null((await kims[1].GetAsync("/understand/results")).Find("#safety-note"));

        var safety = await kims[0].GetAsync("/safety");
        Assert.Equal(HttpStatusCode.OK, safety.Status);
        Assert.NotNull(safety.Find("#emergency"));

        // Each Lee's every page: the same bytes, apart from tokens, nonces, ids and their own email.
        foreach (
            var path in new[]
            {
                "/",
                "/understand",
                "/understand/results",
                "/understand/map",
                "/understand/plan",
                "/areas/repair",
                "/areas/intimacy",
                "/areas/talk",
                "/couple",
                "/account/activity",
                "/talk",
                "/talk/archive",
                "/talk/questions",
                "/talk/check-in",
                "/talk/conversation",
                "/time-together",
                "/time-together/ideas",
                "/account/notifications",
            }
        )
        {
            var withConcern = Normalise(await lees[0].GetAsync(path));
            var without = Normalise(await lees[1].GetAsync(path));
            Assert.Equal(without, withConcern);
            Assert.DoesNotContain("safety-note", withConcern, StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"resting\"", withConcern, StringComparison.Ordinal);
        }

        // The export too.
        var exports = new List<string>();
        foreach (var lee in lees)
        {
            var data = await lee.GetAsync("/account/data");
            var export = await lee.SubmitAsync(data, "/account/export/json");
            exports.Add(Normalise(export));
        }

        Assert.Equal(exports[1], exports[0]);
    }

    [Fact]
    public async Task The_export_holds_every_check_with_its_questions_and_answers()
    {
        var (member, _) = await MemberAsync(app, "Exporter");
        await TakeCheckAsync(app, member, Ordinary);
        var data = await member.GetAsync("/account/data");
        var export = await member.SubmitAsync(data, "/account/export/json");
        using var json = JsonDocument.Parse(export.Html);
        var check = json.RootElement.GetProperty("understand").GetProperty("checks")[0];
        Assert.Equal(Content(app).Items.Count, check.GetProperty("answers").GetArrayLength());
        Assert.Equal(Content(app).Items[0].Text, check.GetProperty("answers")[0].GetProperty("question").GetString());
        Assert.True(check.GetProperty("scores").GetProperty("domains").GetProperty("time-together").GetInt32() >= 60);
    }

    [Fact]
    public async Task Retaking_is_suggested_after_four_weeks_and_each_check_joins_the_history()
    {
        var (member, email) = await MemberAsync(app, "Again");
        await TakeCheckAsync(app, member, Ordinary);
        Assert.Null((await member.GetAsync("/understand")).Find("#retake-due"));

        app.Clock.Advance(TimeSpan.FromDays(29));
        var overview = await member.GetAsync("/understand");
        if (overview.Url.AbsolutePath == "/account/login")
        {
            await SignInAsync(member, email);
            overview = await member.GetAsync("/understand");
        }

        Assert.NotNull(overview.Find("#retake-due"));
        Assert.Contains("Take the check again", (await member.GetAsync("/")).TextOf("#today"), StringComparison.Ordinal);

        await TakeCheckAsync(app, member, i => i.Section == "satisfaction" ? (i.Reverse ? 0 : 4) : Ordinary(i));
        var history = await member.GetAsync("/understand");
        Assert.Equal(2, history.Document.QuerySelectorAll("#history tbody tr").Length);
        Assert.NotNull(history.Find("#history svg.chart polyline"));
        Assert.Null(history.Find("#retake-due"));
    }

    [Fact]
    public async Task Area_pages_show_steps_and_unknown_areas_are_not_found()
    {
        var (member, _) = await MemberAsync(app, "Areas");
        var talk = await member.GetAsync("/areas/talk");
        Assert.Equal(HttpStatusCode.OK, talk.Status);
        Assert.NotNull(talk.Find("#steps"));
        var missing = await member.GetAsync("/areas/no-such-area");
        Assert.True(
            missing.Status == HttpStatusCode.NotFound,
            string.Join("\n", app.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).Take(3))
        );
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/areas/understand")).Status);
        Assert.Contains("/understand/check", (await member.GetAsync("/")).Find("#today a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    private Task<Guid> MemberIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A page with what must differ between two members taken out: tokens, nonces, guids, emails.</summary>
    private static string Normalise(Page page)
    {
        var html = page.Html;
        html = AntiforgeryValue().Replace(html, "value=\"[token]\"");
        html = Nonce().Replace(html, "nonce=\"[nonce]\"");
        html = Guids().Replace(html, "[id]");
        html = Emails().Replace(html, "[email]");
        // Each couple's daily question is its own draw (seeded by the couple): the same kind of page, another question.
        html = DailyQuestion().Replace(html, "class=\"question\">[question]</h2>");
        html = ExportedDailyQuestion().Replace(html, "$1\"[question]\"");
        return html;
    }

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex AntiforgeryValue();

    [GeneratedRegex("nonce=\"[^\"]*\"")]
    private static partial Regex Nonce();

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guids();

    [GeneratedRegex("class=\"question\">[^<]*</h2>")]
    private static partial Regex DailyQuestion();

    [GeneratedRegex("(\"day\":\\s*\"[^\"]*\",\\s*\"question\":\\s*)\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex ExportedDailyQuestion();

    [GeneratedRegex("[A-Za-z0-9._-]+@example\\.org")]
    private static partial Regex Emails();
}

public sealed class UnderstandTestsOnSqlite(SqliteApp app) : UnderstandTests(app), IClassFixture<SqliteApp>;

public sealed class UnderstandTestsOnPostgres(PostgresApp app) : UnderstandTests(app), IClassFixture<PostgresApp>;
