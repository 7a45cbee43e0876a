using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Trust;

/// <summary>
/// docs/TRUST.md T18, a professional's walk (practice mode, decisions/0044). Private markers are planted everywhere the
/// partner walk plants them, for both partners of a couple and for a second couple. A professional connected to the first
/// couple with every scope walks every page and API route in the registry (the connection's id in place of
/// <see cref="RouteRegistry.ConnectionId"/>): no marker in any status, header or body, and no partner page or API for them. A
/// professional not connected to the couple gets 404 on every connection route with the couple's connection id, and so does
/// the first professional with another couple's. Once the connection ends, the first professional's next request to each
/// connection route is 404. Routes added to the registry later (Practice*Routes.cs) are walked without new test code.
/// </summary>
public abstract class ProfessionalWalkTests(RekindleFactory app)
{
    /// <summary>The areas that are a couple's space: a professional gets a 404 or is sent to /pro from each of their pages,
    /// and a 404 from each of their API routes.</summary>
    private static readonly string[] CoupleAreas =
    [
        "Betrayal",
        "Guided",
        "Intimacy",
        "Pairing",
        "Progress",
        "Repair",
        "SelfCare",
        "Spontaneity",
        "Support",
        "Talk",
        "TimeTogether",
        "Understand",
    ];

    /// <summary>What the markers planted by <see cref="PrivateMarkers"/> and <see cref="PlantBothAsync"/> look like in a
    /// response: the words members wrote, and the marks their private choices leave in a page.</summary>
    private static readonly string[] Planted =
    [
        "emailmarker",
        "Repairtitlemarker",
        "Repairwalkmarker",
        "Grudgewalkmarker",
        "Grudgecostmarker",
        "Notemarker",
        "Selfcarewalkmarker",
        "Touchwalkmarker",
        "Ownquestionwalkmarker",
        "Dailywalkmarker",
        "Checkinwalkmarker",
        "Reflectionwalkmarker",
        "Betrayalwalkmarker",
        "Highlightwalkmarker",
        "id=\"safety-note\"",
        "id=\"resting\"",
        "an individual counselor",
        "value=\"g001|love\" class=\"chip\" aria-pressed=\"true\"",
        "value=\"g002|no\" class=\"chip\" aria-pressed=\"true\"",
        "id=\"hint-g001\"",
        "id=\"hint-g002\"",
        "value=\"i002|limit\" class=\"chip\" aria-pressed=\"true\"",
        "id=\"i-am-ready\"",
        "id=\"kept-away\"",
        "Showing lines for New Zealand",
        "value=\"NZ\" selected",
        "value=\"money\" checked",
    ];

    private sealed record Answer(string Route, HttpMethod Method, HttpStatusCode Status, string? Location);

