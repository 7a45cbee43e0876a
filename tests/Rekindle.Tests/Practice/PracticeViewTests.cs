using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Support;
using Rekindle.Tests.Understand;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Guided;
using Rekindle.Web.Features.Practice;
using Rekindle.Web.Infrastructure.Sealing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Practice;

/// <summary>
/// What a professional sees (issue 26, decisions/0044), through HTTP on both databases: each partner's own choices hold, the map
/// only when both shared it and both chose it, never a private marker anywhere, "what your counselor sees" is the same rendering
/// byte for byte, every view is in both partners' logs and the professional's, and anything not theirs or ended is a 404.
/// </summary>
public abstract class PracticeViewTests(RekindleFactory app)
{
    /// <summary>Words planted where a professional must never look: daily answers, check-in words, reflections, self-care notes,
    /// intimacy notes.</summary>
    private static readonly string[] Markers =
    [
        "Dailyanswermarker",
        "Checkinwordmarker",
        "Reflectionmarker",
        "Selfcarenotemarker",
        "Touchnotemarker",
    ];

    private sealed record Couple(TestBrowser A, Guid AId, TestBrowser B, Guid BId);

    private async Task<Couple> CoupleAsync(string a, string b, bool markers = true, bool shareMap = true)
    {
        var (ab, aEmail) = await MemberAsync(app, a);
        var (bb, bEmail) = await MemberAsync(app, b);
        await JoinAsync(bb, await InviteAsync(ab));
        var couple = new Couple(ab, await PracticeSeed.MemberIdAsync(app, aEmail), bb, await PracticeSeed.MemberIdAsync(app, bEmail));
        if (markers)
        {
            foreach (var browser in new[] { ab, bb })
            {
                await browser.SubmitAsync(
                    await browser.GetAsync("/talk"),
                    "daily",
                    new Dictionary<string, string> { ["text"] = "Dailyanswermarker", ["go"] = "answer" }
                );
                await browser.SubmitAsync(
                    await browser.GetAsync("/intimacy"),
                    "intimacy-on",
                    new Dictionary<string, string> { ["adult"] = "yes" }
                );
            }

            await CheckInAsync(ab, "Checkinwordmarker", 7);
            await CheckInAsync(bb, "Checkinwordmarker", 4);
            await ab.SubmitAsync(
                await ab.GetAsync("/self-care"),
                "day-log",
                new Dictionary<string, string> { ["mood"] = "6", ["note"] = "Selfcarenotemarker" }
            );
            await ab.SubmitAsync(
                await ab.GetAsync("/intimacy/program?part=notes"),
                "touch-log",
                new Dictionary<string, string> { ["feeling"] = "uneasy", ["note"] = "Touchnotemarker" }
            );
            await ProgramWeekAsync(couple.AId);
        }

        await CheckJourney.TakeCheckAsync(app, ab, CheckJourney.Ordinary);
        await CheckJourney.TakeCheckAsync(app, bb, _ => 0);
        if (shareMap)
        {
            await ab.SubmitAsync(await ab.GetAsync("/understand/results"), "share");
            await bb.SubmitAsync(await bb.GetAsync("/understand/results"), "share");
        }

        return couple;
    }

