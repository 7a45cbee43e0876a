using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;
using Rekindle.Web.Infrastructure.Security;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Practice;

/// <summary>An instance in practice mode whose professionals may sign in through a real OpenID Connect provider (started first,
/// since the instance's settings name its address).</summary>
public abstract class PracticeOidcApp(TestProvider provider) : IAsyncLifetime
{
    public TestOidcServer Provider { get; private set; } = default!;

    public RekindleFactory App { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Provider = await TestOidcServer.StartAsync();
        App = new RekindleFactory(provider, Provider.Settings());
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

public sealed class PracticeOidcSqliteApp() : PracticeOidcApp(TestProvider.Sqlite);

public sealed class PracticeOidcPostgresApp() : PracticeOidcApp(TestProvider.Postgres);

/// <summary>
/// Issue 26 point 1, decisions/0044 point 2: a professional signs in through the practice's own provider. The whole round trip
/// runs over HTTP: the app sends the browser to the provider (code flow, PKCE), the provider sends it back with a code, and the
/// app redeems the code at the provider's token endpoint over the back channel.
/// </summary>
public abstract class PracticeOidcTests(PracticeOidcApp fixture)
{
    private RekindleFactory App => fixture.App;

    private TestOidcServer Provider => fixture.Provider;

    [Fact]
    public async Task A_professional_is_linked_by_the_verified_email_the_first_time_and_by_the_stored_login_after()
    {
        var (id, email) = await ProfessionalAsync();
        var subject = NewSubject();

        using var visitor = App.NewBrowser();
        var login = await visitor.GetAsync("/account/login");
        Assert.Equal("Practice staff: sign in with Northside Counseling", login.TextOf("#practice-sign-in"));
        Assert.Equal(PracticeOidc.PagePath, login.Find("#practice-sign-in")!.GetAttribute("href"));
        Assert.Contains("form-action 'self';", Csp(login), StringComparison.Ordinal);

        var before = Provider.Requests.Count;
        var (browser, page, done) = await SignInThroughProviderAsync(new OidcPerson(subject, email, EmailVerified: true));
        using (browser)
        {
            // Only the sign-in page's forms may lead to the provider, the operator's own choice.
            Assert.Contains($"form-action 'self' {Provider.Authority.TrimEnd('/')};", Csp(page), StringComparison.Ordinal);
            Assert.Equal("/pro", done.Url.AbsolutePath);

            var steps = Provider.Requests.Skip(before).ToList();
            var authorize = Assert.Single(steps, s => s.StartsWith("GET /connect/authorize?", StringComparison.Ordinal));
            Assert.Contains("response_type=code", authorize, StringComparison.Ordinal);
            Assert.Contains("code_challenge_method=S256", authorize, StringComparison.Ordinal);
            // The code comes back in the address (the code flow's own default, so not named): no cross-site form post.
            Assert.DoesNotContain("response_mode", authorize, StringComparison.Ordinal);
            Assert.Single(steps, s => s == "POST /connect/token");
            Assert.Contains(Provider.Requests, s => s.StartsWith("GET /.well-known/openid-configuration", StringComparison.Ordinal));

            Assert.Equal([subject], await LoginsAsync(id));
            Assert.Equal(1, await OpenSessionsAsync(id));
            Assert.Contains(SecurityEventKind.SignedIn, await SecurityKindsAsync(id));
            var session = SessionOf(browser);
            Assert.NotNull(session);
            Assert.Equal(id.ToString(), session.FindFirstValue(ClaimTypes.NameIdentifier));
            Assert.Equal(PracticeOidc.Via, session.FindFirstValue(PracticeOidc.ViaClaim));
            Assert.NotNull(session.FindFirstValue(Sessions.ClaimType));
        }

        // The next time the stored login finds them, whatever the provider now says of the email.
        var (again, _, second) = await SignInThroughProviderAsync(
            new OidcPerson(subject, "someone.else@example.org", EmailVerified: false)
        );
        using (again)
        {
            Assert.Equal("/pro", second.Url.AbsolutePath);
            Assert.Equal(id.ToString(), SessionOf(again)!.FindFirstValue(ClaimTypes.NameIdentifier));
            Assert.Equal([subject], await LoginsAsync(id));
            Assert.Equal(2, await OpenSessionsAsync(id));
        }
    }

    [Fact]
    public async Task An_unverified_email_a_partners_email_an_unknown_email_and_a_second_login_are_refused_with_no_session()
    {
        var (id, email) = await ProfessionalAsync();

        // The provider did not verify the email: it proves nothing.
        await AssertRefusedAsync(new OidcPerson(NewSubject(), email, EmailVerified: false));
        Assert.Empty(await LoginsAsync(id));
        Assert.Equal(0, await OpenSessionsAsync(id));

        // A partner's account is never a professional's, whatever the provider says.
        var (partner, partnerEmail) = await MemberAsync(App, "Partner");
        partner.Dispose();
        var partnerId = await PracticeSeed.MemberIdAsync(App, partnerEmail);
        var partnerSessions = await OpenSessionsAsync(partnerId);
        await AssertRefusedAsync(new OidcPerson(NewSubject(), partnerEmail, EmailVerified: true));
        Assert.Empty(await LoginsAsync(partnerId));
        Assert.Equal(partnerSessions, await OpenSessionsAsync(partnerId));

        // Someone the practice never made an account for: no account is made.
        var stranger = NewEmail("stranger");
        await AssertRefusedAsync(new OidcPerson(NewSubject(), stranger, EmailVerified: true));
        Assert.Equal(0, await App.WithDbAsync(db => db.Users.CountAsync(u => u.Email == stranger)));

        // Once linked, another person at the provider with the same email does not take the account over.
        var subject = NewSubject();
        var (linked, _, done) = await SignInThroughProviderAsync(new OidcPerson(subject, email, EmailVerified: true));
        linked.Dispose();
        Assert.Equal("/pro", done.Url.AbsolutePath);
        await AssertRefusedAsync(new OidcPerson(NewSubject(), email, EmailVerified: true));
        Assert.Equal([subject], await LoginsAsync(id));
        Assert.Equal(1, await OpenSessionsAsync(id));
    }

    [Fact]
    public async Task A_sign_in_the_provider_does_not_finish_comes_back_to_a_plain_try_again()
    {
        var (browser, _, page) = await SignInThroughProviderAsync(null);
        using (browser)
        {
            Assert.Equal(PracticeOidc.PagePath, page.Url.AbsolutePath);
            Assert.NotNull(page.Find("#failed"));
            Assert.Null(SessionOf(browser));
        }
    }

    private async Task AssertRefusedAsync(OidcPerson person)
    {
        var (browser, _, page) = await SignInThroughProviderAsync(person);
        using (browser)
        {
            Assert.Equal(PracticeOidc.PagePath, page.Url.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Contains("This sign-in is for the practice's professionals", page.TextOf("#refused"), StringComparison.Ordinal);
            Assert.Null(SessionOf(browser));
        }
    }

    /// <summary>Opens the practice sign-in page, presses its button, and follows the round trip through the provider.</summary>
    private async Task<(TestBrowser Browser, Page SignInPage, Page Done)> SignInThroughProviderAsync(OidcPerson? person)
    {
        // The provider's tokens carry the real time; the app's clock catches up with it (it only moves forward).
        var now = TimeProvider.System.GetUtcNow();
        if (now > App.Clock.GetUtcNow())
        {
            App.Clock.SetUtcNow(now);
        }

        Provider.SignedIn = person;
        var browser = Provider.NewBrowser(App);
        var page = await browser.GetAsync(PracticeOidc.PagePath);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Sign in with Northside Counseling", page.TextOf("form[action='/pro/sign-in/start'] button"));
        return (browser, page, await browser.SubmitAsync(page, PracticeOidc.StartPath));
    }

    private async Task<(Guid Id, string Email)> ProfessionalAsync()
    {
        var email = NewEmail("pro");
        using var scope = App.Services.CreateScope();
        var created = await scope
            .ServiceProvider.GetRequiredService<CreateProfessional>()
            .HandleAsync(new CreateProfessionalInput(email, "Dana", PracticeAdmin: false));
        return (created.Value!.Id, email);
    }

    private static string NewSubject() => "person-" + Guid.NewGuid().ToString("N");

    private static string Csp(Page page) => page.Response.Headers.GetValues("Content-Security-Policy").Single();

    private Task<List<string>> LoginsAsync(Guid memberId) =>
        App.WithDbAsync(db =>
            db.Set<IdentityUserLogin<Guid>>()
                .Where(l => l.UserId == memberId && l.LoginProvider == PracticeOidc.Scheme)
                .Select(l => l.ProviderKey)
                .ToListAsync()
        );

    private Task<int> OpenSessionsAsync(Guid memberId) =>
        App.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == memberId && s.EndedAt == null));

    private Task<List<SecurityEventKind>> SecurityKindsAsync(Guid memberId) =>
        App.WithDbAsync(db => db.SecurityEvents.Where(e => e.MemberId == memberId).Select(e => e.Kind).ToListAsync());

    /// <summary>The signed-in session the browser holds, read as the app reads its cookie; null when it holds none.</summary>
    private ClaimsPrincipal? SessionOf(TestBrowser browser)
    {
        var name = App.Services.GetRequiredService<CookieNames>().Session;
        if (browser.Cookies.GetCookies(new Uri("https://localhost"))[name] is not { } cookie || cookie.Expired || cookie.Value.Length == 0)
        {
            return null;
        }

        var options = App
            .Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        return options.TicketDataFormat.Unprotect(cookie.Value)?.Principal;
    }
}

public sealed class PracticeOidcTestsOnSqlite(PracticeOidcSqliteApp app) : PracticeOidcTests(app), IClassFixture<PracticeOidcSqliteApp>;

public sealed class PracticeOidcTestsOnPostgres(PracticeOidcPostgresApp app)
    : PracticeOidcTests(app),
        IClassFixture<PracticeOidcPostgresApp>;

/// <summary>Where the practice sign-in does not exist, and settings that stop the start.</summary>
public sealed class PracticeOidcSettingsTests
{
    public static TheoryData<bool, bool> Missing => new() { { false, true }, { true, false } };

