using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Guided;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Guided;

/// <summary>
/// The guided program (decisions/0040): the order from the check, the re-order once both shared, a week's session step by step,
/// the together part waiting for both, and its privacy: the partner never sees a reflection or an end check, another couple
/// finds nothing, and a safety concern looks to the partner exactly like a neutral pause.
/// </summary>
public abstract class GuidedTests(RekindleFactory app)
{
    private const string ReflectionMarker = "Privatereflectionmarker";

    private Lessons Lessons => app.Services.GetRequiredService<Lessons>();

    private static readonly string[] PartnersPages =
    [
        "/",
        "/program",
        "/program/week/1",
        "/program/week/1/reflect",
        "/program/week/1/together",
        "/program/week/1/check",
    ];

    private static readonly string[] PartnersApi = ["/api/v1/program", "/api/v1/program/weeks/1"];

    private static async Task<Page> StartAsync(TestBrowser browser, string pace = "weekly") =>
        await browser.SubmitAsync(await browser.GetAsync("/program"), "start", new Dictionary<string, string> { ["Pace"] = pace });

    private static async Task<Page> ReadAsync(TestBrowser browser, int week = 1) =>
        await browser.SubmitAsync(await browser.GetAsync("/program/week/" + week), "lesson-done");

    private static async Task<Page> ReflectAsync(TestBrowser browser, string text, int week = 1) =>
        await browser.SubmitAsync(
            await browser.GetAsync($"/program/week/{week}/reflect"),
            "reflection",
            new Dictionary<string, string> { ["Text"] = text }
        );

    private static async Task<Page> EndCheckAsync(TestBrowser browser, int week = 1) =>
        await browser.SubmitAsync(
            await browser.GetAsync($"/program/week/{week}/check"),
            "end-check",
            new Dictionary<string, string>
            {
                ["Helpful"] = "a-little",
                ["Together"] = "yes",
                ["Closeness"] = "4",
            }
        );

    private static async Task<JsonElement> ProgramAsync(ApiClient api) => (await api.GetAsync("/api/v1/program")).Json;

