using Rekindle.Testing;
using Rekindle.Web.Features.Home;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.TimeTogether.DateJourney;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Home;

/// <summary>
/// The home page's "waiting for you" list (issue 24, point 1): one line per thing that waits, each with its
/// action, in the order of <see cref="WaitingKind"/>; "All caught up" when nothing waits; only what the
/// member's own area pages already show them, and nothing for two while exercises for two rest.
/// </summary>
public abstract class WaitingTests(RekindleFactory app)
{
    private static async Task<List<(string Kind, string Text, string Link)>> WaitingAsync(TestBrowser browser)
    {
        var home = await browser.GetAsync("/");
        return home
            .Document.QuerySelectorAll("#waiting li.waiting-item")
            .Select(li => (li.GetAttribute("data-kind")!, li.TextContent.Trim(), li.QuerySelector("a")!.GetAttribute("href")!))
            .ToList();
    }

    private static async Task<List<string>> KindsAsync(TestBrowser browser) => (await WaitingAsync(browser)).Select(w => w.Kind).ToList();

    private static async Task AnswerTodayAsync(TestBrowser browser, string text = "Dailywaitingmarker", string go = "answer") =>
        await browser.SubmitAsync(
            await browser.GetAsync("/talk"),
            "daily",
            new Dictionary<string, string> { ["text"] = text, ["go"] = go }
        );

