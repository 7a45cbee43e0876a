using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Features.Talk;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Talk;

/// <summary>
/// A couple's own questions and each member's mutes (decisions/0042) through HTTP on both databases: sealed at rest,
/// read by both, drawn and answered with the blind reveal like the bank's, never drawn while either rests; mutes left
/// out of the draw and never shown to the partner; another couple gets 404; the API's problem details. Its own class:
/// it moves the clock on by weeks.
/// </summary>
public abstract class OwnQuestionTests(RekindleFactory app)
{
    private static readonly string[] UnknownMutes = ["money", "gossip"];

    private static readonly string[] GoodMutes = ["money", "intimacy"];

    private async Task<(TestBrowser A, TestBrowser B, Guid CoupleId)> CoupleAsync(string first = "Ada", string second = "Sam")
    {
        var (a, aEmail) = await MemberAsync(app, first);
        var (b, _) = await MemberAsync(app, second);
        await JoinAsync(b, await InviteAsync(a));
        var coupleId = await app.WithDbAsync(db =>
            db.CoupleMembers.Where(m => db.Users.Any(u => u.Id == m.MemberId && u.Email == aEmail)).Select(m => m.CoupleId).SingleAsync()
        );
        return (a, b, coupleId);
    }

    private static async Task<Page> AddAsync(TestBrowser browser, string text) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/talk/questions"),
            "add-question",
            new Dictionary<string, string> { ["text"] = text }
        );

    /// <summary>
    /// Moves on a day at a time (each day opened by <paramref name="opener"/>) until the day's question is the couple's own.
    /// </summary>
    private async Task<Page> UntilOwnQuestionAsync(TestBrowser opener, TestBrowser other, int maxDays = 80)
    {
        for (var i = 0; i < maxDays; i++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            var page = await opener.GetAsync("/talk");
            await other.GetAsync("/"); // stays signed in
            if (page.TextOf("#today-question p.muted").Contains(" added", StringComparison.Ordinal))
            {
                return page;
            }
        }

        throw new InvalidOperationException($"No question of the couple's own in {maxDays} days.");
    }

    private async Task<List<string>> QuestionIdsAsync(Guid coupleId) =>
        await app.WithDbAsync(db =>
            db.DailyQuestions.Where(q => q.CoupleId == coupleId).OrderBy(q => q.Day).Select(q => q.QuestionId).ToListAsync()
        );

    [Fact]
    public async Task An_own_question_is_sealed_read_by_both_and_drawn_and_answered_with_the_blind_reveal()
    {
        var (a, b, coupleId) = await CoupleAsync();
        var added = await AddAsync(a, "Ownmarker what is one small plan you would like us to make this month?");
        Assert.Contains("Ownmarker what is one small plan", added.TextOf("#own-questions"), StringComparison.Ordinal);
        Assert.Contains("You added this.", added.TextOf("#own-questions"), StringComparison.Ordinal);

        // Sealed with the couple's key: the stored row holds no plain words.
        var row = await app.WithDbAsync(db => db.CoupleQuestions.SingleAsync(q => q.CoupleId == coupleId));
        Assert.DoesNotContain("Ownmarker", row.Text.Envelope, StringComparison.OrdinalIgnoreCase);

        // The partner reads it, with the author's name.
        var partners = await b.GetAsync("/talk/questions");
        Assert.Contains("Ownmarker what is one small plan", partners.TextOf("#own-questions"), StringComparison.Ordinal);
        Assert.Contains("Ada added this.", partners.TextOf("#own-questions"), StringComparison.Ordinal);
        Assert.NotNull((await a.GetAsync("/talk")).Find("a[href='/talk/questions']"));

        // In time the day's question is theirs: "a question you added" for Ada, "a question Ada added" for Sam.
        var day = await UntilOwnQuestionAsync(a, b);
        Assert.Contains("Ownmarker what is one small plan", day.TextOf("h2.question"), StringComparison.Ordinal);
        Assert.Contains("A question you added", day.TextOf("#today-question p.muted"), StringComparison.Ordinal);
        var samsDay = await b.GetAsync("/talk");
        Assert.Contains("A question Ada added", samsDay.TextOf("#today-question p.muted"), StringComparison.Ordinal);
        Assert.Contains(CoupleQuestion.IdFor(row.Id), await QuestionIdsAsync(coupleId));

        // Blind reveal as for any question: Sam learns only that Ada has had her turn.
        await a.SubmitAsync(day, "daily", new Dictionary<string, string> { ["text"] = "Adaanswermarker a picnic", ["go"] = "answer" });
        var waiting = await b.GetAsync("/talk");
        Assert.Contains("Ada has had their turn.", waiting.TextOf("#partner-status"), StringComparison.Ordinal);
        Assert.DoesNotContain("Adaanswermarker", waiting.Html, StringComparison.Ordinal);
        var both = await b.SubmitAsync(
            waiting,
            "daily",
            new Dictionary<string, string> { ["text"] = "Samanswer a walk", ["go"] = "answer" }
        );
        Assert.Contains("Adaanswermarker a picnic", both.TextOf("#partner-answer"), StringComparison.Ordinal);

        // Taken out by Sam (either partner may): gone from the rotation, still in the past questions.
        var retired = await b.SubmitAsync(
            await b.GetAsync("/talk/questions"),
            "retire-question",
            new Dictionary<string, string> { ["id"] = row.Id.ToString() }
        );
        Assert.Contains("No questions of your own yet.", retired.TextOf("#own-questions"), StringComparison.Ordinal);
        Assert.Contains("Ownmarker what is one small plan", (await a.GetAsync("/talk/archive")).Text, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.CoupleQuestions.Where(q => q.Id == row.Id).Select(q => q.RetiredAt).SingleAsync()));

        // The author's export carries the question they wrote; the partner's does not.
        var written = (await ExportAsync(a)).GetProperty("talk").GetProperty("questionsYouWrote");
        Assert.StartsWith("Ownmarker what is one small plan", written[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, written[0].GetProperty("takenOut").ValueKind);
        Assert.Equal(0, (await ExportAsync(b)).GetProperty("talk").GetProperty("questionsYouWrote").GetArrayLength());
    }

    [Fact]
    public async Task Own_questions_are_not_drawn_while_either_rests_and_come_back_after()
    {
        var (a, b, coupleId) = await CoupleAsync("Quin", "Ria");
        foreach (
            var text in new[]
            {
                "What made you laugh this week?",
                "Where would you like to walk on Sunday?",
                "What song reminds you of us?",
            }
        )
        {
            await AddAsync(b, text);
        }

        var before = (await QuestionIdsAsync(coupleId)).Count;
        await TakeCheckAsync(app, a, WithConcern);
        for (var i = 0; i < 40; i++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            await b.GetAsync("/talk");
            await a.GetAsync("/");
        }

        // Forty days with one in five of them the couple's own would nearly always hold several (all but 1 in 7,000).
        var resting = (await QuestionIdsAsync(coupleId)).Skip(before).ToList();
        Assert.Equal(40, resting.Count);
        Assert.DoesNotContain(resting, id => id.StartsWith(CoupleQuestion.IdPrefix, StringComparison.Ordinal));

        await TakeCheckAsync(app, a, Ordinary);
        await UntilOwnQuestionAsync(b, a);
    }

    [Fact]
    public async Task A_muted_kind_is_left_out_of_the_couples_draw_and_the_partner_never_sees_the_mutes()
    {
        var (a, b, coupleId) = await CoupleAsync("Lou", "Kit");
        var page = await a.GetAsync("/talk/questions");
        Assert.Contains("Kit is not told you muted them.", page.TextOf("#mutes"), StringComparison.Ordinal);
        var saved = await a.SubmitAsync(page, "mutes", new Dictionary<string, string> { ["muted"] = "communication" });
        Assert.NotNull(saved.Find("#mute-communication[checked]"));
        Assert.Null(saved.Find("#mute-money[checked]"));

        // The partner's page shows none of Lou's mutes, and reads the same as a page where nothing was muted.
        var kits = await b.GetAsync("/talk/questions");
        Assert.Empty(kits.Document.QuerySelectorAll("#mutes input[checked]"));

        var bank = app.Services.GetRequiredService<QuestionBank>();
        var before = (await QuestionIdsAsync(coupleId)).Count;
        for (var i = 0; i < 30; i++)
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            await b.GetAsync("/talk");
            await a.GetAsync("/");
        }

        // Communication tags about a third of the bank: thirty days without one happen by chance about once in 100,000.
        var drawn = (await QuestionIdsAsync(coupleId)).Skip(before).Select(id => bank.ById[id]).ToList();
        Assert.Equal(30, drawn.Count);
        Assert.DoesNotContain(drawn, q => q.RootCauses.Contains("communication"));

        // Only Lou's export has them.
        var lous = (await ExportAsync(a)).GetProperty("talk").GetProperty("kindsOfQuestionYouMuted");
        Assert.Equal("communication", lous[0].GetProperty("kind").GetString());
        Assert.Equal(0, (await ExportAsync(b)).GetProperty("talk").GetProperty("kindsOfQuestionYouMuted").GetArrayLength());
    }

    [Fact]
    public async Task The_api_adds_lists_retires_and_mutes_with_problem_details_and_another_couple_gets_404()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app, "Noor", "Eli");
        var (member, partner) = (couple.Member, couple.Partner);

        var empty = await member.PostAsync("/api/v1/talk/questions", new { text = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal("application/problem+json", empty.ContentType);
        Assert.True(empty.Json.GetProperty("errors").TryGetProperty("text", out _));
        var tooLong = await member.PostAsync("/api/v1/talk/questions", new { text = new string('a', CoupleQuestion.TextMaxLength + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.True(tooLong.Json.GetProperty("errors").TryGetProperty("text", out _));

        var added = await member.PostAsync(
            "/api/v1/talk/questions",
            new { text = "Apiownmarker what would a slow Sunday look like for us?" }
        );
        Assert.Equal(HttpStatusCode.OK, added.Status);
        var id = added.Json.GetProperty("id").GetGuid();
        Assert.True(added.Json.GetProperty("addedByYou").GetBoolean());

        // Both read it; to the partner it is the member's, by name.
        var partners = await partner.GetAsync("/api/v1/talk/questions");
        var listed = partners.Json.GetProperty("questions")[0];
        Assert.Equal("Apiownmarker what would a slow Sunday look like for us?", listed.GetProperty("text").GetString());
        Assert.False(listed.GetProperty("addedByYou").GetBoolean());
        Assert.Equal("Noor", listed.GetProperty("addedBy").GetString());

        // Mutes: unknown kinds refused by field; the partner sees only their own (none).
        var unknown = await member.Client.PutAsJsonAsync("/api/v1/talk/question-mutes", new { muted = UnknownMutes });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("\"muted\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var muted = await member.Client.PutAsJsonAsync("/api/v1/talk/question-mutes", new { muted = GoodMutes });
        Assert.Equal(HttpStatusCode.OK, muted.StatusCode);
        Assert.Equal(2, (await member.GetAsync("/api/v1/talk/question-mutes")).Json.GetProperty("muted").GetArrayLength());
        Assert.Equal(0, (await partner.GetAsync("/api/v1/talk/question-mutes")).Json.GetProperty("muted").GetArrayLength());
        Assert.Equal(0, (await partner.GetAsync("/api/v1/talk/questions")).Json.GetProperty("muted").GetArrayLength());
        Assert.DoesNotContain(
            "money",
            (await partner.GetAsync("/api/v1/talk/questions")).Json.GetProperty("muted").ToString(),
            StringComparison.Ordinal
        );

        // Another couple: their list is their own, and the member's question is not found for them.
        using var others = await AreaApiCouples.CoupleAsync(app, "Vic", "Pat");
        var theirs = await others.Member.GetAsync("/api/v1/talk/questions");
        Assert.DoesNotContain("Apiownmarker", theirs.Body, StringComparison.Ordinal);
        var notTheirs = await others.Member.Client.DeleteAsync($"/api/v1/talk/questions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        var page = await others.MemberBrowser.SubmitAsync(
            await others.MemberBrowser.GetAsync("/talk/questions"),
            "retire-question",
            new Dictionary<string, string> { ["id"] = id.ToString() }
        );
        Assert.NotNull(page.Find("#questions-message.error"));
        Assert.Null(await app.WithDbAsync(db => db.CoupleQuestions.Where(q => q.Id == id).Select(q => q.RetiredAt).SingleAsync()));
        // Someone without a couple space gets 404 for the list.
        var (loner, _, _) = await ApiPeople.MemberAsync(app, "Solo");
        using (loner)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await loner.GetAsync("/api/v1/talk/questions")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await loner.PostAsync("/api/v1/talk/questions", new { text = "Why?" })).Status);
        }

        // The partner takes it out (never asked, so it is gone); again is 404.
        Assert.Equal(HttpStatusCode.NoContent, (await partner.Client.DeleteAsync($"/api/v1/talk/questions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.Client.DeleteAsync($"/api/v1/talk/questions/{id}")).StatusCode);
        Assert.False(await app.WithDbAsync(db => db.CoupleQuestions.AnyAsync(q => q.Id == id)));

        // At most 100 in the rotation: the 101st is "too many", with its kind.
        for (var i = 0; i < CoupleQuestion.PerCouple; i++)
        {
            Assert.Equal(
                HttpStatusCode.OK,
                (await partner.PostAsync("/api/v1/talk/questions", new { text = $"Question number {i}?" })).Status
            );
        }

        var full = await member.PostAsync("/api/v1/talk/questions", new { text = "One more?" });
        Assert.Equal(HttpStatusCode.TooManyRequests, full.Status);
        Assert.Equal("tooMany", full.Json.GetProperty("kind").GetString());
        Assert.False((await member.GetAsync("/api/v1/talk/questions")).Json.GetProperty("canAdd").GetBoolean());
    }

    private static async Task<System.Text.Json.JsonElement> ExportAsync(TestBrowser browser)
    {
        var token = (await browser.GetAsync("/account/data"))
            .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var json = await (await browser.Client.PostAsync("/account/export/json", content)).Content.ReadAsStringAsync();
        return System.Text.Json.JsonDocument.Parse(json).RootElement.Clone();
    }
}

public sealed class OwnQuestionTestsOnSqlite(SqliteApp app) : OwnQuestionTests(app), IClassFixture<SqliteApp>;

public sealed class OwnQuestionTestsOnPostgres(PostgresApp app) : OwnQuestionTests(app), IClassFixture<PostgresApp>;
