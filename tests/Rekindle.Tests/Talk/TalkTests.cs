using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Talk;

/// <summary>The daily question through HTTP on both databases: reveal rules, time zones, the archive and notices.</summary>
public abstract class TalkTests(RekindleFactory app)
{
    private async Task<(TestBrowser A, string AEmail, TestBrowser B, string BEmail)> CoupleAsync()
    {
        var (a, aEmail) = await MemberAsync(app, "Ada");
        var (b, bEmail) = await MemberAsync(app, "Bo");
        await JoinAsync(b, await InviteAsync(a));
        return (a, aEmail, b, bEmail);
    }

    private static async Task<Page> AnswerAsync(TestBrowser browser, string text, string go = "answer")
    {
        var page = await browser.GetAsync("/talk");
        return await browser.SubmitAsync(page, "daily", new Dictionary<string, string> { ["text"] = text, ["go"] = go });
    }

    private static async Task SetPreferencesAsync(TestBrowser browser, Dictionary<string, string> fields)
    {
        var page = await browser.GetAsync("/account/notifications");
        var saved = await browser.SubmitAsync(page, "preferences", fields);
        Assert.NotNull(saved.Find("#prefs-saved"));
    }

    private Task<SendDueNotices.Result> RunNoticeJobAsync()
    {
        var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
    }

