using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Trust;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Practice;

public sealed class PracticeAccountsSqliteApp() : RekindleFactory(TestProvider.Sqlite, PracticeSeed.On());

public sealed class PracticeAccountsPostgresApp() : RekindleFactory(TestProvider.Postgres, PracticeSeed.On());

/// <summary>
/// Professionals' accounts in practice mode (issue 26, point 1; decisions/0044): one guard keeps a professional out of every
/// partner page and API route and a partner out of every professional one; a professional signed in with a password sets up
/// an authenticator app before anything else opens; the practice admin sees the professionals and their counts, never a couple.
/// </summary>
public abstract class PracticeAccountsTests(RekindleFactory app)
{
    /// <summary>What a professional may open besides their own pages (the guard's list, written out as the promise).</summary>
    private static readonly string[] OpenToProfessionals =
    [
        "/account/security",
        "/account/activity",
        "/account/authenticator",
        "/account/change-password",
        "/account/confirm-password",
        "/account/logout",
        "/account/passkey",
        "/account/login",
        "/account/login-2fa",
        "/account/login-recovery",
        "/account/forgot-password",
        "/account/reset-password",
        "/account/check-email",
        "/account/confirm-email",
        "/account/resend-confirmation",
        "/account/locked",
        "/email/stop",
        "/openapi",
        "/exit",
        "/safety",
        "/about",
        "/sw.js",
        "/offline",
        "/error",
        "/healthz",
        "/.well-known",
        "/_framework",
        "/pro",
        "/practice",
        // The admin pages (decisions/0045): an operator may be a counselor too; to anyone else they answer 404.
        "/admin",
        "/api/v1/auth",
        "/api/v1/me/language",
        "/api/v1/professional",
    ];

    private static bool OpenToThem(string path) =>
        OpenToProfessionals.Any(p =>
            path == p || path.StartsWith(p + "/", StringComparison.Ordinal) || path.StartsWith(p + "?", StringComparison.Ordinal)
        );

    /// <summary>A professional's account with a password and no authenticator yet, as the operator's command leaves it.</summary>
    private async Task<string> BareProfessionalAsync(string name = "Noor")
    {
        var email = NewEmail("bare-pro");
        using var scope = app.Services.CreateScope();
        var created = await scope
            .ServiceProvider.GetRequiredService<CreateProfessional>()
            .HandleAsync(new CreateProfessionalInput(email, name, PracticeAdmin: false));
        Assert.True(
            (await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().AddPasswordAsync(created.Value!, GoodPassword)).Succeeded
        );
        return email;
    }

    private async Task<ApiClient> ProfessionalApiAsync(Professional pro)
    {
        // The sign-in that turned the authenticator on used this time step's code; each code works once.
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        return await ApiClient.SignInAsync(app, pro.Email, code: Totp.Code(pro.AuthenticatorKey, Totp.StepAt(app.Clock.GetUtcNow())));
    }

    [Fact]
    public async Task A_professional_opening_any_partner_page_lands_on_pro_and_never_gets_a_couple_space()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        foreach (var path in new[] { "/", "/couple", "/join?code=ABCD-EFGH", "/program", "/support", "/talk", "/account/register" })
        {
            Assert.Equal("/pro", (await pro.Browser.GetAsync(path)).Url.AbsolutePath);
        }

        // Every page of the app, walked: a partner page sends them to /pro; their account, the ways out and their own pages open.
        foreach (var (route, call) in RouteRegistry.Routes.Where(r => r.Value.Get is not null && !r.Value.EndsSession))
        {
            // A missing static file is a bare 404 whoever asks.
            if (call.Get!.StartsWith("/api/", StringComparison.Ordinal) || OpenToThem(call.Get) || route == "/{**path:file}")
            {
                continue;
            }

            var page = await pro.Browser.GetAsync(call.Get);
            Assert.True(page.Url.AbsolutePath == "/pro", $"{route} showed {page.Url.AbsolutePath} ({(int)page.Status}) to a professional");
        }

        foreach (var path in new[] { "/account/security", "/account/activity", "/safety", "/about" })
        {
            var page = await pro.Browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal(path, page.Url.AbsolutePath);
        }