    [Theory]
    [MemberData(nameof(Missing))]
    public async Task Without_practice_mode_or_without_a_provider_there_is_no_practice_sign_in(bool practice, bool provider)
    {
        var settings = new Dictionary<string, string?> { ["Practice:Enabled"] = practice ? "true" : "false" };
        if (provider)
        {
            settings["Practice:Oidc:Authority"] = "https://login.example.org/";
            settings["Practice:Oidc:ClientId"] = "rekindle";
            settings["Practice:Oidc:DisplayName"] = "Northside Counseling";
        }

        await using var app = new RekindleFactory(TestProvider.Sqlite, settings);
        using var visitor = app.NewBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(PracticeOidc.PagePath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(PracticeOidc.DonePath)).Status);
        var login = await visitor.GetAsync("/account/login");
        Assert.Null(login.Find("#practice-sign-in"));
        Assert.DoesNotContain("Practice staff", login.Text, StringComparison.Ordinal);
        var antiforgery = login.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await visitor.PostAsync(PracticeOidc.StartPath, [new("__RequestVerificationToken", antiforgery)]);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    [Theory]
    [InlineData(
        "https://login.example.org/",
        "",
        "",
        "Practice:Oidc needs Authority, ClientId and DisplayName together, or none of its settings; missing: Practice:Oidc:ClientId, Practice:Oidc:DisplayName."
    )]
    [InlineData("http://login.example.org/", "rekindle", "Northside", "plain http is allowed only for this machine")]
    [InlineData("login.example.org", "rekindle", "Northside", "Practice:Oidc:Authority must be an absolute https:// address")]
    [InlineData("https://login.example.org/?tenant=x", "rekindle", "Northside", "without a query, a fragment or a user name")]
    public async Task A_wrong_provider_setting_stops_the_start_with_one_clear_line(
        string authority,
        string clientId,
        string displayName,
        string expected
    )
    {
        var settings = PracticeSeed.On();
        settings["Practice:Oidc:Authority"] = authority;
        settings["Practice:Oidc:ClientId"] = clientId;
        settings["Practice:Oidc:DisplayName"] = displayName;
        await using var wrong = new RekindleFactory(TestProvider.Sqlite, settings);
        wrong.AssertStartRefused(expected);
    }
}
