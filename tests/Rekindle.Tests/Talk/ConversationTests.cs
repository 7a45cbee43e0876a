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
    public async Task On_two_devices_each_sees_the_tips_for_their_own_role()
    {
        var (a, _) = await MemberAsync(app, "Mo");
        var (b, _) = await MemberAsync(app, "Ned");
        await JoinAsync(b, await InviteAsync(a));
        await ActAsync(a, "start", new() { ["topic"] = "time-together", ["oneDevice"] = "false" });
        await ActAsync(b, "Join");

        // Mo speaks: the speaker's tips are Mo's; Ned is told only to listen.
        var speaking = await a.GetAsync("/talk/conversation");
        Assert.NotNull(speaking.Find("#speaker-tips"));
        Assert.Null(speaking.Find("#listener-tip"));
        var listening = await b.GetAsync("/talk/conversation");
        Assert.Null(listening.Find("#speaker-tips"));
        Assert.DoesNotContain("Keep it to one point", listening.Text, StringComparison.Ordinal);
        Assert.Contains("While Mo speaks", listening.TextOf("#listener-tip"), StringComparison.Ordinal);

        // Ned says it back: the prompts are Ned's, not Mo's.
        await ActAsync(a, "DoneSpeaking");
        Assert.Null((await a.GetAsync("/talk/conversation")).Find("#listener-prompts"));
        Assert.NotNull((await b.GetAsync("/talk/conversation")).Find("#listener-prompts"));

        // Mo confirms: "say yes" is Mo's help; Ned is told Mo will say.
        await ActAsync(b, "SaidItBack");
        Assert.Contains("say yes", (await a.GetAsync("/talk/conversation")).TextOf("#speaker-tips"), StringComparison.Ordinal);
        var waiting = await b.GetAsync("/talk/conversation");
        Assert.DoesNotContain("say yes", waiting.Text, StringComparison.Ordinal);
        Assert.Contains("Mo will say whether you got it", waiting.TextOf("#listener-tip"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ended_conversation_can_be_picked_up_again_on_the_same_topic_within_the_usual_checks()
    {
        var (a, _) = await MemberAsync(app, "Pat");
        var (b, _) = await MemberAsync(app, "Quin");
        await JoinAsync(b, await InviteAsync(a));
        await ActAsync(a, "start", new() { ["topic"] = "money", ["oneDevice"] = "false" });
        await ActAsync(b, "Join");
        var ended = await ActAsync(a, "End");
        Assert.Contains("pick it up again", ended.TextOf("#ended"), StringComparison.Ordinal);
        Assert.NotNull(ended.Find("button#again"));

        // Quin's page from before is out of date once Pat picks it up: one open conversation at a time.
        var quinsEnded = await b.GetAsync("/talk/conversation");
        var again = await ActAsync(a, "again");
        Assert.Contains("Waiting for Quin to join", again.TextOf("#waiting"), StringComparison.Ordinal);
        Assert.Contains("About: Money", (await b.GetAsync("/talk/conversation")).TextOf("#open"), StringComparison.Ordinal);
        var twice = await b.SubmitAsync(quinsEnded, "floor", new Dictionary<string, string> { ["go"] = "again" });
        Assert.Contains("already have a conversation open", twice.TextOf("#floor-message"), StringComparison.Ordinal);

        // Ended again, then Pat rests: no button, and a crafted post is refused.
        await ActAsync(a, "End");
        await Understand.CheckJourney.TakeCheckAsync(app, a, Understand.CheckJourney.WithConcern);
        var resting = await a.GetAsync("/talk/conversation");
        Assert.Null(resting.Find("#again"));
        Assert.Contains("resting for now", (await ActAsync(a, "again")).Text, StringComparison.Ordinal);
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