    private static async Task SendNoteAsync(TestBrowser browser) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/spontaneity"),
            "note",
            new Dictionary<string, string> { ["text"] = "Thank you for the tea this morning" }
        );

    private static async Task InviteToConversationAsync(TestBrowser browser) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/talk/conversation"),
            "floor",
            new Dictionary<string, string>
            {
                ["go"] = "start",
                ["topic"] = "time-together",
                ["oneDevice"] = "false",
            }
        );

    [Fact]
    public async Task With_nothing_waiting_both_are_all_caught_up()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Cal", "Dee");
        foreach (var browser in new[] { a, b })
        {
            var home = await browser.GetAsync("/");
            Assert.Contains("All caught up", home.TextOf("#caught-up"), StringComparison.Ordinal);
            Assert.Null(home.Find("#waiting"));
        }

        // Alone, there is nobody to catch up with: no line at all.
        var (alone, _) = await MemberAsync(app, "Eve");
        Assert.Null((await alone.GetAsync("/")).Find("#caught-up"));
    }

    [Fact]
    public async Task The_partners_turn_with_todays_question_waits_alike_for_an_answer_and_a_pass()
    {
        var lines = new List<string>();
        foreach (var go in new[] { "answer", "pass" })
        {
            var (a, _, b, _) = await CoupleAsync(app, "Fay", "Gus");
            await AnswerTodayAsync(a, go == "answer" ? "Dailywaitingmarker" : "", go);
            var waiting = Assert.Single(await WaitingAsync(b));
            Assert.Equal(nameof(WaitingKind.PartnerAnswered), waiting.Kind);
            Assert.Equal("/talk", waiting.Link);
            Assert.Contains("Fay has had their turn", waiting.Text, StringComparison.Ordinal);
            lines.Add(SamePage.AcrossCouples((await b.GetAsync("/")).Find("#waiting")!.OuterHtml));
            Assert.Empty(await WaitingAsync(a));

            // Once both had their turn, nothing waits.
            await AnswerTodayAsync(b, "Mine too");
            Assert.DoesNotContain(nameof(WaitingKind.PartnerAnswered), await KindsAsync(b));
        }

        Assert.Equal(lines[0], lines[1]);
    }

    [Fact]
    public async Task A_map_ready_to_share_and_this_weeks_plan_step_wait()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Hal", "Ivy");
        await TakeCheckAsync(app, a, Ordinary);
        var alone = await WaitingAsync(a);
        // The plan's step, then the offer to start the program made from the same check (decisions/0040).
        Assert.Equal([nameof(WaitingKind.PlanStep), nameof(WaitingKind.Session)], alone.Select(w => w.Kind));
        Assert.Equal("/program", alone[1].Link);
        var step = alone[0];
        Assert.StartsWith("/understand/plan#week-1", step.Link, StringComparison.Ordinal);
        // The partner's check is private: nothing of it reaches the other before they finish theirs.
        Assert.Empty(await WaitingAsync(b));

        await TakeCheckAsync(app, b, Ordinary);
        foreach (var browser in new[] { a, b })
        {
            var reveal = (await WaitingAsync(browser)).First();
            Assert.Equal(nameof(WaitingKind.Reveal), reveal.Kind);
            Assert.Equal("/understand/map", reveal.Link);
        }

        Assert.Contains("Hal", (await WaitingAsync(b))[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_to_a_conversation_waits_on_home_and_on_Talk_and_not_while_exercises_rest()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Jo", "Kit");
        await InviteToConversationAsync(a);
        var waiting = Assert.Single(await WaitingAsync(b));
        Assert.Equal((nameof(WaitingKind.Conversation), "/talk/conversation"), (waiting.Kind, waiting.Link));
        Assert.Contains(
            "Jo would like a guided conversation",
            (await b.GetAsync("/talk")).TextOf("#conversation-invitation"),
            StringComparison.Ordinal
        );
        Assert.Empty(await WaitingAsync(a));
        Assert.Null((await a.GetAsync("/talk")).Find("#conversation-invitation"));

        // The one invited pauses exercises for two: nothing for two is pushed at either of them.
        await b.SubmitAsync(await b.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });
        Assert.Empty(await WaitingAsync(b));
        Assert.Null((await b.GetAsync("/talk")).Find("#conversation-invitation"));
    }

    [Fact]
    public async Task A_repair_step_and_an_apology_wait_for_the_partner_and_rest_with_the_couple()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Lu", "Max");
        // Opened by one who is calm: the partner's "calm enough" is what waits.
        await a.SubmitAsync(
            await a.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = "Walkwaitingmarker", ["calm"] = "true" }
        );
        var step = Assert.Single(await WaitingAsync(b));
        Assert.Equal(nameof(WaitingKind.Repair), step.Kind);
        Assert.StartsWith("/repair/", step.Link, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(WaitingKind.Repair), await KindsAsync(a));

        var fields = new Dictionary<string, string>
        {
            ["did"] = "I left the dishes again",
            ["effect"] = "You had to do them after a long day.",
            ["will"] = "I'll do them before bed.",
        };
        var checkedPage = await a.SubmitAsync(
            await a.GetAsync("/repair/apology"),
            "apology",
            new Dictionary<string, string>(fields) { ["go"] = "check" }
        );
        await a.SubmitAsync(checkedPage, "apology", new Dictionary<string, string>(fields) { ["go"] = "send" });
        var kinds = await WaitingAsync(b);
        Assert.Equal([nameof(WaitingKind.Repair), nameof(WaitingKind.Received)], kinds.Select(k => k.Kind));
        Assert.Equal("/repair#apologies", kinds[1].Link);
        Assert.Contains("Lu wrote you an apology", kinds[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("dishes", (await b.GetAsync("/")).Find("#waiting")!.TextContent, StringComparison.Ordinal);

        // The apology waits a week, as it has no read mark.
        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.DoesNotContain(nameof(WaitingKind.Received), await KindsAsync(b));

        // The opener pauses: the repair no longer pushes at the partner.
        await a.SubmitAsync(await a.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });
        Assert.DoesNotContain(nameof(WaitingKind.Repair), await KindsAsync(b));
    }

    [Fact]
    public async Task A_note_waits_until_it_is_read_on_the_home_page()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Ned", "Ora");
        await SendNoteAsync(a);
        var note = Assert.Single(await WaitingAsync(b));
        Assert.Equal((nameof(WaitingKind.Received), "/#notes"), (note.Kind, note.Link));
        Assert.Contains("Ned sent you a note", note.Text, StringComparison.Ordinal);
        // That home page showed the note itself, so it is read.
        Assert.Empty(await WaitingAsync(b));
        Assert.Empty(await WaitingAsync(a));
    }

    [Fact]
    public async Task The_partners_check_in_waits_until_the_member_does_theirs()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Pam", "Quin");
        await CheckInAsync(a, "Checkinwaitingmarker", 6);
        var waiting = Assert.Single(await WaitingAsync(b));
        Assert.Equal((nameof(WaitingKind.CheckIn), "/talk/check-in"), (waiting.Kind, waiting.Link));
        Assert.DoesNotContain("Checkinwaitingmarker", (await b.GetAsync("/")).Html, StringComparison.Ordinal);
        Assert.Empty(await WaitingAsync(a));
        await CheckInAsync(b, "Mine", 7);
        Assert.Empty(await WaitingAsync(b));
    }

    [Fact]
    public async Task A_proposed_date_waits_for_the_partner_only_and_not_for_a_member_with_a_safety_concern()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Rai", "Sol");
        var id = IdOf(await ProposeAsync(a, "Picnic in the park", (Day(app, 2), "19:30")));
        var date = Assert.Single(await WaitingAsync(b));
        Assert.Equal((nameof(WaitingKind.Date), $"/time-together/dates/{id}"), (date.Kind, date.Link));
        Assert.Contains("Rai offered times for Picnic in the park", date.Text, StringComparison.Ordinal);
        Assert.Empty(await WaitingAsync(a));

        // Once agreed, nothing waits; a move by the partner waits for the other again.
        var agreed = await AgreeAsync(b, a, "Museum morning", Day(app, 4), "10:00");
        Assert.DoesNotContain(
            nameof(WaitingKind.Date),
            (await WaitingAsync(b)).Where(w => w.Link.EndsWith(agreed.ToString(), StringComparison.Ordinal)).Select(w => w.Kind)
        );
        await b.SubmitAsync(
            await b.GetAsync($"/time-together/dates/{agreed}"),
            "suggest",
            new Dictionary<string, string> { ["day"] = Day(app, 6), ["time"] = "11:00" }
        );
        var moved = Assert.Single(await WaitingAsync(a));
        Assert.Equal((nameof(WaitingKind.Date), $"/time-together/dates/{agreed}"), (moved.Kind, moved.Link));
        Assert.Contains("Sol suggested a new time for Museum morning", moved.Text, StringComparison.Ordinal);

        await TakeCheckAsync(app, b, WithConcern);
        Assert.DoesNotContain(nameof(WaitingKind.Date), await KindsAsync(b));
    }

    [Fact]
    public async Task Items_come_in_order_of_what_needs_the_member()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Tam", "Uli");
        // Made in the reverse of the order they are listed in.
        await TakeCheckAsync(app, b, Ordinary);
        await ProposeAsync(a, "Dinner out", (Day(app, 3), "19:00"));
        await CheckInAsync(a, "Orderedmarker", 5);
        await SendNoteAsync(a);
        await Repair.RepairTests.OpenAsync(a, b, "Ordered repair");
        await InviteToConversationAsync(a);
        await AnswerTodayAsync(a);
        Assert.Equal(
            [
                nameof(WaitingKind.PartnerAnswered),
                nameof(WaitingKind.Conversation),
                nameof(WaitingKind.Repair),
                nameof(WaitingKind.Received),
                nameof(WaitingKind.CheckIn),
                nameof(WaitingKind.Date),
                nameof(WaitingKind.PlanStep),
                nameof(WaitingKind.Session),
            ],
            await KindsAsync(b)
        );
    }

    [Fact]
    public async Task The_partners_home_page_tells_nothing_of_the_members_private_answers()
    {
        var homes = new List<string>();
        foreach (var answered in new[] { false, true })
        {
            var (a, _, b, _) = await CoupleAsync(app, "Vic", "Wyn");
            if (answered)
            {
                // Private all: a check (with a safety concern's answers skipped for now), an idea rated "no",
                // and a letting-go exercise.
                await TakeCheckSkippingSafetyAsync(app, a, Ordinary);
                var ideas = await a.GetAsync("/time-together/ideas");
                var first = ideas.Find("button[name=go]")!.GetAttribute("value")!.Split('|')[0];
                await a.SubmitAsync(ideas, "rate", new Dictionary<string, string> { ["go"] = first + "|no" });
                await a.SubmitAsync(
                    await a.GetAsync("/repair/letting-go"),
                    "start-letting-go",
                    new Dictionary<string, string> { ["hurt"] = "Privatehurtmarker", ["cost"] = "Privatecostmarker" }
                );
            }

            var home = await b.GetAsync("/");
            Assert.DoesNotContain("Privatehurtmarker", home.Html, StringComparison.Ordinal);
            homes.Add(SamePage.AcrossCouples(home.Html));
        }

        Assert.True(homes[0] == homes[1], SamePage.Difference(homes[0], homes[1]));
    }
}

public sealed class WaitingTestsOnSqlite(SqliteApp app) : WaitingTests(app), IClassFixture<SqliteApp>;

public sealed class WaitingTestsOnPostgres(PostgresApp app) : WaitingTests(app), IClassFixture<PostgresApp>;
