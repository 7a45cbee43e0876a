using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Talk;

/// <summary>The guided conversation through HTTP on both databases, on two devices.</summary>
public abstract class ConversationTests(RekindleFactory app)
{
    private static async Task<Page> ActAsync(TestBrowser browser, string act, Dictionary<string, string>? extra = null)
    {
        var page = await browser.GetAsync("/talk/conversation");
        var fields = new Dictionary<string, string>(extra ?? []) { ["go"] = act };
        return await browser.SubmitAsync(page, "floor", fields);
    }

    [Fact]
    public async Task Two_devices_take_turns_on_the_floor_and_end_with_a_shared_summary()
    {
        var (a, _) = await MemberAsync(app, "Gil");
        var (b, _) = await MemberAsync(app, "Hal");
        await JoinAsync(b, await InviteAsync(a));

        var noTopic = await ActAsync(a, "start", new() { ["oneDevice"] = "false" });
        Assert.Contains("Please choose a topic", noTopic.Text, StringComparison.Ordinal);
        var waiting = await ActAsync(a, "start", new() { ["topic"] = "time-together", ["oneDevice"] = "false" });
        Assert.Contains("Waiting for Hal to join", waiting.TextOf("#waiting"), StringComparison.Ordinal);

        var invited = await b.GetAsync("/talk/conversation");
        Assert.Contains("Gil would like a guided conversation", invited.Text, StringComparison.Ordinal);
        var state = await b.GetAsync("/talk/conversation/state");
        Assert.Contains("\"version\"", state.Html, StringComparison.Ordinal);

        var joined = await ActAsync(b, "Join");
        Assert.Contains("Gil has the floor", joined.TextOf("#floor-holder"), StringComparison.Ordinal);
        Assert.Null(joined.Find("button[value=DoneSpeaking]")); // not Hal's floor: no button for it

        // Hal presses Gil's button anyway (a crafted post): refused in words, nothing moves.
        var crafted = await ActAsync(b, "DoneSpeaking");
        Assert.Contains("isn't your step", crafted.Text, StringComparison.Ordinal);

        await ActAsync(a, "DoneSpeaking");
        await ActAsync(b, "SaidItBack");
        var confirm = await a.GetAsync("/talk/conversation");
        Assert.Contains("Did Hal get it?", confirm.TextOf("#floor-holder"), StringComparison.Ordinal);
        await ActAsync(a, "NotQuite");
        await ActAsync(b, "SaidItBack");
        await ActAsync(a, "ThatsIt");
        Assert.Contains("You have the floor", (await b.GetAsync("/talk/conversation")).TextOf("#floor-holder"), StringComparison.Ordinal);

        // A page left open while the partner moved on: its version is old, so it explains instead.
        var stale = await a.GetAsync("/talk/conversation");
        await ActAsync(b, "Pause");
        var late = await a.SubmitAsync(stale, "floor", new Dictionary<string, string> { ["go"] = "Pause" });
        Assert.Contains("Things moved on", late.Text, StringComparison.Ordinal);
        Assert.NotNull(late.Find("#paused"));
        await ActAsync(a, "Resume");

        await ActAsync(b, "DoneSpeaking");
        await ActAsync(a, "SaidItBack");
        await ActAsync(b, "ThatsIt");
        var ended = await ActAsync(a, "BothHeard");
        Assert.Contains("You both took the floor and were heard", ended.TextOf("#ended"), StringComparison.Ordinal);

        Assert.NotNull((await ActAsync(b, "check", new() { ["summary"] = "You never listen." })).Find("#soft-startup-summary"));
        await ActAsync(b, "summary", new() { ["summary"] = "Summarymarker: Sunday mornings are ours." });
        Assert.Contains("Summarymarker", (await a.GetAsync("/talk/conversation")).TextOf("#summary"), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.Conversations.AsNoTracking().Select(c => c.Summary).ToListAsync());
        Assert.All(stored.Where(s => s is not null), s => Assert.DoesNotContain("Summarymarker", s!.Envelope, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_safety_concern_rests_conversations_for_that_member_and_others_cannot_follow_any()
    {
        var (a, _) = await MemberAsync(app, "Ivy");
        var (b, _) = await MemberAsync(app, "Jo");
        await JoinAsync(b, await InviteAsync(a));
        await Understand.CheckJourney.TakeCheckAsync(app, a, Understand.CheckJourney.WithConcern);

        var resting = await a.GetAsync("/talk/conversation");
        Assert.NotNull(resting.Find("#resting"));
        var refused = await ActAsync(a, "start", new() { ["topic"] = "money", ["oneDevice"] = "false" });
        Assert.Contains("resting for now", refused.Text, StringComparison.Ordinal);

        // decisions/0027: Jo cannot start one either, and is told only, in neutral words, that Ivy has paused.
        var paused = await b.GetAsync("/talk/conversation");
        Assert.Contains("Ivy has paused exercises for two for now", paused.TextOf("#partner-paused"), StringComparison.Ordinal);
        Assert.Null(paused.Find("#start"));
        var refusedToo = await ActAsync(b, "start", new() { ["topic"] = "money", ["oneDevice"] = "false" });
        Assert.Contains("Exercises for two are paused for now", refusedToo.TextOf("#floor-message"), StringComparison.Ordinal);
        Assert.Null(refusedToo.Find("#waiting"));

        // Another couple cannot follow it: the state endpoint has nothing for them.
        var (stranger, _) = await MemberAsync(app, "Kit");
        var (strangersPartner, _) = await MemberAsync(app, "Lou");
        await JoinAsync(strangersPartner, await InviteAsync(stranger));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/talk/conversation/state")).Status);
    }
}

public sealed class ConversationTestsOnSqlite(SqliteApp app) : ConversationTests(app), IClassFixture<SqliteApp>;

public sealed class ConversationTestsOnPostgres(PostgresApp app) : ConversationTests(app), IClassFixture<PostgresApp>;
