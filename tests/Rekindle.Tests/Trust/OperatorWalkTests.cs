using System.Net;
using System.Net.Http.Headers;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Trust;

/// <summary>
/// The operator's walk (issue 27 point 5, decisions/0045: the admin pages are content-blind). Private markers are planted for
/// both partners of a couple, with first names no page should show; the operator (a member made an operator, with an
/// authenticator app on) walks every admin route in the registry, every account's own page and its confirm steps, and takes
/// each action on the marked member: no name and no marker in any status, header or body. The emails are shown, as the
/// admin page promises; names, anything written and anything chosen never. Admin routes added later (Operator*Routes.cs) are
/// walked without new test code.
/// </summary>
public abstract class OperatorWalkTests(RekindleFactory app)
{
    /// <summary>What the markers planted by <see cref="PrivateMarkers"/> and below look like in a response.</summary>
    private static readonly string[] Planted =
    [
        "Firstmarker",
        "Partnermarker",
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
        "MarkerAgent",
        "id=\"safety-note\"",
        "id=\"resting\"",
        "an individual counselor",
        "aria-pressed=\"true\"",
        "id=\"i-am-ready\"",
        "Showing lines for New Zealand",
        "value=\"NZ\" selected",
        "value=\"money\" checked",
    ];

    [Fact]
    public async Task The_operator_walks_every_admin_page_and_action_and_never_sees_a_name_or_a_marker()
    {
        var memberEmail = NewEmail("emailmarker");
        using var member = app.NewBrowser();
        member.Client.DefaultRequestHeaders.UserAgent.ParseAdd("MarkerAgent/1.0 (Windows)");
        await RegisterAsync(member, "Firstmarker", memberEmail);
        await ConfirmAsync(app, member, memberEmail);
        await SignInAsync(member, memberEmail);
        // Emails are shown on the admin pages, so the partner's must not carry their name (MemberAsync's would).
        var partnerEmail = NewEmail("two");
        using var partner = app.NewBrowser();
        await RegisterAsync(partner, "Partnermarker", partnerEmail);
        await ConfirmAsync(app, partner, partnerEmail);
        await SignInAsync(partner, partnerEmail);
        await JoinAsync(partner, await InviteAsync(member));
        foreach (var (browser, who) in new[] { (member, "one"), (partner, "two") })
        {
            var answered = await browser.SubmitAsync(
                await browser.GetAsync("/talk"),
                "daily",
                new Dictionary<string, string> { ["text"] = "Dailywalkmarker " + who, ["go"] = "answer" }
            );
            Assert.Contains("Dailywalkmarker " + who, answered.Html, StringComparison.Ordinal);
            await CheckInAsync(browser, "Checkinwalkmarker " + who, 6);
        }

        await PrivateMarkers.PlantAsync(app, member, partner);
        await EnableAuthenticatorAsync(app, partner);
        var memberId = await PracticeSeed.MemberIdAsync(app, memberEmail);
        var partnerId = await PracticeSeed.MemberIdAsync(app, partnerEmail);

        var admin = await AdminSeed.OperatorAsync(app, "Opal");
        using var _a = admin.Browser;
        var token = (await admin.Browser.GetAsync("/account/data")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Every admin route of the registry, as written, then each account's page and its confirm steps with real ids.
        var list = await WalkAsync(
            admin.Browser,
            token,
            RouteRegistry.Routes.Where(r => r.Key.StartsWith("/admin", StringComparison.Ordinal)).Select(r => (r.Key, r.Value))
        );
        Assert.Contains(HttpStatusCode.OK, list);
        var accounts = await admin.Browser.GetAsync("/admin/accounts");
        Assert.Contains(memberEmail, accounts.Text, StringComparison.Ordinal);
        Assert.Contains(partnerEmail, accounts.Text, StringComparison.Ordinal);
        var pages = accounts
            .Document.QuerySelectorAll("a[href^='/admin/accounts/']")
            .Select(a => a.GetAttribute("href")!)
            .SelectMany(p => new[] { p, p + "?step=disable", p + "?step=enable" })
            .ToList();
        Assert.True(pages.Count >= 9, $"only {pages.Count} account pages were found");
        await WalkAsync(admin.Browser, token, pages.Select(p => (p, new RouteRegistry.Call(Get: p))));

        // Each action on the marked member and the partner, and what each answer shows.
        var memberPage = $"/admin/accounts/{memberId}";
        var partnerPage = $"/admin/accounts/{partnerId}";
        var actions = new (string Path, string Handler, Dictionary<string, string>? Fields)[]
        {
            (memberPage + "?step=disable", "disable", null),
            (memberPage + "?step=enable", "enable", null),
            (partnerPage, "reset-second-step", null),
            (partnerPage, "reset-second-step", new() { ["checkedWithPerson"] = "true" }),
            ("/admin", "allow", new() { ["address"] = "@example.org" }),
            ("/admin", "registration", new() { ["mode"] = "Open" }),
        };
        foreach (var (path, handler, fields) in actions)
        {
            var call = new RouteRegistry.Call(Post: path, Fields: new Dictionary<string, string>(fields ?? []) { ["_handler"] = handler });
            var status = await WalkAsync(admin.Browser, token, [(path + " " + handler, call)]);
            Assert.Equal([HttpStatusCode.OK], status);
        }
    }

    /// <summary>Calls each route as the operator, following redirects, and searches every answer for markers.</summary>
    private static async Task<List<HttpStatusCode>> WalkAsync(
        TestBrowser browser,
        string token,
        IEnumerable<(string Route, RouteRegistry.Call Call)> routes
    )
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var (route, call) in routes)
        {
            using var request = new HttpRequestMessage(call.Get is null ? HttpMethod.Post : HttpMethod.Get, call.Get ?? call.Post);
            if (call.Get is null)
            {
                request.Content = new FormUrlEncodedContent([
                    new("__RequestVerificationToken", token),
                    .. call.Fields ?? new Dictionary<string, string>(),
                ]);
            }

            var response = await browser.Client.SendAsync(request);
            for (var hops = 0; ; hops++)
            {
                await AssertNoMarkerAsync(route, response);
                Assert.True((int)response.StatusCode < 500, $"{route} answered the operator {(int)response.StatusCode}");
                if ((int)response.StatusCode is < 300 or >= 400 || hops == 10)
                {
                    break;
                }

                var location = response.Headers.Location!;
                response.Dispose();
                response = await browser.Client.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            }

            statuses.Add(response.StatusCode);
            response.Dispose();
        }

        return statuses;
    }

    private static async Task AssertNoMarkerAsync(string route, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var headers = string.Join('\n', Lines(response.Headers).Concat(Lines(response.Content.Headers)));
        foreach (var marker in Planted)
        {
            foreach (var (part, text) in new[] { ("headers", headers), ("body", body) })
            {
                Assert.False(
                    text.Contains(marker, StringComparison.OrdinalIgnoreCase),
                    $"{route} showed the operator a name or a private marker ({marker}) in its {part}"
                );
            }
        }
    }

    private static IEnumerable<string> Lines(HttpHeaders headers) => headers.Select(h => h.Key + ": " + string.Join(", ", h.Value));
}

public sealed class OperatorWalkTestsOnSqlite(SqliteApp app) : OperatorWalkTests(app), IClassFixture<SqliteApp>;

public sealed class OperatorWalkTestsOnPostgres(PostgresApp app) : OperatorWalkTests(app), IClassFixture<PostgresApp>;