    [Fact]
    public async Task A_connected_professional_never_sees_a_marker_and_a_connection_not_theirs_or_ended_is_404()
    {
        // Couple one: both partners plant markers; one of them also everything the partner walk plants (and rests after).
        var memberEmail = $"emailmarker-{Guid.NewGuid():N}@example.org";
        using var member = app.NewBrowser();
        await RegisterAsync(member, "Ama", memberEmail);
        await ConfirmAsync(app, member, memberEmail);
        await SignInAsync(member, memberEmail);
        var (partner, partnerEmail) = await MemberAsync(app, "Bo");
        using var _p = partner;
        await JoinAsync(partner, await InviteAsync(member));
        await PlantBothAsync(member, partner);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await PrivateMarkers.PlantAsync(app, member, partner);

        // Couple two, with markers of their own and a professional of their own.
        var (stranger, strangerEmail) = await MemberAsync(app, "Cas");
        using var _s = stranger;
        var (strangersPartner, strangersPartnerEmail) = await MemberAsync(app, "Di");
        using var _sp = strangersPartner;
        await JoinAsync(strangersPartner, await InviteAsync(stranger));
        await PlantBothAsync(stranger, strangersPartner);

        var dana = await PracticeSeed.ProfessionalAsync(app, "Dana");
        using var _d = dana.Browser;
        var noor = await PracticeSeed.ProfessionalAsync(app, "Noor");
        using var _n = noor.Browser;
        var connection = await PracticeSeed.ConnectAsync(
            app,
            dana.Id,
            (await PracticeSeed.MemberIdAsync(app, memberEmail), ConnectionScopes.All),
            (await PracticeSeed.MemberIdAsync(app, partnerEmail), ConnectionScopes.All)
        );
        var strangersConnection = await PracticeSeed.ConnectAsync(
            app,
            noor.Id,
            (await PracticeSeed.MemberIdAsync(app, strangerEmail), ConnectionScopes.All),
            (await PracticeSeed.MemberIdAsync(app, strangersPartnerEmail), ConnectionScopes.All)
        );
        using var danaApi = await ApiOfAsync(dana);
        using var noorApi = await ApiOfAsync(noor);
        string[] markers = [.. Planted, memberEmail, partnerEmail, strangerEmail, strangersPartnerEmail];

        // The walk is real: every connection page and API read answers Dana with the connection's id in place.
        var reads = ConnectionRoutes().Where(r => r.Call.Get is not null).ToList();
        foreach (var answer in await WalkAsync(dana, danaApi, reads, connection, markers))
        {
            Assert.True(answer.Status == HttpStatusCode.OK, $"{answer.Route} answered Dana {(int)answer.Status}");
        }

        // Every route, as Dana: no marker, no server error; a couple's pages send her to /pro or are not found, their API 404.
        var routes = RouteRegistry.Routes.Where(r => !r.Value.EndsSession).Select(r => (r.Key, r.Value)).ToList();
        var answers = await WalkAsync(dana, danaApi, routes, connection, markers);
        foreach (var answer in answers.Where(a => InCoupleArea(a.Route)))
        {
            var toPro = IsRedirect(answer.Status) && answer.Location?.Split('?')[0].EndsWith("/pro", StringComparison.Ordinal) == true;
            Assert.True(
                answer.Status == HttpStatusCode.NotFound || (toPro && !answer.Route.StartsWith("/api/", StringComparison.Ordinal)),
                $"{answer.Method} {answer.Route} answered a professional {(int)answer.Status} {answer.Location}"
            );
        }

        // Noor is not connected to couple one, and Dana not to couple two: 404 on every connection route, before anything.
        await NotFoundEverywhereAsync(noor, noorApi, connection, markers);
        await NotFoundEverywhereAsync(dana, danaApi, strangersConnection, markers);

        // Ama ends the connection (resting or not, she always can): Dana's next request to each connection route is 404.
        await EndAsync(member, connection);
        await NotFoundEverywhereAsync(dana, danaApi, connection, markers);

        // Last, the routes that end the session: still no marker.
        await WalkAsync(
            dana,
            danaApi,
            RouteRegistry.Routes.Where(r => r.Value.EndsSession).Select(r => (r.Key, r.Value)),
            connection,
            markers
        );
    }

    [Fact]
    public async Task Scopes_hold_per_partner_and_a_partner_who_shares_no_check_results_has_none_shown()
    {
        var (eve, eveEmail, finn, finnEmail) = await TimeTogether.DateJourney.CoupleAsync(app, "Eve", "Finn");
        using var _e = eve;
        using var _f = finn;
        await Understand.CheckJourney.TakeCheckAsync(app, eve, Understand.CheckJourney.Ordinary);
        await Understand.CheckJourney.TakeCheckAsync(app, finn, Strained);
        var eveId = await PracticeSeed.MemberIdAsync(app, eveEmail);
        var finnId = await PracticeSeed.MemberIdAsync(app, finnEmail);
        var dana = await PracticeSeed.ProfessionalAsync(app, "Dana");
        using var _d = dana.Browser;
        using var api = await ApiOfAsync(dana);

        // While both share their check results, Finn's row is there and differs from Eve's: the test can tell them apart.
        var connection = await PracticeSeed.ConnectAsync(app, dana.Id, (eveId, ConnectionScopes.Checks), (finnId, ConnectionScopes.Checks));
        var path = $"/pro/connections/{connection}";
        var both = await dana.Browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, both.Status);
        var eveRow = both.TextOf($"#shared-checks-{eveId} tbody tr");
        var finnRow = both.TextOf($"#shared-checks-{finnId} tbody tr");
        Assert.NotEqual(eveRow, finnRow);