    /// <summary>Two program sessions done by the member, the first with a reflection (sealed as the program seals it).</summary>
    private async Task ProgramWeekAsync(Guid memberId)
    {
        var coupleId = await PracticeSeed.CoupleIdAsync(app, memberId);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        using var scope = app.Services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<Sealer>();
        var run = new ProgramRun
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            StartedBy = memberId,
            FirstDay = DateOnly.FromDateTime(now),
            Order = "a,b,c,d,e,look-back",
            OrderedAt = now,
            StartedAt = now,
        };
        var first = new ProgramWeek
        {
            Id = Guid.NewGuid(),
            RunId = run.Id,
            MemberId = memberId,
            Week = 1,
            OpenedAt = now,
            LessonDoneAt = now,
        };
        first.Reflection = await sealer.SealAsync("Reflectionmarker", first.PlaceOf(nameof(ProgramWeek.Reflection)));
        var second = new ProgramWeek
        {
            Id = Guid.NewGuid(),
            RunId = run.Id,
            MemberId = memberId,
            Week = 2,
            OpenedAt = now,
            LessonDoneAt = now,
        };
        await app.WithDbAsync(async db =>
        {
            db.ProgramRuns.Add(run);
            db.ProgramWeeks.AddRange(first, second);
            return await db.SaveChangesAsync();
        });
    }

    private Task<Guid> HomeworkAsync(Guid connectionId, HomeworkKind kind, params (Guid MemberId, DateTime At)[] done) =>
        app.WithDbAsync(async db =>
        {
            var homework = new Homework
            {
                Id = Guid.NewGuid(),
                ConnectionId = connectionId,
                Kind = kind,
                DueOn = new DateOnly(2026, 12, 1),
                AssignedAt = app.Clock.GetUtcNow().UtcDateTime,
            };
            db.Homework.Add(homework);
            foreach (var (memberId, at) in done)
            {
                db.HomeworkDone.Add(
                    new HomeworkDone
                    {
                        HomeworkId = homework.Id,
                        MemberId = memberId,
                        DoneAt = at,
                    }
                );
            }

            await db.SaveChangesAsync();
            return homework.Id;
        });

    private async Task SessionItemAsync(Guid connectionId, Guid memberId, string text)
    {
        using var scope = app.Services.CreateScope();
        var item = new SessionItem
        {
            Id = Guid.NewGuid(),
            ConnectionId = connectionId,
            MemberId = memberId,
            SharedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        item.Text = await scope.ServiceProvider.GetRequiredService<Sealer>().SealAsync(text, item.PlaceOf(nameof(SessionItem.Text)));
        await app.WithDbAsync(async db =>
        {
            db.SessionItems.Add(item);
            return await db.SaveChangesAsync();
        });
    }

    private Task<List<SecurityEvent>> LogAsync(Guid memberId, SecurityEventKind kind) =>
        app.WithDbAsync(db => db.SecurityEvents.Where(e => e.MemberId == memberId && e.Kind == kind).ToListAsync());

    private async Task<ApiClient> ApiOfAsync(Professional pro)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        return await ApiClient.SignInAsync(app, pro.Email, code: Totp.Code(pro.AuthenticatorKey, Totp.StepAt(app.Clock.GetUtcNow())));
    }

    private static string OuterHtml(Page page, string id) =>
        page.Find("#" + id)?.OuterHtml ?? throw new InvalidOperationException($"No #{id} on {page.Url}");

    private static void NoMarker(string where, string text)
    {
        foreach (var marker in Markers)
        {
            Assert.False(text.Contains(marker, StringComparison.Ordinal), $"{marker} in {where}");
        }
    }

    [Fact]
    public async Task Each_partner_shows_only_what_they_chose_and_no_private_marker_reaches_the_professional()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var c = await CoupleAsync("Ada", "Ben");
        var all = ConnectionScopes.All;
        var some = ConnectionScopes.Progress | ConnectionScopes.Homework | ConnectionScopes.Trend | ConnectionScopes.Map;
        var id = await PracticeSeed.ConnectAsync(app, pro.Id, (c.AId, all), (c.BId, some));
        await HomeworkAsync(id, HomeworkKind.CheckIn, (c.AId, app.Clock.GetUtcNow().UtcDateTime));
        await SessionItemAsync(id, c.AId, "What Ada chose to bring");

        var view = await pro.Browser.GetAsync($"/pro/connections/{id}");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        // Ada shares her checks; Ben shares none, so none of his are shown.
        Assert.NotNull(view.Find($"#shared-checks-{c.AId}"));
        Assert.Null(view.Find($"#shared-checks-{c.BId}"));
        Assert.NotNull(view.Find($"#shared-summary-{c.AId}"));
        Assert.Null(view.Find($"#shared-summary-{c.BId}"));
        Assert.Contains("Program sessions done: 2 (weeks 1, 2).", view.TextOf($"#shared-progress-{c.AId}"), StringComparison.Ordinal);
        Assert.Contains("Program sessions done: none yet.", view.TextOf($"#shared-progress-{c.BId}"), StringComparison.Ordinal);
        Assert.Contains("Week of", view.TextOf($"#shared-trend-{c.AId}"), StringComparison.Ordinal);
        Assert.Contains("7 of 10", view.TextOf($"#shared-trend-{c.AId}"), StringComparison.Ordinal);
        Assert.Contains("4 of 10", view.TextOf($"#shared-trend-{c.BId}"), StringComparison.Ordinal);
        Assert.Contains("done on", view.TextOf($"#shared-homework-{c.AId}"), StringComparison.Ordinal);
        Assert.Contains("not yet", view.TextOf($"#shared-homework-{c.BId}"), StringComparison.Ordinal);
        // Both shared the map with each other and both chose it.
        Assert.NotNull(view.Find("#shared-map"));
        NoMarker("the view", view.Html);

        var prep = await pro.Browser.GetAsync($"/pro/connections/{id}/prep");
        Assert.Equal(HttpStatusCode.OK, prep.Status);
        Assert.Contains("What Ada chose to bring", prep.TextOf("#prep-items"), StringComparison.Ordinal);
        NoMarker("prep", prep.Html);
        var html = await pro.Browser.Client.GetAsync($"/pro/connections/{id}/prep/print?format=html");
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var page = await html.Content.ReadAsStringAsync();
        Assert.Contains("What Ada chose to bring", page, StringComparison.Ordinal);
        NoMarker("the printed page", page);
        var pdf = await pro.Browser.Client.GetAsync($"/pro/connections/{id}/prep/print");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var pdfText = PdfTools.Text(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains("Session prep", pdfText, StringComparison.Ordinal);
        NoMarker("the PDF", pdfText);

        using var api = await ApiOfAsync(pro);
        var list = await api.GetAsync("/api/v1/professional/connections");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Contains(list.Json.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id);
        var json = await api.GetAsync($"/api/v1/professional/connections/{id}");
        Assert.Equal(HttpStatusCode.OK, json.Status);
        var members = json.Json.GetProperty("members").EnumerateArray().ToList();
        var ben = members.Single(m => m.GetProperty("name").GetString() == "Ben");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ben.GetProperty("checks").ValueKind);
        Assert.DoesNotContain("checks", ben.GetProperty("shares").EnumerateArray().Select(s => s.GetString()));
        var ada = members.Single(m => m.GetProperty("name").GetString() == "Ada");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, ada.GetProperty("checks").ValueKind);
        NoMarker("the API view", json.Body);
        var apiPrep = await api.GetAsync($"/api/v1/professional/connections/{id}/prep");
        Assert.Equal(HttpStatusCode.OK, apiPrep.Status);
        NoMarker("the API prep", apiPrep.Body);
        Assert.Contains("What Ada chose to bring", apiPrep.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_map_shows_only_when_both_shared_it_and_both_chose_it()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var both = await CoupleAsync("Cat", "Dov", markers: false);
        var oneChose = await PracticeSeed.ConnectAsync(app, pro.Id, (both.AId, ConnectionScopes.Map), (both.BId, ConnectionScopes.Checks));
        Assert.Null((await pro.Browser.GetAsync($"/pro/connections/{oneChose}")).Find("#shared-map"));

        var notShared = await CoupleAsync("Eli", "Fay", markers: false, shareMap: false);
        await notShared.A.SubmitAsync(await notShared.A.GetAsync("/understand/results"), "share");
        var onlyOneShared = await PracticeSeed.ConnectAsync(
            app,
            pro.Id,
            (notShared.AId, ConnectionScopes.All),
            (notShared.BId, ConnectionScopes.All)
        );
        Assert.Null((await pro.Browser.GetAsync($"/pro/connections/{onlyOneShared}")).Find("#shared-map"));

        await notShared.B.SubmitAsync(await notShared.B.GetAsync("/understand/results"), "share");
        var map = (await pro.Browser.GetAsync($"/pro/connections/{onlyOneShared}")).Find("#shared-map");
        Assert.NotNull(map);
        Assert.Contains("Eli", map.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fay", map.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_your_counselor_sees_is_the_professionals_rendering_byte_for_byte()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var c = await CoupleAsync("Gil", "Hana");
        var id = await PracticeSeed.ConnectAsync(
            app,
            pro.Id,
            (c.AId, ConnectionScopes.All),
            (c.BId, ConnectionScopes.Homework | ConnectionScopes.Map | ConnectionScopes.Trend)
        );
        await HomeworkAsync(id, HomeworkKind.GestureWeek, (c.BId, app.Clock.GetUtcNow().UtcDateTime));

        var view = await pro.Browser.GetAsync($"/pro/connections/{id}");
        var gil = await c.A.GetAsync("/counselor/sees");
        var hana = await c.B.GetAsync("/counselor/sees");
        Assert.Equal(HttpStatusCode.OK, gil.Status);
        Assert.Contains("What Dana sees of you", gil.Text, StringComparison.Ordinal);
        Assert.Equal(OuterHtml(view, $"shared-{c.AId}"), OuterHtml(gil, $"shared-{c.AId}"));
        Assert.Equal(OuterHtml(view, $"shared-{c.BId}"), OuterHtml(hana, $"shared-{c.BId}"));
        Assert.Equal(OuterHtml(view, "shared-map"), OuterHtml(gil, "shared-map"));
        Assert.Equal(OuterHtml(view, "shared-map"), OuterHtml(hana, "shared-map"));
        // Each sees only their own part, never the other's choices.
        Assert.Null(gil.Find($"#shared-{c.BId}"));
        Assert.Null(hana.Find($"#shared-{c.AId}"));
        NoMarker("what your counselor sees", gil.Html + hana.Html);

        // Gil alone chooses the map now: Hana's page cannot tell; the professional no longer sees it.
        await app.WithDbAsync(db =>
            db.ConnectionConsents.Where(x => x.ConnectionId == id && x.MemberId == c.BId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Scopes, ConnectionScopes.Homework | ConnectionScopes.Trend))
        );
        Assert.Null((await pro.Browser.GetAsync($"/pro/connections/{id}")).Find("#shared-map"));
        var after = await c.A.GetAsync("/counselor/sees");
        Assert.NotNull(after.Find("#shared-map"));
        Assert.Equal(OuterHtml(gil, $"sees-{id}"), OuterHtml(after, $"sees-{id}"));

        // Without a connection: a plain page that says so.
        var (alone, _) = await MemberAsync(app, "Ivo");
        var none = await alone.GetAsync("/counselor/sees");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.NotNull(none.Find("#no-connection"));
        Assert.NotNull(none.Find("a[href='/counselor']"));
    }

    [Fact]
    public async Task Every_view_is_logged_in_each_partners_log_and_the_professionals_and_the_dashboard_is_not()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var c = await CoupleAsync("Jo", "Kai", markers: false);
        var kaiScopes = ConnectionScopes.Progress | ConnectionScopes.Homework;
        var id = await PracticeSeed.ConnectAsync(app, pro.Id, (c.AId, ConnectionScopes.All), (c.BId, kaiScopes));

        var dashboard = await pro.Browser.GetAsync("/pro");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        var names = dashboard.TextOf($"#connection-{id} h3");
        Assert.True(names is "Jo and Kai" or "Kai and Jo", names);
        Assert.Empty(await LogAsync(c.AId, SecurityEventKind.ProfessionalViewed));

        await pro.Browser.GetAsync($"/pro/connections/{id}");
        var jo = Assert.Single(await LogAsync(c.AId, SecurityEventKind.ProfessionalViewed));
        // Kai did not choose the map, so it is not shown, and Jo's entry says so too.
        Assert.Equal((int)(ConnectionScopes.All & ~ConnectionScopes.Map), jo.Detail);
        Assert.Equal(id, jo.ConnectionId);
        var kai = Assert.Single(await LogAsync(c.BId, SecurityEventKind.ProfessionalViewed));
        Assert.Equal((int)kaiScopes, kai.Detail);
        var own = Assert.Single(await LogAsync(pro.Id, SecurityEventKind.ProfessionalLooked));
        Assert.Equal(id, own.ConnectionId);

        var activity = await c.B.GetAsync("/account/activity");
        Assert.Contains(
            "Your counselor, Dana, looked at your progress and your homework",
            activity.TextOf("#security-log"),
            StringComparison.Ordinal
        );

        await pro.Browser.GetAsync($"/pro/connections/{id}/prep");
        await pro.Browser.Client.GetAsync($"/pro/connections/{id}/prep/print?format=html");
        Assert.Equal(3, (await LogAsync(c.AId, SecurityEventKind.ProfessionalViewed)).Count);
        Assert.Equal(3, (await LogAsync(c.BId, SecurityEventKind.ProfessionalViewed)).Count);
        using var api = await ApiOfAsync(pro);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/professional/connections/{id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/professional/connections/{id}/prep")).Status);
        Assert.Equal(5, (await LogAsync(c.BId, SecurityEventKind.ProfessionalViewed)).Count);
        Assert.Equal(5, (await LogAsync(pro.Id, SecurityEventKind.ProfessionalLooked)).Count);
    }

    [Fact]
    public async Task Another_professional_a_partner_and_an_ended_connection_get_404_everywhere()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var other = await PracticeSeed.ProfessionalAsync(app, "Eve");
        var c = await CoupleAsync("Lea", "Max", markers: false);
        var id = await PracticeSeed.ConnectAsync(app, pro.Id, (c.AId, ConnectionScopes.All), (c.BId, ConnectionScopes.All));
        string[] pages = [$"/pro/connections/{id}", $"/pro/connections/{id}/prep", $"/pro/connections/{id}/prep/print?format=html"];
        string[] apis = [$"/api/v1/professional/connections/{id}", $"/api/v1/professional/connections/{id}/prep"];

        foreach (var path in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await pro.Browser.Client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.Client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await c.A.Client.GetAsync(path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await c.A.GetAsync("/pro")).Status);
        // A professional has no partner pages: the one guard sends them to their own, never the page (decisions/0044).
        var sees = await pro.Browser.Client.GetAsync("/counselor/sees");
        Assert.Equal(HttpStatusCode.SeeOther, sees.StatusCode);
        Assert.Equal("/pro", sees.Headers.Location?.OriginalString);
        Assert.DoesNotContain(id.ToString(), (await other.Browser.GetAsync("/pro")).Html, StringComparison.Ordinal);
        using var otherApi = await ApiOfAsync(other);
        foreach (var path in apis)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync(path)).Status);
        }

        var put = await otherApi.SendJsonAsync(
            HttpMethod.Put,
            $"/api/v1/professional/connections/{id}/last-session",
            "{\"day\":\"2026-11-20\"}"
        );
        Assert.Equal(HttpStatusCode.NotFound, put.Status);
        var viewedBefore = (await LogAsync(c.AId, SecurityEventKind.ProfessionalViewed)).Count;

        await app.WithDbAsync(db =>
            db.ProfessionalConnections.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ConnectionState.Ended))
        );
        foreach (var path in pages)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await pro.Browser.Client.GetAsync(path)).StatusCode);
        }

        using var api = await ApiOfAsync(pro);
        foreach (var path in apis)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(path)).Status);
        }

        Assert.Null((await pro.Browser.GetAsync("/pro")).Find($"#connection-{id}"));
        Assert.NotNull((await c.A.GetAsync("/counselor/sees")).Find("#no-connection"));
        Assert.Equal(viewedBefore, (await LogAsync(c.AId, SecurityEventKind.ProfessionalViewed)).Count);
    }

    [Fact]
    public async Task Session_prep_shows_what_happened_since_the_last_session_day_the_professional_set()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var c = await CoupleAsync("Nia", "Oto", markers: false);
        var id = await PracticeSeed.ConnectAsync(
            app,
            pro.Id,
            (c.AId, ConnectionScopes.Homework | ConnectionScopes.Trend),
            (c.BId, ConnectionScopes.Checks)
        );
        var early = app.Clock.GetUtcNow().UtcDateTime;
        await HomeworkAsync(id, HomeworkKind.DateIdea, (c.AId, early), (c.BId, early));
        app.Clock.Advance(TimeSpan.FromDays(8));
        await HomeworkAsync(id, HomeworkKind.Topic, (c.AId, app.Clock.GetUtcNow().UtcDateTime));
        await CheckInAsync(c.A, "Nia", 8);
        await SessionItemAsync(id, c.BId, "Oto's thought for the session");

        var prep = await pro.Browser.GetAsync($"/pro/connections/{id}/prep");
        Assert.Contains("A date idea", prep.TextOf($"#prep-{c.AId}"), StringComparison.Ordinal);
        var today = DateOnly
            .FromDateTime(app.Clock.GetUtcNow().UtcDateTime)
            .AddDays(-1)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var saved = await pro.Browser.SubmitAsync(prep, "last-session", new Dictionary<string, string> { ["day"] = today });
        Assert.Contains("is saved", saved.TextOf("#last-session-message"), StringComparison.Ordinal);
        var nia = saved.TextOf($"#prep-{c.AId}");
        Assert.DoesNotContain("A date idea", nia, StringComparison.Ordinal);
        // Homework shows its library title; these rows carry no item key, so the kind's own title stands in.
        Assert.Contains(HomeworkLibrary.KindTitle(HomeworkKind.Topic), nia, StringComparison.Ordinal);
        Assert.Contains("8 of 10", nia, StringComparison.Ordinal);
        // Oto shares none of prep's parts: nothing of his homework, only his item for the session.
        Assert.Contains("shares none of these parts", saved.TextOf($"#prep-{c.BId}"), StringComparison.Ordinal);
        Assert.Contains("Oto's thought for the session", saved.TextOf("#prep-items"), StringComparison.Ordinal);
        Assert.Equal(
            DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1),
            await app.WithDbAsync(db => db.ProfessionalConnections.Where(x => x.Id == id).Select(x => x.LastSessionOn).SingleAsync())
        );

        // A day in the future is refused; the API sets it too.
        var future = await pro.Browser.SubmitAsync(saved, "last-session", new Dictionary<string, string> { ["day"] = "2030-01-01" });
        Assert.NotNull(future.Find("#last-session-message.error"));
        using var api = await ApiOfAsync(pro);
        var put = await api.SendJsonAsync(
            HttpMethod.Put,
            $"/api/v1/professional/connections/{id}/last-session",
            "{\"day\":\"2026-11-20\"}"
        );
        Assert.Equal(HttpStatusCode.NoContent, put.Status);
        var dashboard = await pro.Browser.GetAsync("/pro");
        Assert.Contains("Last session:", dashboard.TextOf($"#connection-{id}"), StringComparison.Ordinal);
        Assert.Contains("2 pieces of homework done since then.", dashboard.TextOf($"#connection-{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_names_no_one_while_the_second_partner_has_not_agreed()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var c = await CoupleAsync("Pia", "Quy", markers: false);
        var id = await PracticeSeed.ConnectAsync(app, pro.Id, (c.AId, ConnectionScopes.All), (c.BId, ConnectionScopes.All));
        await app.WithDbAsync(async db =>
        {
            await db
                .ProfessionalConnections.Where(x => x.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, ConnectionState.AwaitingPartner));
            return await db
                .ConnectionConsents.Where(x => x.ConnectionId == id && x.MemberId == c.BId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AgreedAt, (DateTime?)null));
        });

        var dashboard = await pro.Browser.GetAsync("/pro");
        Assert.Contains("waiting for the second partner", dashboard.TextOf("#waiting-list"), StringComparison.Ordinal);
        Assert.DoesNotContain("Pia", dashboard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Quy", dashboard.Text, StringComparison.Ordinal);
        Assert.NotNull(dashboard.Find("a[href='/pro/codes']"));
        Assert.Equal(HttpStatusCode.NotFound, (await pro.Browser.Client.GetAsync($"/pro/connections/{id}")).StatusCode);
        Assert.NotNull((await c.A.GetAsync("/counselor/sees")).Find("#no-connection"));
    }
}

public sealed class PracticeViewSqliteApp() : RekindleFactory(TestProvider.Sqlite, PracticeSeed.On());

public sealed class PracticeViewPostgresApp() : RekindleFactory(TestProvider.Postgres, PracticeSeed.On());

public sealed class PracticeViewTestsOnSqlite(PracticeViewSqliteApp app) : PracticeViewTests(app), IClassFixture<PracticeViewSqliteApp>;

public sealed class PracticeViewTestsOnPostgres(PracticeViewPostgresApp app)
    : PracticeViewTests(app),
        IClassFixture<PracticeViewPostgresApp>;

/// <summary>With practice mode off (the default), none of these pages exist, for anyone.</summary>
public sealed class PracticeViewOffTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task With_practice_mode_off_every_page_is_404()
    {
        var (member, _) = await MemberAsync(app, "Rio");
        foreach (
            var path in new[] { "/pro", "/counselor/sees", $"/pro/connections/{Guid.NewGuid()}", $"/pro/connections/{Guid.NewGuid()}/prep" }
        )
        {
            Assert.Equal(HttpStatusCode.NotFound, (await member.Client.GetAsync(path)).StatusCode);
        }
    }
}