        // Starting a couple space or joining one by a form post is sent away too, and nothing is made.
        var token = (await pro.Browser.GetAsync("/account/security"))
            .Find("input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        var posted = await pro.Browser.PostAsync("/couple", [new("__RequestVerificationToken", token), new("_handler", "invite")]);
        Assert.Equal("/pro", posted.Url.AbsolutePath);
        var (inviter, _) = await MemberAsync(app, "Inez");
        var code = await InviteAsync(inviter);
        Assert.Equal("/pro", (await JoinAsync(pro.Browser, code)).Url.AbsolutePath);
        Assert.Equal(0, await app.WithDbAsync(db => db.CoupleMembers.CountAsync(m => m.MemberId == pro.Id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.CoupleInvites.CountAsync(i => i.CreatedByMemberId == pro.Id)));
    }

    [Fact]
    public async Task A_professionals_token_gets_404_from_every_partner_api_route()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Ellis");
        using var api = await ProfessionalApiAsync(pro);
        var walked = 0;
        foreach (var (route, call) in RouteRegistry.Routes.Where(r => r.Key.StartsWith("/api/v1/", StringComparison.Ordinal)))
        {
            var url = call.Get ?? call.Post!;
            if (OpenToThem(url))
            {
                continue;
            }

            var response = call.Get is not null
                ? await api.GetAsync(url)
                : await api.SendJsonAsync(new HttpMethod(call.Method ?? "POST"), url, call.Json ?? "{}");
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{route} answered {(int)response.Status} to a professional's token");
            walked++;
        }

        Assert.True(walked > 50, "the walk reached the partner API");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me/language")).Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.CoupleMembers.CountAsync(m => m.MemberId == pro.Id)));
    }

    [Fact]
    public async Task A_partner_gets_404_from_professional_pages_and_routes()
    {
        var (partner, email) = await MemberAsync(app, "Farah");
        foreach (var path in new[] { "/pro", "/pro/codes", "/practice" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(path)).Status);
        }

        using var api = await ApiClient.SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/professional/connections")).Status);