        // Finn shares nothing (Eve still her check results): from the next request on, none of Finn's results, page or API.
        await app.WithDbAsync(db =>
            db.ConnectionConsents.Where(c => c.ConnectionId == connection && c.MemberId == finnId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Scopes, ConnectionScopes.None))
        );
        var view = await dana.Browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Equal(eveRow, view.TextOf($"#shared-checks-{eveId} tbody tr"));
        Assert.Null(view.Find($"#shared-checks-{finnId}"));
        Assert.DoesNotContain(finnRow, view.Text, StringComparison.Ordinal);
        foreach (var other in new[] { path + "/prep", path + "/prep/print?format=html" })
        {
            var page = await dana.Browser.GetAsync(other);
            Assert.Null(page.Find($"#shared-checks-{finnId}"));
            Assert.DoesNotContain(finnRow, page.Text, StringComparison.Ordinal);
        }

        var members = (await api.GetAsync($"/api/v1/professional/connections/{connection}"))
            .Json.GetProperty("members")
            .EnumerateArray()
            .ToList();
        var finnPart = members.Single(m => m.GetProperty("name").GetString() == "Finn");
        var evePart = members.Single(m => m.GetProperty("name").GetString() == "Eve");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, finnPart.GetProperty("checks").ValueKind);
        Assert.Equal(0, finnPart.GetProperty("shares").GetArrayLength());
        Assert.Equal(1, evePart.GetProperty("checks").GetArrayLength());
    }

    /// <summary>A check with every area as strained as it goes (no safety concern, wellbeing as in an ordinary check): results
    /// no ordinary check has.</summary>
    private static int Strained(Rekindle.Web.Features.Understand.CheckItem item) =>
        item.Section is "safety" or "wellbeing" ? Understand.CheckJourney.Ordinary(item)
        : item.Reverse ? 0
        : 4;

    /// <summary>Markers of both partners in what is theirs alone or the couple's: daily answers, check-in words, a program
    /// reflection, a betrayal draft, self-care notes and how a date went.</summary>
    private async Task PlantBothAsync(TestBrowser one, TestBrowser two)
    {
        foreach (var (browser, who) in new[] { (one, "one"), (two, "two") })
        {
            var answered = await browser.SubmitAsync(
                await browser.GetAsync("/talk"),
                "daily",
                new Dictionary<string, string> { ["text"] = "Dailywalkmarker " + who, ["go"] = "answer" }
            );
            Assert.Contains("Dailywalkmarker " + who, answered.Html, StringComparison.Ordinal);
            await CheckInAsync(browser, "Checkinwalkmarker " + who, 6);
            await browser.SubmitAsync(
                await browser.GetAsync("/self-care"),
                "day-log",
                new Dictionary<string, string> { ["mood"] = "3", ["note"] = "Selfcarewalkmarker " + who }
            );
        }

        // The second partner's program: a check, the first session's lesson and a private reflection.
        await Understand.CheckJourney.TakeCheckAsync(app, two, Understand.CheckJourney.Ordinary);
        await two.SubmitAsync(await two.GetAsync("/program"), "start", new Dictionary<string, string> { ["Pace"] = "weekly" });
        await two.SubmitAsync(await two.GetAsync("/program/week/1"), "lesson-done");
        await two.SubmitAsync(
            await two.GetAsync("/program/week/1/reflect"),
            "reflection",
            new Dictionary<string, string> { ["Text"] = "Reflectionwalkmarker" }
        );
        Assert.Contains("Reflectionwalkmarker", (await two.GetAsync("/program/week/1/reflect")).Html, StringComparison.Ordinal);

        // A date both agreed, begun an hour ago, and how it went.
        var date = await TimeTogether.DateJourney.AgreeAsync(one, two, "Walkdate", TimeTogether.DateJourney.Day(app, 1), "19:00");
        await app.WithDbAsync(db =>
            db.DatePlans.Where(p => p.Id == date)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StartsAt, app.Clock.GetUtcNow().UtcDateTime.AddHours(-1)))
        );
        await one.SubmitAsync(
            await one.GetAsync($"/time-together/dates/{date}"),
            "reflect",
            new Dictionary<string, string> { ["rating"] = "good", ["highlight"] = "Highlightwalkmarker" }
        );

        // A betrayal space the second partner opened, with a draft only they have read.
        var betrayal = await two.SubmitAsync(
            await two.GetAsync("/repair/betrayal"),
            "open-betrayal",
            new Dictionary<string, string> { ["kind"] = "affair", ["role"] = "hurt" }
        );
        var draft = await two.SubmitAsync(
            await two.GetAsync(betrayal.Url.AbsolutePath),
            "betrayal-feelings",
            new Dictionary<string, string>
            {
                ["go"] = "save-feelings",
                ["choices"] = "shocked",
                ["text"] = "Betrayalwalkmarker",
            }
        );
        Assert.Contains("Betrayalwalkmarker", draft.Html, StringComparison.Ordinal);
    }

    /// <summary>The routes that name a professional's connection (<see cref="RouteRegistry.ConnectionId"/>).</summary>
    private static IEnumerable<(string Route, RouteRegistry.Call Call)> ConnectionRoutes() =>
        RouteRegistry.Routes.Where(r => RouteRegistry.TakesConnection(r.Value)).Select(r => (r.Key, r.Value));

    private static bool InCoupleArea(string route) => CoupleAreaRoutes.Value.Contains(route);

    private static readonly Lazy<HashSet<string>> CoupleAreaRoutes = new(() =>
        RouteRegistry
            .Areas.Where(a => CoupleAreas.Any(c => a.Namespace == "Rekindle.Tests." + c))
            .SelectMany(a => ((IAreaRoutes)Activator.CreateInstance(a)!).Routes.Keys)
            .ToHashSet(StringComparer.Ordinal)
    );

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    /// <summary>Each connection route with this connection's id answers the professional 404 at once.</summary>
    private async Task NotFoundEverywhereAsync(Professional professional, ApiClient api, Guid connectionId, string[] markers)
    {
        var routes = ConnectionRoutes().ToList();
        Assert.NotEmpty(routes);
        foreach (var answer in await WalkAsync(professional, api, routes, connectionId, markers))
        {
            Assert.True(
                answer.Status == HttpStatusCode.NotFound,
                $"{answer.Method} {answer.Route} answered a professional without that connection {(int)answer.Status} {answer.Location}"
            );
        }
    }

    /// <summary>
    /// Calls each route as the professional (pages with the browser and an antiforgery token, the API with a bearer token),
    /// following redirects; every answer on the way is searched for markers in its status line, headers and body. Returns the
    /// first answer of each call, before any redirect.
    /// </summary>
    private static async Task<List<Answer>> WalkAsync(
        Professional professional,
        ApiClient api,
        IEnumerable<(string Route, RouteRegistry.Call Call)> routes,
        Guid connectionId,
        string[] markers
    )
    {
        var token = await TokenAsync(professional.Browser);
        var answers = new List<Answer>();
        foreach (var (route, raw) in routes)
        {
            var call = RouteRegistry.For(raw, connectionId);
            var isApi =
                route.StartsWith("/api/v1/", StringComparison.Ordinal) && !route.StartsWith("/api/v1/auth/", StringComparison.Ordinal);
            var client = isApi ? api.Client : professional.Browser.Client;
            var method = call.Get is not null ? HttpMethod.Get : new HttpMethod(call.Method ?? "POST");
            using var request = new HttpRequestMessage(method, call.Get ?? call.Post);
            if (call.Get is null && method != HttpMethod.Delete)
            {
                request.Content = isApi
                    ? new StringContent(call.Json ?? "{}", System.Text.Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent([
                        new("__RequestVerificationToken", token),
                        .. call.Fields ?? new Dictionary<string, string>(),
                    ]);
            }

            var response = await client.SendAsync(request);
            answers.Add(new Answer(route, method, response.StatusCode, response.Headers.Location?.OriginalString));
            for (var hops = 0; ; hops++)
            {
                await AssertNoMarkerAsync(route, response, markers);
                Assert.True((int)response.StatusCode < 500, $"{method} {route} answered a professional {(int)response.StatusCode}");
                if (!IsRedirect(response.StatusCode) || hops == 10)
                {
                    break;
                }

                var location = response.Headers.Location!;
                response.Dispose();
                response = await client.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            }

            response.Dispose();
        }

        return answers;
    }

    private static async Task AssertNoMarkerAsync(string route, HttpResponseMessage response, string[] markers)
    {
        var body = await response.Content.ReadAsStringAsync();
        var headers = string.Join('\n', Lines(response.Headers).Concat(Lines(response.Content.Headers)));
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        foreach (var marker in markers)
        {
            foreach (var (part, text) in new[] { ("status", status), ("headers", headers), ("body", body) })
            {
                Assert.False(
                    text.Contains(marker, StringComparison.OrdinalIgnoreCase),
                    $"{route} showed a professional a private marker ({marker}) in its {part}"
                );
            }
        }
    }

    private static IEnumerable<string> Lines(HttpHeaders headers) => headers.Select(h => h.Key + ": " + string.Join(", ", h.Value));

    /// <summary>An antiforgery token for the professional's form posts, from the first page of theirs that has a form.</summary>
    private static async Task<string> TokenAsync(TestBrowser browser)
    {
        foreach (var path in new[] { "/pro/codes", "/pro", "/account/security", "/account/data", "/account/change-password" })
        {
            if ((await browser.GetAsync(path)).Find("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException("No page of the professional's has a form.");
    }

    /// <summary>The professional signed in to the API with their password and a fresh authenticator code.</summary>
    private async Task<ApiClient> ApiOfAsync(Professional professional)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var code = Totp.Code(professional.AuthenticatorKey, Totp.StepAt(app.Clock.GetUtcNow()));
        return await ApiClient.SignInAsync(app, professional.Email, GoodPassword, code);
    }

    /// <summary>The member ends the connection on their counselor page, and sees that it ended.</summary>
    private static async Task EndAsync(TestBrowser member, Guid connectionId)
    {
        var ended = await member.SubmitAsync(await member.GetAsync($"/counselor?step=end&id={connectionId}"), "end");
        Assert.NotNull(ended.Find($"#ended-{connectionId}"));
    }
}

public sealed class ProfessionalWalkSqliteApp() : RekindleFactory(TestProvider.Sqlite, PracticeSeed.On());

public sealed class ProfessionalWalkPostgresApp() : RekindleFactory(TestProvider.Postgres, PracticeSeed.On());

public sealed class ProfessionalWalkTestsOnSqlite(ProfessionalWalkSqliteApp app)
    : ProfessionalWalkTests(app),
        IClassFixture<ProfessionalWalkSqliteApp>;

public sealed class ProfessionalWalkTestsOnPostgres(ProfessionalWalkPostgresApp app)
    : ProfessionalWalkTests(app),
        IClassFixture<ProfessionalWalkPostgresApp>;
