using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.Understand;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Understand;

/// <summary>
/// Decision 0028, through HTTP on both databases: the safety part can be left for later and is offered
/// again; the results fold what is private under a neutral heading; hopelessness routes to crisis lines;
/// a member with a concern gets individual and safety help only; the partner's pages never change.
/// </summary>
public abstract partial class UnderstandTests
{
    private static CheckSection SafetyPart(RekindleFactory app) => Content(app).Sections.Single(CheckScoring.MayBeSkipped);

    [Fact]
    public async Task The_safety_part_opens_with_a_line_to_answer_it_alone_and_only_it_can_be_skipped()
    {
        var (member, email) = await MemberAsync(app, "Skye");
        var content = Content(app);
        var safety = await member.GetAsync("/understand/check?part=" + SafetyPart(app).Key);
        Assert.Contains("on your own", safety.TextOf(".lead"), StringComparison.Ordinal);
        Assert.NotNull(safety.Find("#alone-and-safe"));
        Assert.NotNull(safety.Find("button#skip-part[name=go][value=skip]"));
        // One part, one page: every safety question is on this one form.
        Assert.Equal(content.ItemsBySection[SafetyPart(app).Key].Count, safety.Document.QuerySelectorAll("form fieldset.scale").Length);

        var money = await member.GetAsync("/understand/check?part=money");
        Assert.Null(money.Find("#skip-part"));
        Assert.Null(money.Find("#alone-and-safe"));
        var refused = await member.SubmitAsync(money, "check-part", new Dictionary<string, string> { ["go"] = "skip" });
        Assert.Contains("This part can't be skipped", refused.Text, StringComparison.Ordinal);
        var id = await MemberIdAsync(email);
        Assert.False(await app.WithDbAsync(db => db.CheckAttempts.AnyAsync(c => c.OwnerId == id)));

        // Skipped before the other parts: the check goes on to the first part still open.
        var next = await member.SubmitAsync(safety, "check-part", new Dictionary<string, string> { ["go"] = "skip" });
        Assert.Equal(content.Sections[0].Key, next.Find("input[name=part]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Skipping_the_safety_part_finishes_the_check_raises_nothing_and_it_is_offered_again_privately()
    {
        var (member, email) = await MemberAsync(app, "Skip");
        var content = Content(app);
        var results = await TakeCheckSkippingSafetyAsync(app, member, Ordinary);
        Assert.Equal("/understand/results", results.Url.AbsolutePath);
        Assert.NotNull(results.Find("#my-domains"));

        // The offer to answer later sits folded under a neutral heading; nothing was raised.
        var forYou = results.Find("details#for-you");
        Assert.NotNull(forYou);
        Assert.False(forYou.HasAttribute("open"));
        Assert.Equal("For you", results.TextOf("details#for-you > summary").Trim());
        Assert.Null(results.Find("#safety-note"));
        Assert.NotNull(results.Find($"#for-you #questions-left a[href='/understand/check?part={SafetyPart(app).Key}']"));
        Assert.Null((await member.GetAsync("/understand/plan")).Find("#resting"));

        // Nothing of the skipped part is kept: the export lists every other answer and none of those.
        var export = await member.SubmitAsync(await member.GetAsync("/account/data"), "/account/export/json");
        using (var json = System.Text.Json.JsonDocument.Parse(export.Html))
        {
            var answers = json.RootElement.GetProperty("understand").GetProperty("checks")[0].GetProperty("answers");
            Assert.Equal(content.Items.Count - content.ItemsBySection[SafetyPart(app).Key].Count, answers.GetArrayLength());
        }

        // Offered again on Understand, in words that say nothing of what the questions are about.
        var overview = await member.GetAsync("/understand");
        Assert.NotNull(overview.Find("#questions-left"));
        Assert.DoesNotContain("safe", overview.TextOf("#questions-left"), StringComparison.OrdinalIgnoreCase);

        // Answered later, for the same finished check: now the answers count, and the offer goes.
        var later = await member.GetAsync("/understand/check?part=" + SafetyPart(app).Key);
        Assert.Contains("Save my answers", later.TextOf(".check .actions"), StringComparison.Ordinal);
        Assert.Null(later.Find("button[value=later]"));
        var done = await member.SubmitAsync(later, "check-part", AnswersFor(content, SafetyPart(app).Key, i => i.ConcernAt!.Value));
        Assert.Equal("/understand/results", done.Url.AbsolutePath);
        Assert.NotNull(done.Find("details#for-you #safety-note a[href='/safety']"));
        Assert.Null(done.Find("#questions-left"));
        Assert.Null((await member.GetAsync("/understand")).Find("#questions-left"));
        Assert.NotNull((await member.GetAsync("/understand/plan")).Find("#resting"));
        var id = await MemberIdAsync(email);
        Assert.Equal(1, await app.WithDbAsync(db => db.CheckAttempts.CountAsync(c => c.OwnerId == id)));

        // Sent twice (a double tap): still one check, nothing changes.
        var again = await member.SubmitAsync(later, "check-part", AnswersFor(content, SafetyPart(app).Key, _ => 0));
        Assert.Equal("/understand/results", again.Url.AbsolutePath);
        Assert.NotNull(again.Find("#safety-note"));
        Assert.Equal(1, await app.WithDbAsync(db => db.CheckAttempts.CountAsync(c => c.OwnerId == id)));
    }

    [Fact]
    public async Task Skipping_on_a_retake_keeps_an_earlier_concern_and_raises_none_where_there_was_none()
    {
        var (flagged, _) = await MemberAsync(app, "Kept");
        await TakeCheckAsync(app, flagged, WithConcern);
        var retaken = await TakeCheckSkippingSafetyAsync(app, flagged, Ordinary);
        Assert.NotNull(retaken.Find("#for-you #safety-note"));
        Assert.NotNull(retaken.Find("#for-you #questions-left"));
        Assert.NotNull((await flagged.GetAsync("/understand/plan")).Find("#resting"));
        Assert.NotNull((await flagged.GetAsync("/support")).Find("#suggestion-safety"));

        var (calm, _) = await MemberAsync(app, "Calm");
        await TakeCheckAsync(app, calm, Ordinary);
        var skipped = await TakeCheckSkippingSafetyAsync(app, calm, Ordinary);
        Assert.Null(skipped.Find("#safety-note"));
        Assert.Null((await calm.GetAsync("/understand/plan")).Find("#resting"));
        Assert.Null((await calm.GetAsync("/support")).Find("#suggestion-safety"));
    }

    [Fact]
    public async Task The_concern_card_on_the_results_is_folded_under_a_neutral_heading()
    {
        var (member, _) = await MemberAsync(app, "Fold");
        var results = await TakeCheckAsync(app, member, WithConcern);
        var card = results.Find("details#for-you");
        Assert.NotNull(card);
        Assert.False(card.HasAttribute("open"));
        Assert.Equal("For you", results.TextOf("#for-you > summary").Trim());
        Assert.NotNull(results.Find("#for-you #safety-note a[href='/safety']"));
        // No heading on the page names safety.
        Assert.DoesNotContain(results.Document.QuerySelectorAll("h1, h2"), h =>
            h.TextContent.Contains("safe", StringComparison.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public async Task Hopelessness_routes_the_member_privately_to_crisis_lines_on_the_results_and_support()
    {
        var (member, _) = await MemberAsync(app, "Hope");
        var results = await TakeCheckAsync(app, member, Hopeless);
        Assert.NotNull(results.Find("#talk-now a[href='/safety#crisis']"));
        var support = await member.GetAsync("/support");
        var first = support.Document.QuerySelectorAll("#suggestions li.suggestion")[0];
        Assert.Equal("suggestion-crisis", first.Id);
        Assert.Contains("private", first.ClassList);
        Assert.NotNull(support.Find("#suggestion-crisis a[href='/safety#crisis']"));
        // Crisis lines are not a kind in the directory's search.
        Assert.Null(support.Find("#kind option[value=crisis]"));

        var (calm, _) = await MemberAsync(app, "Steady");
        Assert.Null((await TakeCheckAsync(app, calm, Ordinary)).Find("#talk-now"));
        Assert.Null((await calm.GetAsync("/support")).Find("#suggestion-crisis"));
    }

    [Fact]
    public async Task A_member_with_a_concern_is_offered_individual_and_safety_help_only_and_couples_counseling_says_when_both_feel_safe()
    {
        var (kim, _) = await MemberAsync(app, "Kim");
        var (lee, _) = await MemberAsync(app, "Lee");
        await JoinAsync(lee, await InviteAsync(kim));
        await TakeCheckAsync(app, kim, WithConcern);
        await TakeCheckAsync(app, lee, Ordinary);
        await kim.SubmitAsync(await kim.GetAsync("/understand/results"), "share");
        await lee.SubmitAsync(await lee.GetAsync("/understand/results"), "share");

        var plan = await kim.GetAsync("/understand/plan");
        Assert.Contains("Support", plan.TextOf("#week-1 h2"), StringComparison.Ordinal);
        Assert.DoesNotContain("couple", plan.TextOf("#week-1"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("couples counsel", plan.TextOf("#plan"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            ["Support", "Self-care", "Understand"],
            plan.Document.QuerySelectorAll(".plan-week h2").Select(h => h.TextContent.Trim())
        );
        Assert.Empty(plan.Document.QuerySelectorAll(".step .badge")); // nothing to do together
        Assert.NotNull(plan.Find("#week-6"));
        var supportArea = await kim.GetAsync("/areas/support");
        Assert.DoesNotContain("couples counsel", supportArea.TextOf("#steps"), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(supportArea.Document.QuerySelectorAll("#steps .badge"));

        var support = await kim.GetAsync("/support");
        Assert.All(support.Document.QuerySelectorAll("#suggestions li.suggestion"), s =>
            Assert.Contains(s.Id, IndividualAndSafetySuggestions)
        );

        // The partner: couples counseling is offered, and says it is for when you both feel safe.
        var leeArea = await lee.GetAsync("/areas/support");
        Assert.Contains("when you both feel safe", leeArea.TextOf("#steps"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_partners_pages_are_byte_for_byte_the_same_whether_the_other_raised_a_concern_skipped_or_felt_hopeless()
    {
        var lees = new List<TestBrowser>();
        foreach (
            var kimTakes in new Func<TestBrowser, Task>[]
            {
                kim => TakeCheckAsync(app, kim, WithConcern),
                kim => TakeCheckSkippingSafetyAsync(app, kim, Ordinary),
                kim => TakeCheckAsync(app, kim, Hopeless),
                kim => TakeCheckAsync(app, kim, Ordinary),
            }
        )
        {
            var (kim, _) = await MemberAsync(app, "Kim");
            var (lee, _) = await MemberAsync(app, "Lee");
            await JoinAsync(lee, await InviteAsync(kim));
            await kimTakes(kim);
            await TakeCheckAsync(app, lee, Ordinary);
            await kim.SubmitAsync(await kim.GetAsync("/understand/results"), "share");
            await lee.SubmitAsync(await lee.GetAsync("/understand/results"), "share");
            lees.Add(lee);
        }

        var errors = app.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(2)));
        foreach (
            var path in new[]
            {
                "/",
                "/understand",
                "/understand/results",
                "/understand/map",
                "/understand/plan",
                "/areas/support",
                "/areas/self-care",
                "/areas/repair",
                "/support",
                "/couple",
                "/talk",
            }
        )
        {
            var ordinary = Normalise(await lees[^1].GetAsync(path));
            foreach (var lee in lees.Take(lees.Count - 1))
            {
                var page = Normalise(await lee.GetAsync(path));
                Assert.Equal(ordinary, page);
            }

            foreach (
                var marker in new[]
                {
                    "safety-note",
                    "for-you",
                    "questions-left",
                    "talk-now",
                    "suggestion-crisis",
                    "#crisis",
                    "id=\"resting\"",
                }
            )
            {
                Assert.DoesNotContain(marker, ordinary, StringComparison.Ordinal);
            }
        }
    }
}
