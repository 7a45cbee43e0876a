using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Trust;

/// <summary>
/// TRUST.md T1 and T2 over every route the app has. Routes are discovered from the app's own
/// endpoint list; each must have an entry below saying how a partner and another couple call it.
/// A new route without one fails this suite, so no page can be added without being walked.
/// </summary>
public abstract class RouteWalkTests(RekindleFactory app)
{
    /// <summary>How to call a route: a GET path to walk, or a POST with form fields (antiforgery added).</summary>
    private sealed record Call(string? Get = null, string? Post = null, IReadOnlyDictionary<string, string>? Fields = null, bool EndsSession = false);

    private static readonly Dictionary<string, Call> Routes = new()
    {
        ["/"] = new(Get: "/"),
        ["/couple"] = new(Get: "/couple"),
        ["/join"] = new(Get: "/join?code=ABCD-EFGH"),
        ["/error"] = new(Get: "/error"),
        ["/error/{Status:int}"] = new(Get: "/error/404"),
        ["/healthz"] = new(Get: "/healthz"),
        ["/.well-known/security.txt"] = new(Get: "/.well-known/security.txt"),
        ["/account/activity"] = new(Get: "/account/activity"),
        ["/account/authenticator"] = new(Get: "/account/authenticator"),
        ["/account/change-password"] = new(Get: "/account/change-password"),
        ["/account/check-email"] = new(Get: "/account/check-email"),
        ["/account/confirm-email"] = new(Get: "/account/confirm-email"),
        ["/account/confirm-password"] = new(Get: "/account/confirm-password"),
        ["/account/data"] = new(Get: "/account/data"),
        ["/account/delete"] = new(Get: "/account/delete"),
        ["/account/deleted"] = new(Get: "/account/deleted"),
        ["/account/forgot-password"] = new(Get: "/account/forgot-password"),
        ["/account/locked"] = new(Get: "/account/locked"),
        ["/account/login"] = new(Get: "/account/login"),
        ["/account/login-2fa"] = new(Get: "/account/login-2fa"),
        ["/account/login-recovery"] = new(Get: "/account/login-recovery"),
        ["/account/register"] = new(Get: "/account/register"),
        ["/account/resend-confirmation"] = new(Get: "/account/resend-confirmation"),
        ["/account/reset-password"] = new(Get: "/account/reset-password"),
        ["/account/security"] = new(Get: "/account/security"),
        ["/account/export/{format}"] = new(Post: "/account/export/json"),
        ["/account/passkey/creation-options"] = new(Post: "/account/passkey/creation-options"),
        ["/account/passkey/request-options"] = new(Post: "/account/passkey/request-options"),
        ["/account/passkey/sign-in"] = new(Post: "/account/passkey/sign-in", Fields: new Dictionary<string, string> { ["credential"] = "{}" }),
        ["/account/logout"] = new(Post: "/account/logout", EndsSession: true),
        ["/exit"] = new(Get: "/exit", EndsSession: true),

        // The framework's own: static files that don't exist, and Blazor's redirect helper.
        ["/{**path:file}"] = new(Get: "/no-such-file.css"),
        ["/_framework/opaque-redirect"] = new(Get: "/_framework/opaque-redirect"),
    };

    [Fact]
    public void Every_route_the_app_serves_has_an_entry_in_the_suite()
    {
        var discovered = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.NotEmpty(discovered);
        var missing = discovered.Where(r => !Routes.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0,
            "These routes are not in the adversarial suite; add each to RouteWalkTests.Routes with how to call it: " + string.Join(", ", missing));
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

        // Couple two, strangers to couple one.
        var (stranger, _) = await MemberAsync(app, "Stranger");
        var (strangersPartner, _) = await MemberAsync(app, "Other");
        await JoinAsync(strangersPartner, await InviteAsync(stranger));

        var neverForPartner = new[] { memberEmail, "emailmarker" };
        var neverForStranger = new[] { memberEmail, "emailmarker", "Firstmarker" };
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
        foreach (var (route, call) in Routes.Where(r => !r.Value.EndsSession).Concat(Routes.Where(r => r.Value.EndsSession)))
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
                Assert.False(page.Html.Contains(marker, StringComparison.OrdinalIgnoreCase), $"{route} showed a private marker of another member");
            }
        }
    }
}

public sealed class RouteWalkTestsOnSqlite(SqliteApp app) : RouteWalkTests(app), IClassFixture<SqliteApp>;

public sealed class RouteWalkTestsOnPostgres(PostgresApp app) : RouteWalkTests(app), IClassFixture<PostgresApp>;
