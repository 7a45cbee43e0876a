using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Trust;

/// <summary>
/// docs/TRUST.md T1 and T2 over every route the app has. Routes are discovered from the app's own
/// endpoint list; each must have an entry below saying how a partner and another couple call it.
/// A new route without one fails this suite, so no page can be added without being walked.
/// </summary>
public abstract class RouteWalkTests(RekindleFactory app)
{
    private List<string> Discovered() =>
        app
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();

    [Fact]
    public void Every_route_the_app_serves_has_an_entry_in_the_suite()
    {
        var discovered = Discovered();
        Assert.NotEmpty(discovered);
        var missing = discovered.Where(r => !RouteRegistry.Routes.ContainsKey(r)).ToList();
        Assert.True(
            missing.Count == 0,
            "Routes missing from the adversarial suite; add each to its area's <Area>Routes.cs: " + string.Join(", ", missing)
        );
    }

    [Fact]
    public void Every_entry_in_the_suite_is_a_route_the_app_serves()
    {
        var discovered = Discovered().ToHashSet(StringComparer.Ordinal);
        var stale = RouteRegistry.Routes.Keys.Where(r => !discovered.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "Entries for routes the app does not map; fix them in <Area>Routes.cs: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task The_partner_and_another_couple_never_see_a_members_private_markers()
    {
        // Couple one: the member plants markers in what is theirs alone (their email, their device).
        var memberEmail = $"emailmarker-{Guid.NewGuid():N}@example.org";
        using var member = app.NewBrowser();
        member.Client.DefaultRequestHeaders.UserAgent.ParseAdd("MarkerAgent/1.0 (Windows)");
        await RegisterAsync(member, "Firstmarker", memberEmail);
        await ConfirmAsync(app, member, memberEmail);
        await SignInAsync(member, memberEmail, "a wrong password leaves a log entry");
        await SignInAsync(member, memberEmail);
        var (partner, partnerEmail) = await MemberAsync(app, "Partner");
        await JoinAsync(partner, await InviteAsync(member));

        await PrivateMarkers.PlantAsync(app, member, partner);

        // Couple two, strangers to couple one.
        var (stranger, _) = await MemberAsync(app, "Stranger");
        var (strangersPartner, _) = await MemberAsync(app, "Other");
        await JoinAsync(strangersPartner, await InviteAsync(stranger));

        // Safety routing and wellbeing are never shown to the partner, not even that they exist.
        var neverForPartner = new[]
        {
            memberEmail,
            "emailmarker",
            "id=\"safety-note\"",
            "id=\"resting\"",
            "an individual counselor",
            "value=\"g001|love\" class=\"chip\" aria-pressed=\"true\"",
            "value=\"g002|no\" class=\"chip\" aria-pressed=\"true\"",
            "id=\"hint-g002\"",
            "Selfcarewalkmarker",
            "Touchwalkmarker",
            "value=\"i002|limit\" class=\"chip\" aria-pressed=\"true\"",
            "id=\"i-am-ready\"",
            "id=\"kept-away\"",
            "Repairwalkmarker",
            "Grudgewalkmarker",
            "Grudgecostmarker",
            "Showing lines for New Zealand",
            "value=\"NZ\" selected",
            "value=\"money\" checked",
        };
        var neverForStranger = new[]
        {
            memberEmail,
            "emailmarker",
            "Firstmarker",
            "Ownquestionwalkmarker",
            "value=\"money\" checked",
            "id=\"map\"",
            "Notemarker",
            "id=\"hint-g001\"",
            "Selfcarewalkmarker",
            "Touchwalkmarker",
            "Repairtitlemarker",
            "Repairwalkmarker",
            "Grudgewalkmarker",
        };
        await WalkAsync(partner, neverForPartner);
        await WalkAsync(stranger, neverForStranger);

        // Nor in any email the partner or the stranger received.
        foreach (var message in app.Mail.All.Where(m => m.To.Mailboxes.Any(a => a.Address != memberEmail)))
        {
            var text = message.TextBody + message.HtmlBody;
            Assert.DoesNotContain("emailmarker", text, StringComparison.OrdinalIgnoreCase);
        }

        _ = partnerEmail;
    }

    private async Task WalkAsync(TestBrowser browser, string[] markers)
    {
        var token = (await browser.GetAsync("/account/data")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (
            var (route, call) in RouteRegistry
                .Routes.Where(r => !r.Value.EndsSession)
                .Concat(RouteRegistry.Routes.Where(r => r.Value.EndsSession))
        )
        {
            Page page;
            if (call.Get is not null)
            {
                page = await browser.GetAsync(call.Get);
            }
            else
            {
                var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
                fields.AddRange(call.Fields ?? new Dictionary<string, string>());
                page = await browser.PostAsync(call.Post!, fields);
            }

            Assert.True((int)page.Status < 500, $"{route} answered {(int)page.Status}");
            foreach (var marker in markers)
            {
                Assert.False(
                    page.Html.Contains(marker, StringComparison.OrdinalIgnoreCase),
                    $"{route} showed a private marker of another member"
                );
            }
        }
    }
}

public sealed class RouteWalkTestsOnSqlite(SqliteApp app) : RouteWalkTests(app), IClassFixture<SqliteApp>;

public sealed class RouteWalkTestsOnPostgres(PostgresApp app) : RouteWalkTests(app), IClassFixture<PostgresApp>;
