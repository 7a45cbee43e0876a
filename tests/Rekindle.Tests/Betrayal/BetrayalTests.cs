using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Betrayal;

/// <summary>
/// The path after a betrayal (decisions/0041) through HTTP, on both databases: the hurt partner first and private until they
/// send, drafts never shown, limits, questions one at a time, agreements either can end, no "your part" and no forgiveness
/// prompt for the hurt partner, resting, the couple boundary and sealing at rest.
/// </summary>
public abstract class BetrayalTests(RekindleFactory app)
{
    private sealed record Couple(TestBrowser Hurt, string HurtEmail, TestBrowser Broke, string BrokeEmail);

    private async Task<Couple> CoupleAsync(string hurt = "Hana", string broke = "Bram")
    {
        var (a, aEmail) = await MemberAsync(app, hurt);
        var (b, bEmail) = await MemberAsync(app, broke);
        await JoinAsync(b, await InviteAsync(a));
        return new Couple(a, aEmail, b, bEmail);
    }

    private static async Task<string> OpenAsync(TestBrowser opener, string role = "hurt", string kind = "affair")
    {
        var page = await opener.SubmitAsync(
            await opener.GetAsync("/repair/betrayal"),
            "open-betrayal",
            new Dictionary<string, string> { ["kind"] = kind, ["role"] = role }
        );
        Assert.StartsWith("/repair/betrayal/", page.Url.AbsolutePath, StringComparison.Ordinal);
        return page.Url.AbsolutePath;
    }

    private static async Task<Page> DoAsync(TestBrowser who, string path, string form, Dictionary<string, string> fields) =>
        await who.SubmitAsync(await who.GetAsync(path), form, fields);

    /// <summary>Opened by the hurt partner, joined, feelings sent and acknowledged: the together parts are open.</summary>
    private async Task<(Couple Couple, string Path)> TogetherAsync()
    {
        var c = await CoupleAsync();
        var path = await OpenAsync(c.Hurt);
        await DoAsync(c.Broke, path, "betrayal-join", new() { ["go"] = "join" });
        await DoAsync(
            c.Hurt,
            path,
            "betrayal-feelings",
            new()
            {
                ["go"] = "send-feelings",
                ["choices"] = "betrayed",
                ["text"] = "It hurts.",
            }
        );
        await DoAsync(
            c.Broke,
            path,
            "betrayal-acknowledgment",
            new()
            {
                ["go"] = "send-acknowledgment",
                ["text"] = "I lied to you for months.",
                ["second"] = "You stopped feeling safe at home.",
            }
        );
        Assert.NotNull((await c.Hurt.GetAsync(path)).Find("#limits"));
        return (c, path);
    }