    private static List<string> Keys(JsonElement program) =>
        program.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("key").GetString()!).ToList();

    [Fact]
    public async Task The_order_follows_the_check_and_week_six_looks_back()
    {
        var (a, aEmail) = await MemberAsync(app, "Ada");
        Assert.NotNull((await a.GetAsync("/program")).Find("#take-check"));
        await TakeCheckAsync(app, a, Ordinary);
        var start = await a.GetAsync("/program");
        Assert.Contains("the order of the sessions", start.TextOf("#partner-sees"), StringComparison.Ordinal);
        Assert.Contains("Never your answers", start.TextOf("#partner-sees"), StringComparison.Ordinal);
        var home = await a.GetAsync("/");
        Assert.NotNull(home.Find("#waiting a[href='/program']"));

        var started = await StartAsync(a);
        Assert.Equal("/program", started.Url.AbsolutePath);
        Assert.Equal(ProgramRules.Weeks, started.Document.QuerySelectorAll("#sessions > li").Length);
        using var api = await ApiClient.SignInAsync(app, aEmail);
        var keys = Keys(await ProgramAsync(api));
        Assert.Equal(ProgramRules.Weeks, keys.Count);
        Assert.Equal(ProgramRules.LookBack, keys[^1]);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        // The ordinary check strains time together most: the first week's lesson is from that area.
        Assert.Equal("time-together", Lessons.ByKey[keys[0]].Area);
        // Home: this week's session, with its action.
        var waiting = (await a.GetAsync("/")).Find("#waiting a[href='/program/week/1']");
        Assert.NotNull(waiting);
        Assert.Contains("This week's session", (await a.GetAsync("/")).TextOf("#waiting"), StringComparison.Ordinal);
        // Only one program: a second start is refused in words.
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/program/start", new { pace = "weekly" })).Status);
        // Weeks not yet open are not found.
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/program/week/2")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/program/weeks/2")).Status);
    }

    [Fact]
    public async Task A_couple_goes_through_week_one_and_the_partner_never_sees_a_reflection_or_an_end_check()
    {
        var (a, aEmail, b, bEmail) = await TimeTogether.DateJourney.CoupleAsync(app, "Cleo", "Dov");
        await TakeCheckAsync(app, a, Ordinary);
        await StartAsync(a);
        using var bApi = await ApiClient.SignInAsync(app, bEmail);
        using var aApi = await ApiClient.SignInAsync(app, aEmail);

        // The lesson, then a private reflection.
        var lesson = await a.GetAsync("/program/week/1");
        Assert.NotNull(lesson.Find("#lesson-body p"));
        var afterRead = await ReadAsync(a);
        Assert.Equal("/program/week/1/reflect", afterRead.Url.AbsolutePath);
        var afterReflect = await ReflectAsync(a, ReflectionMarker);
        Assert.Equal("/program/week/1/together", afterReflect.Url.AbsolutePath);
        Assert.Contains(ReflectionMarker, (await a.GetAsync("/program/week/1/reflect")).Html, StringComparison.Ordinal);
        // The together part waits for both.
        Assert.NotNull(afterReflect.Find("#together-waits"));
        Assert.Equal(HttpStatusCode.Conflict, (await aApi.PostAsync("/api/v1/program/weeks/1/together-done", new { })).Status);
        await EndCheckAsync(a);

        // The partner: "done / not yet" for the shared parts, and nothing private.
        var partnersProgram = await b.GetAsync("/program");
        Assert.Contains("Cleo: lesson read", partnersProgram.TextOf("#session-1 .partner"), StringComparison.Ordinal);
        foreach (var path in PartnersPages)
        {
            var page = await b.GetAsync(path);
            Assert.True(page.Status == HttpStatusCode.OK, $"{path} answered {(int)page.Status}");
            Assert.DoesNotContain(ReflectionMarker, page.Html, StringComparison.Ordinal);
            Assert.Null(page.Find("input[value='a-little'][checked]"));
        }

        foreach (var path in PartnersApi)
        {
            var body = (await bApi.GetAsync(path)).Body;
            Assert.DoesNotContain(ReflectionMarker, body, StringComparison.Ordinal);
            Assert.DoesNotContain("a-little", body, StringComparison.Ordinal);
        }

        // Dov reads too: the together part opens for both, with the tool to open.
        await ReadAsync(b);
        var together = await a.GetAsync("/program/week/1/together");
        Assert.NotNull(together.Find("#together-open"));
        var done = await a.SubmitAsync(together, "together-done");
        Assert.Equal("/program/week/1/check", done.Url.AbsolutePath);
        Assert.Contains("practice done", (await b.GetAsync("/program")).TextOf("#session-1 .partner"), StringComparison.Ordinal);

        // The owner keeps their reflection and end check, in the API and the export.
        var mine = (await aApi.GetAsync("/api/v1/program/weeks/1")).Json;
        Assert.Equal(ReflectionMarker, mine.GetProperty("reflection").GetString());
        Assert.Equal(4, mine.GetProperty("endCheck").GetProperty("closeness").GetInt32());
        var export = await a.SubmitAsync(await a.GetAsync("/account/data"), "/account/export/html");
        Assert.Contains(ReflectionMarker, export.Html, StringComparison.Ordinal);
        var partnersExport = await b.SubmitAsync(await b.GetAsync("/account/data"), "/account/export/html");
        Assert.DoesNotContain(ReflectionMarker, partnersExport.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_couple_finds_nothing_of_the_program()
    {
        var (a, _, _, _) = await TimeTogether.DateJourney.CoupleAsync(app, "Eli", "Fen");
        await TakeCheckAsync(app, a, Ordinary);
        await StartAsync(a);
        await ReadAsync(a);
        await ReflectAsync(a, ReflectionMarker);

        var (c, cEmail, _, _) = await TimeTogether.DateJourney.CoupleAsync(app, "Gus", "Hana");
        using var cApi = await ApiClient.SignInAsync(app, cEmail);
        foreach (var path in new[] { "/program/week/1", "/program/week/1/reflect", "/program/week/1/together", "/program/week/1/check" })
        {
            var page = await c.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, page.Status);
            Assert.DoesNotContain(ReflectionMarker, page.Html, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await cApi.GetAsync("/api/v1/program/weeks/1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await cApi.PostAsync("/api/v1/program/weeks/1/lesson-done", new { })).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await cApi.PostAsync("/api/v1/program/weeks/1/together-done", new { })).Status);
        var put = await cApi.Client.PutAsJsonAsync("/api/v1/program/weeks/1/reflection", new { text = "x" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        var program = await ProgramAsync(cApi);
        Assert.False(program.GetProperty("started").GetBoolean());
        Assert.DoesNotContain(ReflectionMarker, (await cApi.GetAsync("/api/v1/program")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_both_shared_the_sessions_not_yet_begun_follow_both()
    {
        var (a, aEmail, b, _) = await TimeTogether.DateJourney.CoupleAsync(app, "Ines", "Jon");
        await TakeCheckAsync(app, a, Ordinary);
        await StartAsync(a);
        using var aApi = await ApiClient.SignInAsync(app, aEmail);
        var before = Keys(await ProgramAsync(aApi));

        // Jon's check strains health and desire most: once both shared, the next session follows it.
        await TakeCheckAsync(app, b, item => item.Section == "health-and-desire" ? (item.Reverse ? 0 : 4) : Ordinary(item));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        foreach (var browser in new[] { a, b })
        {
            await browser.SubmitAsync(await browser.GetAsync("/understand/results"), "share");
        }

        var after = Keys(await ProgramAsync(aApi));
        Assert.Equal(before[0], after[0]);
        Assert.Equal(ProgramRules.LookBack, after[^1]);
        Assert.Equal("intimacy", Lessons.ByKey[after[1]].Area);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task A_member_with_a_safety_concern_never_gets_a_lesson_that_assumes_safety()
    {
        var (a, aEmail) = await MemberAsync(app, "Kai");
        await TakeCheckAsync(app, a, WithConcern);
        await StartAsync(a);
        using var api = await ApiClient.SignInAsync(app, aEmail);
        foreach (var key in Keys(await ProgramAsync(api)).Where(k => k != ProgramRules.LookBack))
        {
            Assert.False(Lessons.ByKey[key].AssumesSafety, key + " assumes safety");
        }

        // Alone, or resting: the part for one.
        var together = await a.GetAsync("/program/week/1/together");
        Assert.NotNull(together.Find("#alone-how"));
        Assert.Null(together.Find("#together-open"));
    }

    [Fact]
    public async Task A_concern_looks_to_the_partner_exactly_like_a_neutral_pause()
    {
        var views = new List<List<string>>();
        foreach (var concern in new[] { false, true })
        {
            var (a, _, b, bEmail) = await TimeTogether.DateJourney.CoupleAsync(app, "Lia", "Max");
            await TakeCheckAsync(app, a, Ordinary);
            await StartAsync(a);
            await ReadAsync(b);
            app.Clock.Advance(TimeSpan.FromMinutes(1));
            await TakeCheckAsync(app, a, concern ? WithConcern : Ordinary);
            if (!concern)
            {
                await a.SubmitAsync(await a.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });
            }
            else
            {
                // The member with the concern reads their own lesson, which never assumes safety.
                var own = await a.GetAsync("/program/week/1");
                Assert.Equal(HttpStatusCode.OK, own.Status);
            }

            using var api = await ApiClient.SignInAsync(app, bEmail);
            var partner = new List<string>();
            foreach (var path in PartnersPages)
            {
                var page = await b.GetAsync(path);
                partner.Add(SamePage.AcrossCouples(path + "\n" + page.Html));
            }

            foreach (var path in PartnersApi)
            {
                var answer = await api.GetAsync(path);
                partner.Add(SamePage.AcrossCouples(path + " " + (int)answer.Status + "\n" + answer.Body));
            }

            Assert.NotNull((await b.GetAsync("/program/week/1/together")).Find("#partner-paused"));
            views.Add(partner);
        }

        for (var i = 0; i < views[0].Count; i++)
        {
            Assert.True(
                views[0][i] == views[1][i],
                $"the partner can tell a concern from a pause: {SamePage.Difference(views[0][i], views[1][i])}"
            );
        }
    }

    [Fact]
    public async Task The_api_takes_a_session_and_answers_problems_in_one_shape()
    {
        var (a, aEmail) = await MemberAsync(app, "Nia");
        using var api = await ApiClient.SignInAsync(app, aEmail);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/program/start", new { pace = "weekly" })).Status);
        await TakeCheckAsync(app, a, Ordinary);
        var bad = await api.PostAsync("/api/v1/program/start", new { pace = "daily" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        var started = await api.PostAsync("/api/v1/program/start", new { pace = "fortnightly", reminders = true });
        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Equal("fortnightly", started.Json.GetProperty("pace").GetString());
        Assert.True(started.Json.GetProperty("reminders").GetProperty("on").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/program/weeks/1/lesson-done", new { })).Status);
        var reflected = await api.Client.PutAsJsonAsync("/api/v1/program/weeks/1/reflection", new { text = ReflectionMarker });
        Assert.Equal(HttpStatusCode.OK, reflected.StatusCode);
        var wrong = await api.Client.PutAsJsonAsync(
            "/api/v1/program/weeks/1/end-check",
            new
            {
                helpful = "yes",
                together = "yes",
                closeness = 9,
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("closeness", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var check = await api.Client.PutAsJsonAsync(
            "/api/v1/program/weeks/1/end-check",
            new
            {
                helpful = "yes",
                together = "not-this-week",
                closeness = 2,
            }
        );
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        // Alone: the part for one is marked done.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/program/weeks/1/together-done", new { })).Status);
        var week = (await api.GetAsync("/api/v1/program/weeks/1")).Json;
        Assert.True(week.GetProperty("offerAlonePart").GetBoolean());
        Assert.Equal(ReflectionMarker, week.GetProperty("reflection").GetString());

        var pace = await api.Client.PutAsJsonAsync("/api/v1/program/pace", new { pace = "weekly" });
        Assert.Equal(HttpStatusCode.OK, pace.StatusCode);
        var reminders = await api.Client.PutAsJsonAsync("/api/v1/program/reminders", new { on = true, afterDays = 9 });
        Assert.Equal(HttpStatusCode.BadRequest, reminders.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsync("/api/v1/program/next", new { kind = "monthly" })).Status);
    }
}

public sealed class GuidedTestsOnSqlite(SqliteApp app) : GuidedTests(app), IClassFixture<SqliteApp>;

public sealed class GuidedTestsOnPostgres(PostgresApp app) : GuidedTests(app), IClassFixture<PostgresApp>;