        // A professional who is not the practice admin is no different at /practice.
        var pro = await PracticeSeed.ProfessionalAsync(app, "Gale");
        Assert.Equal(HttpStatusCode.NotFound, (await pro.Browser.GetAsync("/practice")).Status);
    }

    [Fact]
    public async Task A_professional_signed_in_with_a_password_sets_up_an_authenticator_before_anything_else_opens()
    {
        var email = await BareProfessionalAsync();
        using var browser = app.NewBrowser();
        var landed = await SignInAsync(browser, email);
        Assert.Equal("/account/authenticator", landed.Url.AbsolutePath);
        Assert.Equal("Your practice needs a second step at sign-in.", landed.TextOf("#second-step-required"));
        Assert.Null(landed.Find("main a[href='/account/security']"));
        foreach (var path in new[] { "/", "/pro", "/account/security", "/account/activity", "/couple" })
        {
            Assert.Equal("/account/authenticator", (await browser.GetAsync(path)).Url.AbsolutePath);
        }

        // The practice admin's page is not theirs at all.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/practice")).Status);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/safety")).Status);
        using (var api = await ApiClient.SignInAsync(app, email))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/me/language")).Status);
        }

        await EnableAuthenticatorAsync(app, browser);
        var security = await browser.GetAsync("/account/security");
        Assert.Equal(HttpStatusCode.OK, security.Status);
        Assert.Equal("/account/security", security.Url.AbsolutePath);
        Assert.Equal("/pro", (await browser.GetAsync("/")).Url.AbsolutePath);

        // A member's own authenticator page says nothing of a practice.
        var (member, _) = await MemberAsync(app, "Hana");
        var own = await member.GetAsync("/account/authenticator");
        Assert.Null(own.Find("#second-step-required"));
        Assert.NotNull(own.Find("main a[href='/account/security']"));
    }

    [Fact]
    public void A_session_from_the_practices_own_sign_in_is_not_asked_for_a_second_step()
    {
        static ClaimsPrincipal Professional(params Claim[] extra) =>
            new(
                new ClaimsIdentity(
                    [
                        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
                        new Claim(Sessions.RoleClaimType, nameof(MemberRole.Professional)),
                        new Claim(Sessions.SecondFactorClaimType, "off"),
                        .. extra,
                    ],
                    "test"
                )
            );

        Assert.True(ProfessionalGuard.NeedsSecondStep(Professional()));
        Assert.False(ProfessionalGuard.NeedsSecondStep(Professional(new Claim(PracticeOidc.ViaClaim, PracticeOidc.Via))));
        // Identity's refresh of a sign-in (after a password change, say) keeps only the amr claim: still the provider's session.
        Assert.False(ProfessionalGuard.NeedsSecondStep(Professional(new Claim(ClaimTypes.AuthenticationMethod, PracticeOidc.Via))));
        Assert.False(ProfessionalGuard.NeedsSecondStep(new ClaimsPrincipal(new ClaimsIdentity([], "test"))));
    }

    [Fact]
    public async Task The_practice_admin_sees_each_professional_and_their_active_connections_and_nothing_of_a_couple()
    {
        var admin = await PracticeSeed.ProfessionalAsync(app, "Avery", practiceAdmin: true);
        var pro = await PracticeSeed.ProfessionalAsync(app, "Blake");
        var (zephyrina, zephyrinaEmail) = await MemberAsync(app, "Zephyrina");
        var (quillon, quillonEmail) = await MemberAsync(app, "Quillon");
        await JoinAsync(quillon, await InviteAsync(zephyrina));
        var z = await PracticeSeed.MemberIdAsync(app, zephyrinaEmail);
        var q = await PracticeSeed.MemberIdAsync(app, quillonEmail);
        await PracticeSeed.ConnectAsync(app, pro.Id, (z, ConnectionScopes.All), (q, ConnectionScopes.All));
        var ended = await PracticeSeed.ConnectAsync(app, pro.Id, (z, ConnectionScopes.All));
        await app.WithDbAsync(db =>
            db.ProfessionalConnections.Where(c => c.Id == ended).ExecuteUpdateAsync(c => c.SetProperty(x => x.State, ConnectionState.Ended))
        );

        var page = await admin.Browser.GetAsync("/practice");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        // Their menu leads to their own pages, not to a couple space.
        Assert.NotNull(page.Find("nav a[href='/practice']"));
        Assert.NotNull(page.Find("nav a[href='/pro']"));
        Assert.Null(page.Find("nav a[href='/couple']"));
        Assert.Null((await pro.Browser.GetAsync("/account/security")).Find("nav a[href='/practice']"));
        var blake = page
            .Document.QuerySelectorAll("#professionals li")
            .Single(li => li.TextContent.Contains(pro.Email, StringComparison.Ordinal));
        Assert.Contains("Blake", blake.TextContent, StringComparison.Ordinal);
        Assert.Equal("Active connections: 1", blake.QuerySelector(".connections")!.TextContent.Trim());
        Assert.Null(blake.QuerySelector(".badge"));
        var avery = page
            .Document.QuerySelectorAll("#professionals li")
            .Single(li => li.TextContent.Contains(admin.Email, StringComparison.Ordinal));
        Assert.Equal("practice admin", avery.QuerySelector(".badge")!.TextContent.Trim());
        Assert.Equal("Active connections: 0", avery.QuerySelector(".connections")!.TextContent.Trim());
        foreach (var secret in new[] { "Zephyrina", "Quillon", zephyrinaEmail, quillonEmail })
        {
            Assert.DoesNotContain(secret, page.Html, StringComparison.OrdinalIgnoreCase);
        }

        // Members never see a list of professionals.
        foreach (var path in new[] { "/", "/couple", "/support", "/account/security" })
        {
            var seen = await zephyrina.GetAsync(path);
            Assert.DoesNotContain(pro.Email, seen.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Blake", seen.Html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_command_line_adds_lists_and_removes_professionals_with_clear_errors()
    {
        var email = NewEmail("cli-pro");
        var (code, output, error) = await RunAsync("professional", "add", email, "Rowan");
        Assert.True(code == 0, error);
        Assert.Contains($"Added {email} as a professional", output, StringComparison.Ordinal);

        // The email leads to choosing a first password, then to the second step.
        var welcome = await app.Mail.WaitForAsync(email, "Your practice account on Rekindle");
        Assert.DoesNotContain("partner", welcome.TextBody, StringComparison.OrdinalIgnoreCase);
        using var browser = app.NewBrowser();
        var choose = await browser.GetAsync(TestMailbox.LinkIn(welcome, "/account/reset-password"));
        Assert.Equal("Choose your password", choose.TextOf("h1"));
        var set = await browser.SubmitAsync(
            choose,
            "reset-password",
            new Dictionary<string, string> { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword }
        );
        Assert.Equal("Your password is set", set.TextOf("h1"));
        Assert.Contains("your practice needs a second step", set.TextOf("#first-password"), StringComparison.Ordinal);
        Assert.Equal("/account/authenticator", (await SignInAsync(browser, email)).Url.AbsolutePath);

        Assert.Equal((1, "An account with this email already exists."), await FailureAsync("professional", "add", email, "Rowan"));
        Assert.Equal(1, (await FailureAsync("professional", "add", "not-an-email", "Rowan")).Code);
        Assert.Equal(1, (await FailureAsync("professional", "add", NewEmail("x"), "")).Code);
        Assert.Equal(2, (await FailureAsync("professional", "add", email)).Code);
        Assert.Equal(2, (await FailureAsync("professional", "add", email, "Rowan", "--boss")).Code);
        Assert.Equal(2, (await FailureAsync("professional")).Code);

        var adminEmail = NewEmail("cli-admin");
        Assert.Equal(0, (await RunAsync("professional", "add", adminEmail, "Sky", "--admin")).Code);
        var id = await PracticeSeed.MemberIdAsync(app, email);
        var (member, memberEmail) = await MemberAsync(app, "Tamsin");
        var (partner, _) = await MemberAsync(app, "Umar");
        await JoinAsync(partner, await InviteAsync(member));
        var memberId = await PracticeSeed.MemberIdAsync(app, memberEmail);
        await PracticeSeed.ConnectAsync(app, id, (memberId, ConnectionScopes.All));

        var list = await RunAsync("professional", "list");
        Assert.Equal(0, list.Code);
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("email\trole\tactive connections", lines[0]);
        Assert.Contains($"{email}\tprofessional\t1", lines);
        Assert.Contains($"{adminEmail}\tpractice admin\t0", lines);
        Assert.DoesNotContain(memberEmail, list.Output, StringComparison.Ordinal);

        // Removing: the account and its connections go; a partner's account is never removed this way.
        Assert.Equal((1, "There is no professional's account with this email."), await FailureAsync("professional", "remove", memberEmail));
        Assert.Equal(1, await CountMembersAsync(app, memberEmail));
        var removed = await RunAsync("professional", "remove", email);
        Assert.True(removed.Code == 0, removed.Error);
        Assert.Equal(0, await CountMembersAsync(app, email));
        Assert.Equal(0, await app.WithDbAsync(db => db.ProfessionalConnections.CountAsync(c => c.ProfessionalId == id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ConnectionConsents.CountAsync(c => c.MemberId == memberId)));
        Assert.Equal((1, "There is no professional's account with this email."), await FailureAsync("professional", "remove", email));
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/")).Status);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var scope = app.Services.CreateScope();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await PracticeAccountsCommands.RunAsync(scope.ServiceProvider, args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private async Task<(int Code, string Error)> FailureAsync(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.Equal("", output);
        var line = error.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', line);
        return (code, line);
    }
}

public sealed class PracticeAccountsTestsOnSqlite(PracticeAccountsSqliteApp app)
    : PracticeAccountsTests(app),
        IClassFixture<PracticeAccountsSqliteApp>;

public sealed class PracticeAccountsTestsOnPostgres(PracticeAccountsPostgresApp app)
    : PracticeAccountsTests(app),
        IClassFixture<PracticeAccountsPostgresApp>;