    [Fact]
    public async Task The_hurt_partners_writing_stays_private_until_sent_and_drafts_are_never_shown()
    {
        var c = await CoupleAsync();
        var path = await OpenAsync(c.Hurt);

        // A draft begun before the partner joins, and again after: theirs alone.
        await DoAsync(
            c.Hurt,
            path,
            "betrayal-feelings",
            new()
            {
                ["go"] = "save-feelings",
                ["choices"] = "shocked",
                ["text"] = "Draftfeelmarker",
            }
        );
        var invited = await c.Broke.GetAsync(path);
        Assert.NotNull(invited.Find("#join"));
        Assert.DoesNotContain("Draftfeelmarker", invited.Html, StringComparison.Ordinal);
        Assert.Contains("named themselves as the one who was hurt", invited.Text, StringComparison.Ordinal);

        await DoAsync(c.Broke, path, "betrayal-join", new() { ["go"] = "join" });
        var draft = await DoAsync(
            c.Hurt,
            path,
            "betrayal-feelings",
            new()
            {
                ["go"] = "save-feelings",
                ["choices"] = "shocked",
                ["text"] = "Draftfeelmarker",
                ["second"] = "Draftquestionmarker",
            }
        );
        Assert.NotNull(draft.Find("#draft-saved"));
        Assert.Contains("Draftfeelmarker", draft.Html, StringComparison.Ordinal);
        var waiting = await c.Broke.GetAsync(path);
        Assert.DoesNotContain("Draftfeelmarker", waiting.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Draftquestionmarker", waiting.Html, StringComparison.Ordinal);
        Assert.NotNull(waiting.Find("#waiting-for-hurt"));
        Assert.Null(waiting.Find("#ack-text"));
        using (var api = await ApiClient.SignInAsync(app, c.BrokeEmail))
        {
            Assert.DoesNotContain("Draftfeelmarker", (await api.GetAsync(ApiOf(path))).Body, StringComparison.Ordinal);
        }

        // The export: the draft is in its writer's, never in the partner's.
        Assert.Contains("Draftfeelmarker", await ExportAsync(c.Hurt), StringComparison.Ordinal);
        Assert.DoesNotContain("Draftfeelmarker", await ExportAsync(c.Broke), StringComparison.Ordinal);

        // The acknowledgment cannot come before the hurt partner's feelings.
        using (var api = await ApiClient.SignInAsync(app, c.BrokeEmail))
        {
            var early = await api.PostAsync(
                ApiOf(path),
                new
                {
                    go = "send-acknowledgment",
                    text = "a",
                    second = "b",
                }
            );
            AssertProblem(early, HttpStatusCode.BadRequest, "invalid", "go");
        }

        await DoAsync(
            c.Hurt,
            path,
            "betrayal-feelings",
            new()
            {
                ["go"] = "send-feelings",
                ["choices"] = "shocked",
                ["text"] = "Sentfeelmarker",
            }
        );
        Assert.Contains("Sentfeelmarker", (await c.Broke.GetAsync(path)).Html, StringComparison.Ordinal);

        // The acknowledgment: a draft stays the writer's; sent, the hurt partner reads it. "Check how it sounds" flags a "but".
        var check = await DoAsync(
            c.Broke,
            path,
            "betrayal-acknowledgment",
            new()
            {
                ["go"] = "check",
                ["text"] = "I'm sorry if you were hurt, but you pushed me away.",
                ["second"] = "Ackdraftmarker",
            }
        );
        Assert.NotNull(check.Find(".soft-startup"));
        await DoAsync(
            c.Broke,
            path,
            "betrayal-acknowledgment",
            new()
            {
                ["go"] = "save-acknowledgment",
                ["text"] = "Ackdraftmarker",
                ["second"] = "Ackdraftmarker",
            }
        );
        Assert.DoesNotContain("Ackdraftmarker", (await c.Hurt.GetAsync(path)).Html, StringComparison.Ordinal);
        await DoAsync(
            c.Broke,
            path,
            "betrayal-acknowledgment",
            new()
            {
                ["go"] = "send-acknowledgment",
                ["text"] = "Acksentmarker",
                ["second"] = "It took your trust away.",
            }
        );
        Assert.Contains("Acksentmarker", (await c.Hurt.GetAsync(path)).Html, StringComparison.Ordinal);

        // Sealed at rest: no row holds a marker or the kind in plain text.
        var envelopes = await app.WithDbAsync(db => db.BetrayalEntries.Select(e => e.Entry.Envelope).ToListAsync());
        var kinds = await app.WithDbAsync(db => db.Betrayals.Select(b => b.Kind.Envelope).ToListAsync());
        Assert.NotEmpty(envelopes);
        Assert.All(envelopes, e => Assert.DoesNotContain("marker", e, StringComparison.OrdinalIgnoreCase));
        Assert.All(kinds, k => Assert.DoesNotContain("affair", k, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Questions_wait_for_both_limits_go_one_at_a_time_and_the_hurt_partner_can_pause()
    {
        var (c, path) = await TogetherAsync();
        Assert.Null((await c.Hurt.GetAsync(path)).Find("#ask"));
        Assert.NotNull((await c.Hurt.GetAsync(path)).Find("#questions-wait"));

        await DoAsync(
            c.Hurt,
            path,
            "betrayal-limits",
            new()
            {
                ["go"] = "limits",
                ["choices"] = "no-details",
                ["text"] = "Privatelimitmarker",
            }
        );
        await DoAsync(
            c.Broke,
            path,
            "betrayal-limits",
            new()
            {
                ["go"] = "limits",
                ["choices"] = "not-late",
                ["text"] = "Sharedlimitmarker",
                ["share"] = "true",
            }
        );
        Assert.DoesNotContain("Privatelimitmarker", (await c.Broke.GetAsync(path)).Html, StringComparison.Ordinal);
        var hurtPage = await c.Hurt.GetAsync(path);
        Assert.Contains("Sharedlimitmarker", hurtPage.Html, StringComparison.Ordinal);
        Assert.NotNull(hurtPage.Find("#ask"));

        var asked = await DoAsync(c.Hurt, path, "betrayal-ask", new() { ["go"] = "ask", ["text"] = "Questiononemarker" });
        Assert.Null(asked.Find("#ask"));
        Assert.Contains("Questiononemarker", (await c.Broke.GetAsync(path)).Html, StringComparison.Ordinal);

        // Paused by the hurt partner: no answer goes in until they go on.
        await DoAsync(c.Hurt, path, "betrayal-pause", new() { ["go"] = "pause-questions" });
        var paused = await c.Broke.GetAsync(path);
        Assert.NotNull(paused.Find("#questions-paused"));
        Assert.Null(paused.Find("#answer-text"));
        Assert.Equal(HttpStatusCode.OK, (await c.Broke.GetAsync(path)).Status);
        await DoAsync(c.Hurt, path, "betrayal-pause", new() { ["go"] = "resume-questions" });

        var answered = await DoAsync(c.Broke, path, "betrayal-answer", new() { ["go"] = "answer", ["text"] = "Answeronemarker" });
        Assert.Contains("Answeronemarker", answered.Html, StringComparison.Ordinal);
        Assert.NotNull((await c.Hurt.GetAsync(path)).Find("#ask"));
    }

    [Fact]
    public async Task Either_partner_can_end_an_agreement_at_once()
    {
        var (c, path) = await TogetherAsync();
        await DoAsync(c.Broke, path, "betrayal-propose", new() { ["go"] = "propose-agreement", ["choice"] = "phone-open" });
        await DoAsync(c.Hurt, path, "betrayal-propose", new() { ["go"] = "propose-agreement", ["text"] = "Ownagreementmarker" });
        var hurtPage = await c.Hurt.GetAsync(path);
        var phone = hurtPage.Find("#agreements button[value^='agree:']")!.GetAttribute("value")!;
        await DoAsync(c.Hurt, path, "betrayal-agreement", new() { ["go"] = phone });
        Assert.Contains("Agreed by both of you.", (await c.Broke.GetAsync(path)).Text, StringComparison.Ordinal);

        // The hurt partner ends the one they agreed to; the one who broke trust ends the other's offer. Both end at once.
        await DoAsync(c.Hurt, path, "betrayal-agreement", new() { ["go"] = "end-agreement:" + phone["agree:".Length..] });
        var own = (await c.Broke.GetAsync(path)).Find("#agreements button[value^='agree:']")!.GetAttribute("value")!;
        await DoAsync(c.Broke, path, "betrayal-agreement", new() { ["go"] = "end-agreement:" + own["agree:".Length..] });
        var after = await c.Broke.GetAsync(path);
        Assert.Equal(
            2,
            after
                .Document.QuerySelectorAll("#agreements li")
                .Count(li => li.TextContent.Contains("This agreement has ended.", StringComparison.Ordinal))
        );
        Assert.Null(after.Find("#agreements button[value^='end-agreement:']"));
    }

    [Fact]
    public async Task The_hurt_partner_is_never_asked_for_their_part_or_to_forgive_and_marks_stay_theirs()
    {
        var (c, path) = await TogetherAsync();
        await DoAsync(c.Broke, path, "betrayal-step", new() { ["go"] = "propose-step", ["text"] = "Home by seven, every evening." });
        var hurtPage = await c.Hurt.GetAsync(path);
        var step = hurtPage.Find("#mark-about option")!.GetAttribute("value")!;
        await DoAsync(
            c.Hurt,
            path,
            "betrayal-mark",
            new()
            {
                ["about"] = step,
                ["go"] = "mark",
                ["choice"] = "not-yet",
                ["text"] = "Privatemarkmarker",
            }
        );
        Assert.Contains("Privatemarkmarker", (await c.Hurt.GetAsync(path)).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Privatemarkmarker", (await c.Broke.GetAsync(path)).Html, StringComparison.Ordinal);
        await DoAsync(
            c.Hurt,
            path,
            "betrayal-mark",
            new()
            {
                ["about"] = step,
                ["go"] = "mark",
                ["choice"] = "a-little",
                ["text"] = "Sharedmarkmarker",
                ["share"] = "true",
            }
        );
        Assert.Contains("Sharedmarkmarker", (await c.Broke.GetAsync(path)).Html, StringComparison.Ordinal);

        foreach (var page in new[] { "/repair/betrayal", path })
        {
            var text = (await c.Hurt.GetAsync(page)).Text;
            // "Your part" as a word (never "your partner"): the hurt partner owes no share of the blame.
            Assert.DoesNotMatch(new Regex(@"\byour (part|share)\b", RegexOptions.IgnoreCase), text);
            Assert.DoesNotContain("forgive them", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ready to forgive", text, StringComparison.OrdinalIgnoreCase);
        }

        var hurt = (await c.Hurt.GetAsync(path)).TextOf("#forgiveness");
        Assert.Contains("is yours to give", hurt, StringComparison.Ordinal);
        Assert.Contains("Staying and leaving are both allowed", hurt, StringComparison.Ordinal);
        Assert.Null((await c.Hurt.GetAsync(path)).Find("#offer-step"));
        Assert.NotNull((await c.Hurt.GetAsync(path)).Find("#counselor a[href^='/support']"));
        Assert.Contains("separate path", (await c.Hurt.GetAsync("/repair")).TextOf("#betrayal-link"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resting_hides_the_path_and_the_partners_pages_are_the_same_for_a_concern_and_a_pause()
    {
        var views = new List<List<string>>();
        foreach (var concern in new[] { false, true })
        {
            var c = await CoupleAsync("Tova", "Ugo");
            var path = await OpenAsync(c.Broke, role: "broke");
            await DoAsync(c.Hurt, path, "betrayal-join", new() { ["go"] = "join" });
            await TakeCheckAsync(app, c.Hurt, concern ? WithConcern : Ordinary);
            if (!concern)
            {
                await c.Hurt.SubmitAsync(
                    await c.Hurt.GetAsync("/repair"),
                    "pause-for-two",
                    new Dictionary<string, string> { ["pause"] = "on" }
                );
            }

            var list = new List<string>();
            foreach (var page in new[] { "/repair/betrayal", path })
            {
                var seen = await c.Broke.GetAsync(page);
                Assert.NotNull(seen.Find("#partner-paused"));
                Assert.Null(seen.Find("#open-betrayal"));
                list.Add(SamePage.AcrossCouples(seen.Html.Replace(path, "[path]", StringComparison.Ordinal)));
            }

            views.Add(list);
            using var api = await ApiClient.SignInAsync(app, c.BrokeEmail);
            AssertProblem(
                await api.PostAsync("/api/v1/betrayal", new { kind = "affair", role = "hurt" }),
                HttpStatusCode.Conflict,
                "resting"
            );
            AssertProblem(await api.PostAsync(ApiOf(path), new { go = "propose-step", text = "x" }), HttpStatusCode.Conflict, "resting");

            // The one who says they were hurt: nothing asks them to engage.
            var own = await c.Hurt.GetAsync(path);
            Assert.Null(own.Find("#feelings"));
            Assert.Null(own.Find("#counselor"));
            if (concern)
            {
                Assert.NotNull(own.Find("#resting"));
                Assert.Contains("resting for now", own.Text, StringComparison.Ordinal);
            }
        }

        for (var i = 0; i < views[0].Count; i++)
        {
            Assert.True(views[0][i] == views[1][i], SamePage.Difference(views[0][i], views[1][i]));
        }
    }

    [Fact]
    public async Task Another_couple_gets_404_on_every_route_and_problems_are_problem_details()
    {
        var c = await CoupleAsync();
        var path = await OpenAsync(c.Hurt);
        // The invited partner's home has one neutral line that names no betrayal, and leads to the path.
        var home = await c.Broke.GetAsync("/");
        Assert.Contains("Something in Repair is waiting for you, from Hana.", home.Text, StringComparison.Ordinal);
        Assert.NotNull(home.Find($"a[href='{path}']"));
        Assert.DoesNotContain("affair", home.Text, StringComparison.OrdinalIgnoreCase);
        var strangers = await CoupleAsync("Cyd", "Dee");
        Assert.Equal(HttpStatusCode.NotFound, (await strangers.Hurt.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await strangers.Broke.GetAsync(path)).Status);
        using var stranger = await ApiClient.SignInAsync(app, strangers.HurtEmail);
        AssertProblem(await stranger.GetAsync(ApiOf(path)), HttpStatusCode.NotFound, "notFound");
        AssertProblem(await stranger.PostAsync(ApiOf(path), new { go = "end" }), HttpStatusCode.NotFound, "notFound");
        AssertProblem(await stranger.PostAsync(ApiOf(path), new { go = "join" }), HttpStatusCode.NotFound, "notFound");
        Assert.Empty((await stranger.GetAsync("/api/v1/betrayal")).Json.GetProperty("paths").EnumerateArray());

        using var member = await ApiClient.SignInAsync(app, c.HurtEmail);
        AssertProblem(
            await member.PostAsync("/api/v1/betrayal", new { kind = "nonsense", role = "hurt" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "kind"
        );
        AssertProblem(
            await member.PostAsync("/api/v1/betrayal", new { kind = "money", role = "x" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "role"
        );
        AssertProblem(await member.PostAsync(ApiOf(path), new { go = "somersault" }), HttpStatusCode.BadRequest, "invalid", "go");
        var hub = (await member.GetAsync("/api/v1/betrayal")).Json;
        Assert.Equal("invited", hub.GetProperty("paths")[0].GetProperty("stage").GetString());

        // Either can close the path at once; the partner is not asked.
        using var partner = await ApiClient.SignInAsync(app, c.BrokeEmail);
        var ended = await partner.PostAsync(ApiOf(path), new { go = "end" });
        Assert.Equal(HttpStatusCode.OK, ended.Status);
        Assert.Equal("ended", ended.Json.GetProperty("stage").GetString());
        Assert.NotNull((await c.Hurt.GetAsync(path)).Find("#ended"));
    }

    private static async Task<string> ExportAsync(TestBrowser browser)
    {
        var token = (await browser.GetAsync("/account/data"))
            .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await (await browser.Client.PostAsync("/account/export/json", content)).Content.ReadAsStringAsync();
    }

    /// <summary>The API address of a path's page: /repair/betrayal/{id} is /api/v1/betrayal/{id}
    /// (decisions/0021, "Since issue 27").</summary>
    private static string ApiOf(string page) => "/api/v1/betrayal" + page["/repair/betrayal".Length..];

    private static void AssertProblem(ApiResponse response, HttpStatusCode status, string kind, string? field = null) =>
        Repair.RepairApiTests.AssertProblem(response, status, kind, field);
}

public sealed class BetrayalTestsOnSqlite(SqliteApp app) : BetrayalTests(app), IClassFixture<SqliteApp>;

public sealed class BetrayalTestsOnPostgres(PostgresApp app) : BetrayalTests(app), IClassFixture<PostgresApp>;