    [Fact]
    public async Task The_partners_answer_shows_only_after_answering_and_both_lock_once_both_answered()
    {
        var (a, _, b, _) = await CoupleAsync();
        var marker = "Tidepoolmarker " + Guid.NewGuid().ToString("N")[..6];
        var saved = await AnswerAsync(a, marker);
        Assert.Contains("Your answer is saved", saved.TextOf("#partner-status"), StringComparison.Ordinal);

        // The partner learns that an answer waits, never what it says: not on any page, not in the archive or a search.
        var waiting = await b.GetAsync("/talk");
        Assert.Contains("Ada has had their turn. Answer too to see what they said.", waiting.Text, StringComparison.Ordinal);
        foreach (var path in new[] { "/", "/talk", "/talk/archive" })
        {
            Assert.DoesNotContain("Tidepoolmarker", (await b.GetAsync(path)).Html, StringComparison.Ordinal);
        }

        var search = await b.GetAsync("/talk/archive?q=Tidepoolmarker");
        Assert.NotNull(search.Find("#archive-empty"));
        Assert.Null(search.Find("#archive"));

        // A changes their answer while B has not answered.
        var edited = await AnswerAsync(a, marker + " edited");
        Assert.Contains("Save my answer", edited.Text, StringComparison.Ordinal);

        var revealed = await AnswerAsync(b, "Mine is short.");
        Assert.Contains(marker + " edited", revealed.TextOf("#partner-answer"), StringComparison.Ordinal);
        Assert.Contains("Mine is short.", (await a.GetAsync("/talk")).TextOf("#partner-answer"), StringComparison.Ordinal);

        // Locked: a crafted post with the old form is refused with a message, and nothing changes.
        var late = await a.SubmitAsync(edited, "daily", new Dictionary<string, string> { ["text"] = "rewritten", ["go"] = "answer" });
        Assert.Contains("kept as they are", late.Text, StringComparison.Ordinal);
        Assert.Contains(marker + " edited", (await b.GetAsync("/talk")).TextOf("#partner-answer"), StringComparison.Ordinal);

        // Both answered today: counted, and searchable by both now.
        Assert.Contains("Days you both answered this month: 1", (await a.GetAsync("/talk")).Text, StringComparison.Ordinal);
        Assert.Contains(marker, (await b.GetAsync("/talk/archive?q=tidepoolmarker")).TextOf("#archive"), StringComparison.Ordinal);
        Assert.NotNull((await b.GetAsync("/talk/archive?q=nothing-like-this")).Find("#archive-empty"));

        // The archive keeps a space after the colon and names the partner: "Bo: Mine is short.", never "Bo:Mine".
        Assert.Contains("Bo: Mine is short.", (await a.GetAsync("/talk/archive")).Text, StringComparison.Ordinal);
        Assert.Contains("Ada: " + marker + " edited", (await b.GetAsync("/talk/archive")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_partners_opening_the_day_at_once_share_one_question_and_log_no_error()
    {
        // Several couples at once, each pair of first visits racing to create the day's question:
        // whichever insert loses must neither fail nor be logged as a failed command (docs/PERFORMANCE.md).
        var couples = new List<(TestBrowser A, TestBrowser B)>();
        for (var i = 0; i < 4; i++)
        {
            var (a, _, b, _) = await CoupleAsync();
            couples.Add((a, b));
        }

        // A new day, so no couple has its question yet (joining showed today's on the home page).
        app.Clock.Advance(TimeSpan.FromDays(1));
        var pages = await Task.WhenAll(
            couples.Select(async couple => await Task.WhenAll(couple.A.GetAsync("/talk"), couple.B.GetAsync("/talk")))
        );
        foreach (var pair in pages)
        {
            Assert.All(pair, page => Assert.Equal(System.Net.HttpStatusCode.OK, page.Status));
            var questions = pair.Select(page => page.Find("input[name=questionId]")?.GetAttribute("value")).ToArray();
            Assert.NotNull(questions[0]);
            Assert.Equal(questions[0], questions[1]);
        }

        Assert.DoesNotContain(app.Logs.Lines, line =>
            line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("DailyQuestions", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Before_answering_a_pass_and_an_answer_read_alike_and_a_notice_dies_with_the_couple()
    {
        var (a, _, b, bEmail) = await CoupleAsync();
        await SetPreferencesAsync(
            b,
            new()
            {
                ["timeZone"] = "UTC",
                ["noticeAnswered"] = "yes",
                ["quietFrom"] = "0",
                ["quietTo"] = "0",
            }
        );
        await AnswerAsync(a, "", go: "pass");
        var waiting = await b.GetAsync("/talk");
        Assert.Contains("Ada has had their turn.", waiting.TextOf("#partner-status"), StringComparison.Ordinal);
        Assert.DoesNotContain("passed", waiting.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("passed", (await b.GetAsync("/talk/archive")).Text, StringComparison.OrdinalIgnoreCase);

        // A leaves before the job runs: what the notice would say is no longer true, so it is dropped.
        var couple = await a.GetAsync("/couple");
        await a.SubmitAsync(couple, "leave", new Dictionary<string, string> { ["confirm"] = "true" });
        using (var scope = app.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
            Assert.True(result.Dropped >= 1);
        }

        Assert.DoesNotContain(app.Mail.All, m =>
            m.To.Mailboxes.Any(x => x.Address == bEmail) && (m.Subject ?? "").Contains("their turn", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Passing_does_not_unlock_the_partners_answer_and_the_partner_sees_the_pass()
    {
        var (a, _, b, _) = await CoupleAsync();
        await AnswerAsync(a, "Passmarker words");
        var passed = await AnswerAsync(b, "", go: "pass");
        Assert.DoesNotContain("Passmarker", passed.Html, StringComparison.Ordinal);
        Assert.Null(passed.Find("#partner-answer"));
        Assert.Contains("Bo passed on this one.", (await a.GetAsync("/talk")).Text, StringComparison.Ordinal);

        // B changes their mind and answers after all: now both see both.
        var answered = await AnswerAsync(b, "Changed my mind.");
        Assert.Contains("Passmarker words", answered.TextOf("#partner-answer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_and_reactions_open_only_after_the_reveal_and_bad_input_gets_a_message()
    {
        var (a, _, b, _) = await CoupleAsync();
        var page = await AnswerAsync(a, "Reply test answer");
        var questionId = page.Find("input[name=questionId]")!.GetAttribute("value")!;

        // Before the reveal, a crafted reply is refused.
        var early = await a.PostAsync(
            "/talk",
            Form(page, "daily", ("questionId", questionId), ("reply", "too soon"), ("reaction", "Heart"), ("go", "send"))
        );
        Assert.Contains("Replies open once you have both answered.", early.Text, StringComparison.Ordinal);
        Assert.False(
            await app.WithDbAsync(db => db.DailyAnswers.AnyAsync(x => x.DailyQuestionId == Guid.Parse(questionId) && x.Reply != null))
        );

        await AnswerAsync(b, "B's answer");
        var open = await a.GetAsync("/talk");
        var badReaction = await a.SubmitAsync(open, "daily", new Dictionary<string, string> { ["reaction"] = "Explode", ["go"] = "send" });
        Assert.Contains("Please choose one of the reactions shown.", badReaction.Text, StringComparison.Ordinal);
        var tooLong = await a.SubmitAsync(
            open,
            "daily",
            new Dictionary<string, string>
            {
                ["reply"] = new string('x', 300),
                ["reaction"] = "None",
                ["go"] = "send",
            }
        );
        Assert.Contains("280 characters", tooLong.Text, StringComparison.Ordinal);

        // The helper suggests without saving.
        var checkedReply = await a.SubmitAsync(
            open,
            "daily",
            new Dictionary<string, string> { ["reply"] = "You never say that!", ["go"] = "check" }
        );
        Assert.Contains("You never", checkedReply.TextOf("#soft-startup-reply"), StringComparison.Ordinal);

        await a.SubmitAsync(
            open,
            "daily",
            new Dictionary<string, string>
            {
                ["reply"] = "That made me smile",
                ["reaction"] = "Hug",
                ["go"] = "send",
            }
        );
        var seen = await b.GetAsync("/talk");
        Assert.Contains("That made me smile", seen.TextOf("#their-reply"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reaction_given_as_a_number_is_refused_on_the_page_as_by_the_api()
    {
        var (a, _, b, _) = await CoupleAsync();
        await AnswerAsync(a, "Numbers answer");
        await AnswerAsync(b, "B's numbers answer");
        var open = await a.GetAsync("/talk");
        var questionId = Guid.Parse(open.Find("input[name=questionId]")!.GetAttribute("value")!);

        // "2" is Hug's number: the page used to take it; now the page and the API read reactions one way.
        var numbered = await a.SubmitAsync(
            open,
            "daily",
            new Dictionary<string, string>
            {
                ["reply"] = "Numbermarker",
                ["reaction"] = "2",
                ["go"] = "send",
            }
        );
        Assert.Contains("Please choose one of the reactions shown.", numbered.TextOf("#talk-message"), StringComparison.Ordinal);
        Assert.Equal("alert", numbered.Find("#talk-message")!.GetAttribute("role"));
        Assert.False(
            await app.WithDbAsync(db =>
                db.DailyAnswers.AnyAsync(x =>
                    x.DailyQuestionId == questionId && (x.Reply != null || x.Reaction != Rekindle.Web.Features.Talk.Reaction.None)
                )
            )
        );

        // Checking an empty reply box is still the reply's check, answered beside the reply box.
        var emptyCheck = await a.SubmitAsync(open, "daily", new Dictionary<string, string> { ["reply"] = "", ["go"] = "check" });
        Assert.NotNull(emptyCheck.Find("#soft-startup-reply"));
    }

    [Fact]
    public async Task The_archive_itself_cuts_a_long_search_and_keeps_the_page_in_range_for_the_page_and_the_api()
    {
        var (a, aEmail, _, _) = await CoupleAsync();
        await AnswerAsync(a, "Archive range answer");
        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Id).SingleAsync());
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext =
            new Microsoft.AspNetCore.Http.DefaultHttpContext
            {
                User = new System.Security.Claims.ClaimsPrincipal(
                    new System.Security.Claims.ClaimsIdentity(
                        [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, memberId.ToString())],
                        "test"
                    )
                ),
                RequestServices = scope.ServiceProvider,
            };
        var archive = scope.ServiceProvider.GetRequiredService<Rekindle.Web.Features.Talk.TalkArchive>();

        // Before, the page and the endpoint each cut the search to 100 and kept the page within 1..10000; now the archive does, once.
        var first = await archive.HandleAsync(new string('q', 150), 0);
        Assert.Equal(1, first!.Page);
        Assert.Equal(Rekindle.Web.Features.Talk.TalkArchive.SearchMaxLength, first.Query!.Length);
        Assert.Equal(Rekindle.Web.Features.Talk.TalkArchive.LastPage, (await archive.HandleAsync(null, int.MaxValue))!.Page);
    }

    [Fact]
    public async Task The_helper_answers_beside_the_box_it_checked_and_says_kindly_only_when_sure()
    {
        var (a, _, _, _) = await CoupleAsync();
        var answers = await app.WithDbAsync(db => db.DailyAnswers.CountAsync());

        // A harsh draft: the notes sit inside the answer's own field, the box names them, and the button lands on them.
        var harsh = await AnswerAsync(a, "Whatever. Fine. Do what you want.", go: "check");
        var notes = harsh.Find("#soft-startup-answer")!;
        Assert.Equal("Harsh", notes.GetAttribute("data-verdict"));
        Assert.Equal("status", notes.GetAttribute("role"));
        Assert.Same(harsh.Find("#answer")!.ParentElement, notes.ParentElement);
        Assert.Contains("soft-startup-answer", harsh.Find("#answer")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("#soft-startup-answer", harsh.Find("button[name=go][value=check]")!.GetAttribute("formaction"));
        Assert.Contains("Stonewalling", notes.TextContent, StringComparison.Ordinal);
        Assert.Contains("A kinder way to say it", notes.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("reads kindly", harsh.Text, StringComparison.Ordinal);
        Assert.Null(harsh.Find("#talk-message"));

        // Too short to tell: what to look at, never "reads kindly".
        var unsure = await AnswerAsync(a, "Ok.", go: "check");
        Assert.Equal("Unsure", unsure.Find("#soft-startup-answer")!.GetAttribute("data-verdict"));
        Assert.Contains("look at", unsure.TextOf("#soft-startup-answer"), StringComparison.Ordinal);
        Assert.DoesNotContain("reads kindly", unsure.Text, StringComparison.Ordinal);

        var kind = await AnswerAsync(a, "I feel close to you when we cook together, and I'd love more of it.", go: "check");
        Assert.Contains("That reads kindly.", kind.TextOf("#soft-startup-answer"), StringComparison.Ordinal);

        // Nothing was saved by checking.
        Assert.Equal(answers, await app.WithDbAsync(db => db.DailyAnswers.CountAsync()));
    }

    [Fact]
    public async Task Answers_only_go_to_todays_question_of_ones_own_couple()
    {
        var (a, _, _, _) = await CoupleAsync();
        var (c, _, _, _) = await CoupleAsync();
        var cPage = await c.GetAsync("/talk");
        var theirQuestion = cPage.Find("input[name=questionId]")!.GetAttribute("value")!;

        var aPage = await a.GetAsync("/talk");
        var foreign = await a.SubmitAsync(
            aPage,
            "daily",
            new Dictionary<string, string>
            {
                ["questionId"] = theirQuestion,
                ["text"] = "Strayed",
                ["go"] = "answer",
            }
        );
        Assert.Contains("no longer open", foreign.Text, StringComparison.Ordinal);
        var garbage = await a.SubmitAsync(
            aPage,
            "daily",
            new Dictionary<string, string>
            {
                ["questionId"] = "not-a-guid",
                ["text"] = "x",
                ["go"] = "answer",
            }
        );
        Assert.Contains("no longer open", garbage.Text, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.DailyAnswers.AnyAsync(x => x.DailyQuestionId == Guid.Parse(theirQuestion))));

        var empty = await a.SubmitAsync(aPage, "daily", new Dictionary<string, string> { ["text"] = "   ", ["go"] = "answer" });
        Assert.Contains("Write something first", empty.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_couples_day_moves_on_when_it_has_begun_for_both()
    {
        // Ada lives in Auckland, Bo in Los Angeles. At 09:00 UTC it is 22:00 in Auckland and 01:00 in LA: the same date.
        var (a, _, b, _) = await CoupleAsync();
        await SetPreferencesAsync(a, new() { ["timeZone"] = "Pacific/Auckland" });
        await SetPreferencesAsync(b, new() { ["timeZone"] = "America/Los_Angeles" });
        var start = app.Clock.GetUtcNow();
        var next9 = new DateTimeOffset(start.UtcDateTime.Date.AddDays(1).AddHours(9), TimeSpan.Zero);
        app.Clock.Advance(next9 - start);

        var aToday = (await a.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value");
        var bToday = (await b.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value");
        Assert.Equal(aToday, bToday);

        // Three hours on, Auckland has passed midnight; Los Angeles has not: both keep the same question
        // (decisions/0035: the couple's day is the earlier of the two dates).
        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(aToday, (await a.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value"));
        Assert.Equal(bToday, (await b.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value"));

        // At midnight in Los Angeles (08:00 UTC) the day has begun for both: a new question, the same for both.
        app.Clock.Advance(TimeSpan.FromHours(20));
        var aNext = (await a.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value");
        Assert.NotEqual(aToday, aNext);
        Assert.Equal(aNext, (await b.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value"));

        // A made-up time zone is not stored.
        await SetPreferencesAsync(a, new() { ["timeZone"] = "Mars/Olympus_Mons" });
        Assert.Equal(
            "Pacific/Auckland",
            (await a.GetAsync("/account/notifications")).Find("#time-zone option[selected]")!.GetAttribute("value")
        );
    }

    [Fact]
    public async Task Notices_say_only_that_something_waits_go_out_once_and_wait_for_quiet_hours()
    {
        var (a, aEmail, b, bEmail) = await CoupleAsync();
        await SetPreferencesAsync(
            b,
            new()
            {
                ["timeZone"] = "UTC",
                ["noticeAnswered"] = "yes",
                ["quietFrom"] = "0",
                ["quietTo"] = "0",
            }
        );
        await RunNoticeJobAsync();

        var marker = "Noticemarker" + Guid.NewGuid().ToString("N")[..6];
        await AnswerAsync(a, marker);
        var first = await RunNoticeJobAsync();
        Assert.Equal(1, first.Sent);
        var message = await app.Mail.WaitForAsync(bEmail, "their turn");
        Assert.DoesNotContain(marker, message.TextBody + message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain((await a.GetAsync("/talk")).TextOf("#today-question .question"), message.TextBody, StringComparison.Ordinal);
        Assert.Contains("/talk", message.TextBody, StringComparison.Ordinal);

        // Once only, however often the job runs (and editing the answer queues nothing new).
        await AnswerAsync(a, marker + " again");
        await RunNoticeJobAsync();
        await RunNoticeJobAsync();
        Assert.Single(app.Mail.All, m =>
            m.To.Mailboxes.Any(x => x.Address == bEmail) && (m.Subject ?? "").Contains("their turn", StringComparison.Ordinal)
        );

        // Quiet hours: Ada asks for the daily reminder, but it is her quiet time now: held, then sent when it ends.
        var nowHour = app.Clock.GetUtcNow().Hour;
        await SetPreferencesAsync(
            a,
            new()
            {
                ["timeZone"] = "UTC",
                ["noticeDaily"] = "yes",
                ["dailyHour"] = "0",
                ["quietFrom"] = nowHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["quietTo"] = ((nowHour + 2) % 24).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
        // Ada has answered today, so today's reminder is not needed; tomorrow's is.
        app.Clock.Advance(TimeSpan.FromDays(1));
        var held = await RunNoticeJobAsync();
        Assert.Equal(1, held.Held);
        Assert.DoesNotContain(app.Mail.All, m =>
            m.To.Mailboxes.Any(x => x.Address == aEmail) && (m.Subject ?? "").Contains("waiting", StringComparison.Ordinal)
        );
        app.Clock.Advance(TimeSpan.FromHours(2));
        var sent = await RunNoticeJobAsync();
        Assert.Equal(1, sent.Sent);
        var reminder = await app.Mail.WaitForAsync(aEmail, "Today's question is waiting");
        Assert.DoesNotContain(marker, reminder.TextBody, StringComparison.Ordinal);
        _ = b;
    }

    private static List<KeyValuePair<string, string>> Form(Page page, string handler, params (string Key, string Value)[] fields)
    {
        var token = page.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var list = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", token) };
        list.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
        return list;
    }
}

public sealed class TalkTestsOnSqlite(SqliteApp app) : TalkTests(app), IClassFixture<SqliteApp>;

public sealed class TalkTestsOnPostgres(PostgresApp app) : TalkTests(app), IClassFixture<PostgresApp>;
