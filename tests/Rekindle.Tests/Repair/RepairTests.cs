using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Repair;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Repair;

/// <summary>Repair through HTTP, on both databases: blind reveal at every step, pause and resume, the follow-up, the couple
/// boundary.</summary>
public abstract class RepairTests(RekindleFactory app)
{
    private static readonly Dictionary<RepairStep, Dictionary<string, string>> Words = new()
    {
        [RepairStep.Feelings] = new() { ["feelings"] = "hurt" },
        [RepairStep.Account] = [],
        [RepairStep.Heard] = [],
        [RepairStep.Past] = [],
        [RepairStep.Own] = new() { ["second"] = "I'm sorry I walked off" },
        [RepairStep.Plan] = new() { ["second"] = "Tell me when you need a minute" },
    };

    public static async Task<(TestBrowser A, TestBrowser B)> CoupleAsync(RekindleFactory app, string a = "Ash", string b = "Bo")
    {
        var (first, _) = await MemberAsync(app, a);
        var (second, _) = await MemberAsync(app, b);
        await JoinAsync(second, await InviteAsync(first));
        return (first, second);
    }

    public static async Task<string> OpenAsync(TestBrowser opener, TestBrowser partner, string title = "Sunday's argument")
    {
        var page = await opener.SubmitAsync(
            await opener.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = title, ["calm"] = "true" }
        );
        Assert.NotNull(page.Find("#calm"));
        var path = page.Url.AbsolutePath;
        Assert.NotNull((await ActAsync(partner, path, "calm")).Find("#current"));
        return path;
    }

    public static async Task<Page> ActAsync(TestBrowser browser, string path, string act, IDictionary<string, string>? fields = null)
    {
        var all = new Dictionary<string, string>(fields ?? new Dictionary<string, string>()) { ["go"] = act };
        return await browser.SubmitAsync(await browser.GetAsync(path), "repair", all);
    }

    public static Task<Page> WriteAsync(TestBrowser browser, string path, RepairStep step, string text) =>
        ActAsync(browser, path, "write", new Dictionary<string, string>(Words[step]) { ["text"] = text });

    /// <summary>Once both have written "what you heard", each says the other caught it, and the repair goes on.</summary>
    public static async Task FeelHeardAsync(TestBrowser a, TestBrowser b, string path)
    {
        await ActAsync(a, path, "heard-yes");
        Assert.NotNull((await ActAsync(b, path, "heard-yes")).Find("#heard-settled"));
    }

    /// <summary>Both write a step (and, on "what you heard", both say they were heard).</summary>
    public static async Task WriteBothAsync(TestBrowser a, TestBrowser b, string path, RepairStep step, string aText, string bText)
    {
        await WriteAsync(a, path, step, aText);
        await WriteAsync(b, path, step, bText);
        if (step == RepairStep.Heard)
        {
            await FeelHeardAsync(a, b, path);
        }
    }

    /// <summary>Both write every step; returns the path.</summary>
    public static async Task<string> CompleteAsync(TestBrowser a, TestBrowser b, string title = "A finished one")
    {
        var path = await OpenAsync(a, b, title);
        foreach (var step in RepairRules.Steps)
        {
            await WriteBothAsync(a, b, path, step, "a " + step, "b " + step);
        }

        Assert.NotNull((await a.GetAsync(path)).Find("#plan"));
        return path;
    }

    [Fact]
    public async Task Every_step_is_revealed_only_when_both_have_written_it_with_a_pause_on_the_way()
    {
        var (a, b) = await CoupleAsync(app);
        var path = await OpenAsync(a, b);
        foreach (var step in RepairRules.Steps)
        {
            var mine = $"Amarker{step}";
            var theirs = $"Bmarker{step}";
            var saved = await WriteAsync(a, path, step, mine);
            Assert.NotNull(saved.Find("#my-step-saved"));
            Assert.Contains(mine, saved.Html, StringComparison.Ordinal);

            // Until B writes theirs, B sees only that A has finished, never what A wrote.
            var waiting = await b.GetAsync(path);
            Assert.DoesNotContain(mine, waiting.Html, StringComparison.Ordinal);
            Assert.NotNull(waiting.Find("#partner-done"));

            // A may still change theirs, and it is still hidden.
            await WriteAsync(a, path, step, mine + " changed");
            Assert.DoesNotContain(mine, (await b.GetAsync(path)).Html, StringComparison.Ordinal);

            var aBefore = await a.GetAsync(path);
            await WriteAsync(b, path, step, theirs);
            foreach (var browser in new[] { a, b })
            {
                var revealed = (await browser.GetAsync(path)).Find("#step-" + RepairRules.KeyOf(step));
                Assert.NotNull(revealed);
                Assert.Contains(mine + " changed", revealed.TextContent, StringComparison.Ordinal);
                Assert.Contains(theirs, revealed.TextContent, StringComparison.Ordinal);
            }

            // Kept as it is once both are in.
            Assert.Contains(
                "kept as it is",
                (
                    await a.PostAsync(
                        path,
                        Form(
                            await a.GetAsync(path),
                            new()
                            {
                                ["go"] = "write",
                                ["step"] = RepairRules.KeyOf(step),
                                ["text"] = "late",
                                ["feelings"] = "sad",
                                ["second"] = "x",
                            }
                        )
                    )
                ).TextOf("#repair-message"),
                StringComparison.Ordinal
            );

            if (step == RepairStep.Heard)
            {
                // Each says the other caught it, and only then does the repair go on (the answers are tested on their own below).
                Assert.NotNull((await a.GetAsync(path)).Find("#heard-reply"));
                Assert.Null((await a.GetAsync(path)).Find("#current"));
                await FeelHeardAsync(a, b, path);
            }

            if (step == RepairStep.Account)
            {
                // B's listening step shows A's account and the guided conversation's listener prompts.
                var heard = await b.GetAsync(path);
                Assert.Contains(mine, heard.TextOf("#their-account"), StringComparison.Ordinal);
                Assert.NotNull(heard.Find("a[href='/talk/conversation']"));

                // B needs a break: nobody can write; both say they are calm again and carry on where they were.
                var paused = await ActAsync(b, path, "pause");
                Assert.NotNull(paused.Find("#paused"));
                Assert.NotNull((await a.GetAsync(path)).Find("#paused"));
                var refused = await a.PostAsync(
                    path,
                    Form(
                        await a.GetAsync(path),
                        new()
                        {
                            ["go"] = "write",
                            ["step"] = RepairRules.KeyOf(RepairStep.Heard),
                            ["text"] = "too soon",
                        }
                    )
                );
                Assert.Contains("taking a break", refused.TextOf("#repair-message"), StringComparison.Ordinal);

                // A page from before the pause is out of date: its buttons say so rather than act.
                var stale = await a.PostAsync(path, Form(aBefore, new() { ["go"] = "pause" }));
                Assert.Contains("Things moved on", stale.TextOf("#repair-message"), StringComparison.Ordinal);

                Assert.NotNull((await ActAsync(a, path, "calm")).Find("#waiting-calm"));
                Assert.NotNull((await ActAsync(b, path, "calm")).Find("#current"));
                Assert.Contains("Step 3 of 6", (await a.GetAsync(path)).TextOf("#current"), StringComparison.Ordinal);
            }
        }

        var done = await a.GetAsync(path);
        Assert.NotNull(done.Find("#plan"));
        // "What you heard" was settled by both saying yes, and says so; nothing there asks for more.
        Assert.NotNull(done.Find("#heard-settled"));
        Assert.Null(done.Find("#heard-reply"));
        Assert.NotNull(done.Find("#follow-up-date"));
        Assert.Null(done.Find("#current"));
        var id = IdOf(path);
        Assert.Equal(
            12,
            await app.WithDbAsync(db =>
                db.IncidentEntries.CountAsync(e => e.IncidentId == id && db.Incidents.Any(i => i.Id == id && i.CompletedAt != null))
            )
        );

        // Nothing written is stored in the clear.
        Assert.All(await app.WithDbAsync(db => db.IncidentEntries.Select(e => e.Entry.Envelope).ToListAsync()), e =>
            Assert.DoesNotContain("marker", e, StringComparison.OrdinalIgnoreCase)
        );
    }

    [Fact]
    public async Task Your_part_can_be_left_for_now_by_either_partner_the_step_still_opens_and_nobody_is_shamed()
    {
        // Two couples, the same up to "your part": in one, Ash writes it; in the other, Ash leaves it for now.
        var partnerViews = new List<string>();
        var paths = new List<(TestBrowser A, TestBrowser B, string Path)>();
        foreach (var leave in new[] { false, true })
        {
            var (a, b) = await CoupleAsync(app);
            var path = await OpenAsync(a, b);
            foreach (var step in RepairRules.Steps.TakeWhile(s => s != RepairStep.Own))
            {
                await WriteBothAsync(a, b, path, step, "a", "b");
            }

            var current = await a.GetAsync(path);
            Assert.Contains("optional", current.TextOf("#current"), StringComparison.Ordinal);
            var saved = leave
                ? await ActAsync(a, path, "leave", new Dictionary<string, string> { ["step"] = RepairRules.KeyOf(RepairStep.Own) })
                : await WriteAsync(a, path, RepairStep.Own, "Ownmarker");
            Assert.NotNull(saved.Find("#my-step-saved"));
            Assert.Equal(leave, saved.Find("#my-step-left") is not null);

            // Until Bo has written theirs, Bo cannot tell whether Ash wrote or left it.
            partnerViews.Add(SamePage.AcrossCouples((await b.GetAsync(path)).Html));
            paths.Add((a, b, path));
        }

        Assert.True(
            partnerViews[0] == partnerViews[1],
            "the partner can tell that \"your part\" was left: " + SamePage.Difference(partnerViews[0], partnerViews[1])
        );

        // Bo writes theirs: the step opens for both, and Ash's side says, in the same neutral words for both, that it was left.
        var (ash, bo, left) = paths[1];
        await WriteAsync(bo, left, RepairStep.Own, "Boownmarker");
        var skipped = RepairContentOf(app).Step(RepairStep.Own).Skipped!;
        foreach (var browser in new[] { ash, bo })
        {
            var page = await browser.GetAsync(left);
            var revealed = page.TextOf("#step-own");
            Assert.Contains("Boownmarker", revealed, StringComparison.Ordinal);
            Assert.Contains(skipped, revealed, StringComparison.Ordinal);
            Assert.Contains("Step 6 of 6", page.TextOf("#current"), StringComparison.Ordinal);
        }

        var id = IdOf(left);
        var ashId = await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == id).Select(i => i.OpenedBy).SingleAsync());
        Assert.Equal(2, await app.WithDbAsync(db => db.IncidentEntries.CountAsync(e => e.IncidentId == id && e.Step == RepairStep.Own)));
        Assert.True(
            await app.WithDbAsync(db =>
                db.IncidentEntries.AnyAsync(e => e.IncidentId == id && e.Step == RepairStep.Own && e.OwnerId == ashId)
            )
        );

        // Only "your part" has the way out: the plan has no such button, and a "leave" there saves nothing.
        var plan = await ash.GetAsync(left);
        Assert.Null(plan.Find("#leave-for-now"));
        var refused = await ActAsync(ash, left, "leave", new Dictionary<string, string> { ["step"] = RepairRules.KeyOf(RepairStep.Plan) });
        Assert.NotNull(refused.Find("#repair-message"));
        Assert.False(await app.WithDbAsync(db => db.IncidentEntries.AnyAsync(e => e.IncidentId == id && e.Step == RepairStep.Plan)));
    }

    private static RepairContent RepairContentOf(RekindleFactory app) => app.Services.GetRequiredService<RepairContent>();

    [Fact]
    public async Task A_week_later_the_follow_up_appears_its_email_says_nothing_of_the_repair_and_answers_are_blind()
    {
        var (a, b) = await CoupleAsync(app, "Cy", "Dee");
        var path = await CompleteAsync(a, b, "Followtitlemarker");
        Assert.Null((await a.GetAsync(path)).Find("#follow-up"));

        app.Clock.Advance(RepairRules.FollowUpAfter + TimeSpan.FromMinutes(1));
        await TimeTogether.DateJourney.RunJobAsync(app);
        var id = IdOf(path);
        var emails = await app.WithDbAsync(db =>
            db.Incidents.Where(i => i.Id == id).Select(i => new[] { i.OpenedBy, i.PartnerId }).SingleAsync()
        );
        foreach (var member in emails)
        {
            var email = await app.WithDbAsync(db => db.Users.Where(u => u.Id == member).Select(u => u.Email!).SingleAsync());
            var message = await app.Mail.WaitForAsync(email, "A follow-up is waiting");
            var body = message.TextBody + message.HtmlBody;
            Assert.DoesNotContain("Followtitlemarker", body, StringComparison.Ordinal);
            Assert.DoesNotContain("a Plan", body, StringComparison.Ordinal);
            Assert.Contains("/repair", body, StringComparison.Ordinal);
        }

        // Queued once, however often the job runs.
        await TimeTogether.DateJourney.RunJobAsync(app);
        Assert.Equal(
            2,
            await app.WithDbAsync(db =>
                db.Notices.CountAsync(n =>
                    n.Kind == Rekindle.Web.Infrastructure.Jobs.NoticeKind.RepairFollowUp && n.Key.Contains(id.ToString("N"))
                )
            )
        );

        Assert.NotNull((await a.GetAsync("/repair")).Find("#follow-ups"));
        var form = await a.GetAsync(path);
        Assert.NotNull(form.Find("#follow-up"));
        var answered = await a.SubmitAsync(
            form,
            "repair",
            new Dictionary<string, string>
            {
                ["go"] = "follow-up",
                ["choice"] = RepairRules.StillHurts,
                ["text"] = "Followmarker",
            }
        );
        Assert.NotNull(answered.Find("#follow-up-saved"));
        Assert.NotNull(answered.Find("#still-hurts"));
        Assert.DoesNotContain("Followmarker", (await b.GetAsync(path)).Html, StringComparison.Ordinal);
        var notYet = await b.GetAsync(path);
        Assert.Null(notYet.Find("#follow-up-both"));
        Assert.Null(notYet.Find("#still-hurts"));
        Assert.Null(notYet.Find("input[name=choice][checked]"));

        var bothAnswered = await b.SubmitAsync(
            await b.GetAsync(path),
            "repair",
            new Dictionary<string, string> { ["go"] = "follow-up", ["choice"] = "better" }
        );
        Assert.Contains("Followmarker", bothAnswered.TextOf("#follow-up-both"), StringComparison.Ordinal);
        Assert.Contains("Followmarker", (await a.GetAsync(path)).TextOf("#follow-up-both"), StringComparison.Ordinal);
        Assert.Null((await a.GetAsync("/repair")).Find("#follow-ups"));
    }

    [Fact]
    public async Task Another_couple_gets_404_on_every_repair_route_and_their_posts_change_nothing()
    {
        var (a, b) = await CoupleAsync(app, "Eve", "Fay");
        var path = await OpenAsync(a, b, "Strangertitlemarker");
        await WriteAsync(a, path, RepairStep.Feelings, "Strangermarker");
        var grudge = await a.SubmitAsync(
            await a.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "Private hurt", ["cost"] = "Private cost" }
        );
        var grudgePath = grudge.Url.AbsolutePath;
        var (stranger, strangersPartner) = await CoupleAsync(app, "Gil", "Hal");
        var own = await OpenAsync(stranger, strangersPartner);

        foreach (var foreign in new[] { path, grudgePath, grudgePath + "?step=0" })
        {
            var page = await stranger.GetAsync(foreign);
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain("Strangermarker", page.Html, StringComparison.Ordinal);
        }

        // The partner, too, gets 404 on the member's private exercise.
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(grudgePath)).Status);
        Assert.DoesNotContain("Strangertitlemarker", (await stranger.GetAsync("/repair")).Html, StringComparison.Ordinal);

        // Posts to the other couple's repair with the stranger's own valid form: refused, nothing changes.
        var before = await SnapshotAsync();
        var token = (await stranger.GetAsync(own)).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var act in new[] { "calm", "pause", "set-aside", "write", "follow-up" })
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("_handler", "repair"),
                new("__RequestVerificationToken", token),
                new("go", act),
                new("revision", "2"),
                new("step", "feelings"),
                new("feelings", "hurt"),
                new("text", "Intruder"),
                new("choice", "better"),
            };
            Assert.True((await stranger.PostAsync(path, fields)).Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
        }

        var grudgeToken = (await stranger.GetAsync("/repair/letting-go"))
            .Find("input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        foreach (var act in new[] { "save", "archive", "destroy" })
        {
            var fields = new List<KeyValuePair<string, string>>
            {
                new("_handler", "letting-go"),
                new("__RequestVerificationToken", grudgeToken),
                new("go", act),
                new("step", "decide"),
                new("decision", "toward"),
                new("confirmDestroy", "yes"),
            };
            Assert.True((await stranger.PostAsync(grudgePath, fields)).Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
            Assert.True((await b.PostAsync(grudgePath, fields)).Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Contains("Strangermarker", (await a.GetAsync(path)).Html, StringComparison.Ordinal);
        Assert.Contains("Private hurt", (await a.GetAsync(grudgePath + "?step=0")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_gets_a_friendly_message_and_writes_nothing()
    {
        var (a, b) = await CoupleAsync(app, "Ivy", "Jo");
        var before = await SnapshotAsync();
        var noName = await a.SubmitAsync(await a.GetAsync("/repair"), "open-repair", new Dictionary<string, string> { ["title"] = "   " });
        Assert.Contains("short name", noName.TextOf("#repair-message"), StringComparison.Ordinal);
        var tooLong = await a.SubmitAsync(
            await a.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = new string('x', 500) }
        );
        Assert.Contains("characters or fewer", tooLong.TextOf("#repair-message"), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());

        var path = await OpenAsync(a, b);
        before = await SnapshotAsync();
        var noFeeling = await ActAsync(a, path, "write", new Dictionary<string, string> { ["text"] = "words only" });
        Assert.Contains("at least one feeling", noFeeling.TextOf("#repair-message"), StringComparison.Ordinal);
        Assert.Contains("words only", noFeeling.Find("#text")!.TextContent, StringComparison.Ordinal);
        var unknown = await ActAsync(a, path, "write", new Dictionary<string, string> { ["feelings"] = "<script>", ["text"] = "x" });
        Assert.Contains("at least one feeling", unknown.TextOf("#repair-message"), StringComparison.Ordinal);
        var nul = await ActAsync(a, path, "write", new Dictionary<string, string> { ["feelings"] = "hurt", ["text"] = "a\u0007b" });
        Assert.Contains("can't be saved", nul.TextOf("#repair-message"), StringComparison.Ordinal);
        var odd = await ActAsync(a, path, "dance");
        Assert.Contains("isn't one this page knows", odd.TextOf("#repair-message"), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());

        // Own and plan need both of their parts.
        foreach (var step in RepairRules.Steps.TakeWhile(s => s != RepairStep.Own))
        {
            await WriteBothAsync(a, b, path, step, "a", "b");
        }

        var half = await ActAsync(a, path, "write", new Dictionary<string, string> { ["text"] = "my part" });
        Assert.Contains("What I'm sorry for", half.TextOf("#repair-message"), StringComparison.Ordinal);

        // Letting go and the apology builder.
        var grudgeBefore = await app.WithDbAsync(db => db.Grudges.CountAsync());
        var empty = await a.SubmitAsync(
            await a.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "a hurt" }
        );
        Assert.Contains("What it has cost me", empty.TextOf("#letting-go-message"), StringComparison.Ordinal);
        Assert.Equal(grudgeBefore, await app.WithDbAsync(db => db.Grudges.CountAsync()));
        var grudge = await a.SubmitAsync(
            await a.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "a hurt", ["cost"] = "a cost" }
        );
        var noDecision = await a.SubmitAsync(grudge, "letting-go", new Dictionary<string, string> { ["go"] = "save" });
        Assert.Contains("choose one answer", noDecision.TextOf("#grudge-message"), StringComparison.Ordinal);
        var skipAhead = await a.SubmitAsync(
            grudge,
            "letting-go",
            new Dictionary<string, string>
            {
                ["go"] = "save",
                ["step"] = "letter",
                ["text"] = "a letter",
            }
        );
        Assert.Contains("One step at a time", skipAhead.TextOf("#grudge-message"), StringComparison.Ordinal);
        var unconfirmed = await a.SubmitAsync(grudge, "letting-go", new Dictionary<string, string> { ["go"] = "destroy" });
        Assert.Contains("Tick the box", unconfirmed.TextOf("#grudge-message"), StringComparison.Ordinal);
        Assert.Equal(grudgeBefore + 1, await app.WithDbAsync(db => db.Grudges.CountAsync()));

        var apologies = await app.WithDbAsync(db => db.Apologies.CountAsync());
        var partial = await a.SubmitAsync(
            await a.GetAsync("/repair/apology"),
            "apology",
            new Dictionary<string, string>
            {
                ["go"] = "send",
                ["did"] = "I snapped",
                ["will"] = "Pause first",
            }
        );
        Assert.Contains("How it affected you", partial.TextOf("#apology-message"), StringComparison.Ordinal);
        Assert.Equal(apologies, await app.WithDbAsync(db => db.Apologies.CountAsync()));
    }

    [Fact]
    public async Task An_apology_is_checked_softly_previewed_and_reaches_the_partner_only_when_sent()
    {
        var (a, b) = await CoupleAsync(app, "Kit", "Lou");
        var fields = new Dictionary<string, string>
        {
            ["did"] = "You always make me late, I was stupid to shout",
            ["effect"] = "Apologyeffectmarker",
            ["will"] = "I'll say when I need a break",
        };
        var checkedPage = await a.SubmitAsync(
            await a.GetAsync("/repair/apology"),
            "apology",
            new Dictionary<string, string>(fields) { ["go"] = "check" }
        );
        Assert.Contains("You always", checkedPage.TextOf("#soft-startup-did"), StringComparison.Ordinal);
        Assert.Contains("Apologyeffectmarker", checkedPage.TextOf("#apology-preview"), StringComparison.Ordinal);
        Assert.DoesNotContain("Apologyeffectmarker", (await b.GetAsync("/repair")).Html, StringComparison.Ordinal);

        var sent = await a.SubmitAsync(
            checkedPage,
            "apology",
            new Dictionary<string, string>(fields) { ["did"] = "I shouted", ["go"] = "send" }
        );
        Assert.Contains("Sent", sent.TextOf("#apology-message"), StringComparison.Ordinal);
        Assert.Contains("Apologyeffectmarker", (await b.GetAsync("/repair")).TextOf("#apologies"), StringComparison.Ordinal);
        Assert.All(await app.WithDbAsync(db => db.Apologies.Select(x => x.Text.Envelope).ToListAsync()), e =>
            Assert.DoesNotContain("Apologyeffectmarker", e, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task The_apology_checker_names_a_non_apology_beside_its_own_part_and_never_calls_it_kind()
    {
        var (a, _) = await CoupleAsync(app, "Nia", "Oto");
        var fields = new Dictionary<string, string>
        {
            ["go"] = "check",
            ["did"] = "I'm sorry if I was harsh",
            ["effect"] = "I'm sorry you feel that way",
            ["will"] = "I'll take a breath before I answer next time",
        };
        var page = await a.SubmitAsync(await a.GetAsync("/repair/apology"), "apology", fields);

        Assert.Contains("sorry if", page.TextOf("#soft-startup-did"), StringComparison.Ordinal);
        Assert.Same(page.Find("#did")!.ParentElement, page.Find("#soft-startup-did")!.ParentElement);
        Assert.Contains("soft-startup-did", page.Find("#did")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Contains("sorry you feel", page.TextOf("#soft-startup-effect"), StringComparison.Ordinal);
        Assert.Null(page.Find("#soft-startup-will"));
        Assert.Equal("will-hint", page.Find("#will")!.GetAttribute("aria-describedby"));

        // By the buttons: one verdict for the whole, pointing to the parts with notes; the check button lands there.
        var summary = page.Find("#soft-startup-apology")!;
        Assert.Equal("Harsh", summary.GetAttribute("data-verdict"));
        Assert.Equal(["#soft-startup-did", "#soft-startup-effect"], summary.QuerySelectorAll("a").Select(l => l.GetAttribute("href")));
        Assert.Equal("#soft-startup-apology", page.Find("button[value=check]")!.GetAttribute("formaction"));
        Assert.DoesNotContain("reads kindly", page.Text, StringComparison.Ordinal);

        var kind = await a.SubmitAsync(
            page,
            "apology",
            new Dictionary<string, string>
            {
                ["go"] = "check",
                ["did"] = "I'm sorry I raised my voice at dinner.",
                ["effect"] = "It frightened you and spoiled the evening you planned.",
                ["will"] = "I'll say I need a break before I get loud.",
            }
        );
        Assert.Equal("Kind", kind.Find("#soft-startup-apology")!.GetAttribute("data-verdict"));
        Assert.Null(kind.Find("#soft-startup-did"));
    }

    [Fact]
    public async Task Leaving_the_couple_takes_its_repairs_and_apologies_with_it()
    {
        var (a, b) = await CoupleAsync(app, "Max", "Ned");
        var path = await OpenAsync(a, b, "Leavingmarker");
        await WriteAsync(a, path, RepairStep.Feelings, "Leavingentry");
        await a.SubmitAsync(
            await a.GetAsync("/repair/apology"),
            "apology",
            new Dictionary<string, string>
            {
                ["go"] = "send",
                ["did"] = "d",
                ["effect"] = "e",
                ["will"] = "w",
            }
        );
        var id = IdOf(path);
        Assert.True(await app.WithDbAsync(db => db.IncidentEntries.AnyAsync(e => e.IncidentId == id)));

        await b.SubmitAsync(await b.GetAsync("/couple"), "leave", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.False(await app.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Id == id)));
        Assert.False(await app.WithDbAsync(db => db.IncidentEntries.AnyAsync(e => e.IncidentId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync(path)).Status);
    }

    /// <summary>Opens a repair and brings it to where both have written "what you heard"; returns the path.</summary>
    public static async Task<string> ToHeardAsync(TestBrowser a, TestBrowser b, string title = "The heard one")
    {
        var path = await OpenAsync(a, b, title);
        foreach (var step in RepairRules.Steps.TakeWhile(s => s != RepairStep.Heard))
        {
            await WriteBothAsync(a, b, path, step, "a " + step, "b " + step);
        }

        await WriteAsync(a, path, RepairStep.Heard, "What Ash heard");
        Assert.Null((await a.GetAsync(path)).Find("#heard-reply")); // nothing to answer before both have written it
        await WriteAsync(b, path, RepairStep.Heard, "What Bo heard");
        return path;
    }

    [Fact]
    public async Task What_you_heard_is_answered_yes_or_missed_and_the_listener_tries_again_until_both_feel_heard()
    {
        var (a, b) = await CoupleAsync(app);
        var path = await ToHeardAsync(a, b);

        // Each is asked, by name, whether the other caught it; what happens next is said; the next step is not offered yet.
        var asked = await a.GetAsync(path);
        Assert.Contains("Did Bo catch what mattered most to you?", asked.TextOf("#heard-reply"), StringComparison.Ordinal);
        Assert.Contains("When you both say yes, you go on to the next step", asked.TextOf("#heard-next"), StringComparison.Ordinal);
        Assert.Contains("Bo will say whether you caught", asked.TextOf("#heard-their-answer"), StringComparison.Ordinal);
        Assert.Null(asked.Find("#current"));
        Assert.All(asked.Document.QuerySelectorAll("#heard-reply button"), button => Assert.Equal("submit", button.GetAttribute("type")));

        // Ash: some of it got missed, with a short line. Bo reads it in gentle words, with a way to try again.
        var missed = await ActAsync(
            a,
            path,
            "heard-missed",
            new Dictionary<string, string> { ["missed"] = "  Missedlinemarker: feeling alone  " }
        );
        Assert.Contains("You told Bo some of it got missed", missed.TextOf("#heard-my-answer"), StringComparison.Ordinal);
        var told = await b.GetAsync(path);
        Assert.Contains("Ash says some of it got missed. That happens often", told.TextOf("#heard-their-answer"), StringComparison.Ordinal);
        Assert.Equal("Missedlinemarker: feeling alone", told.TextOf("#heard-missed-line"));
        Assert.NotNull(told.Find("#heard-theirs textarea#text"));
        Assert.NotNull(told.Find("#heard-theirs a[href='/talk/conversation']"));

        // Ash cannot be asked to redo anything, and nobody can go on yet.
        Assert.Contains(
            "kept as it is",
            (await ActAsync(a, path, "write", new Dictionary<string, string> { ["text"] = "a redo" })).TextOf("#repair-message"),
            StringComparison.Ordinal
        );
        await ActAsync(b, path, "heard-yes");
        Assert.Contains("Bo says you caught it", (await a.GetAsync(path)).TextOf("#heard-their-answer"), StringComparison.Ordinal);
        var early = await ActAsync(b, path, "write", new Dictionary<string, string> { ["step"] = "past", ["text"] = "too soon" });
        Assert.Contains("isn't the step you're on", early.TextOf("#repair-message"), StringComparison.Ordinal);

        // Bo tries again; Ash sees the new words and the earlier line, and answers again.
        await ActAsync(b, path, "write", new Dictionary<string, string> { ["text"] = "Bo second try" });
        var again = await a.GetAsync(path);
        Assert.Contains("Bo second try", again.TextOf("#step-heard"), StringComparison.Ordinal);
        Assert.Contains("Bo read your account again and tried once more", again.TextOf("#heard-tried-again"), StringComparison.Ordinal);
        Assert.Contains("Missedlinemarker", again.TextOf("#heard-mine"), StringComparison.Ordinal);
        Assert.Contains("Ash will say whether", (await b.GetAsync(path)).TextOf("#heard-their-answer"), StringComparison.Ordinal);

        // Sealed at rest, with the author's key.
        Assert.All(
            await app.WithDbAsync(db => db.IncidentEntries.Where(e => e.Missed != null).Select(e => e.Missed!.Envelope).ToListAsync()),
            e => Assert.DoesNotContain("Missedlinemarker", e, StringComparison.Ordinal)
        );

        // Both say yes: settled, and the repair goes on to the next step for both.
        var settled = await ActAsync(a, path, "heard-yes");
        Assert.NotNull(settled.Find("#heard-settled"));
        Assert.Null(settled.Find("#heard-reply"));
        Assert.Contains("Step 4 of 6", settled.TextOf("#current"), StringComparison.Ordinal);
        Assert.Contains("Step 4 of 6", (await b.GetAsync(path)).TextOf("#current"), StringComparison.Ordinal);
        Assert.Contains(
            "say whether you were heard",
            (await ActAsync(a, path, "heard-missed")).TextOf("#repair-message"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task The_hub_says_whose_turn_it_is_while_you_answer_what_you_heard()
    {
        var (a, b) = await CoupleAsync(app);
        var path = await ToHeardAsync(a, b);
        var id = IdOf(path);

        async Task<bool> MyTurnAsync(TestBrowser browser) =>
            (await browser.GetAsync("/repair")).TextOf("#repair-" + id).Contains("your turn", StringComparison.Ordinal);

        Assert.True(await MyTurnAsync(a));
        await ActAsync(a, path, "heard-yes");
        Assert.False(await MyTurnAsync(a));
        await ActAsync(b, path, "heard-missed");
        Assert.True(await MyTurnAsync(a)); // Bo asked Ash to try again
        Assert.False(await MyTurnAsync(b));
        Assert.True(await app.WithDbAsync(db => db.IncidentEntries.AnyAsync(e => e.IncidentId == id && e.Reply == HeardReply.Missed)));
    }

    public static Guid IdOf(string path) => Guid.Parse(path[(path.LastIndexOf('/') + 1)..]);

    private static List<KeyValuePair<string, string>> Form(Page page, Dictionary<string, string> fields)
    {
        var form = page.Find("form#repair")!;
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => !fields.ContainsKey(i.GetAttribute("name")!))
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .ToList();
        values.AddRange(fields);
        return values;
    }

    private Task<int[]> SnapshotAsync() =>
        app.WithDbAsync(async db =>
            new[]
            {
                await db.Incidents.CountAsync(),
                await db.IncidentEntries.CountAsync(),
                await db.Grudges.CountAsync(),
                await db.Apologies.CountAsync(),
                await db.Incidents.SumAsync(i => i.Revision),
                await db.Grudges.CountAsync(g => g.ArchivedAt != null),
            }
        );
}

public sealed class RepairTestsOnSqlite(SqliteApp app) : RepairTests(app), IClassFixture<SqliteApp>;

public sealed class RepairTestsOnPostgres(PostgresApp app) : RepairTests(app), IClassFixture<PostgresApp>;
