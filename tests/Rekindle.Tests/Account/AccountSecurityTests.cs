using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Account;

/// <summary>
/// Issue 22 (decisions/0025): other sessions end after a password change (by choice), a reset and a change
/// of second factor (docs/TRUST.md T12); a paused account answers like an unknown email (T4); password fields
/// are never rendered back; opening the authenticator page changes nothing.
/// </summary>
public abstract partial class AccountSecurityTests(RekindleFactory app)
{
    private const string NewPassword = "a brand new passphrase";

    private async Task<(TestBrowser First, TestBrowser Second, ApiClient Api, string Email)> ThreeSessionsAsync(string name)
    {
        var (first, email) = await MemberAsync(app, name);
        var second = app.NewBrowser();
        Assert.Contains($"Hello, {name}", (await SignInAsync(second, email)).Text, StringComparison.Ordinal);
        var api = await ApiClient.SignInAsync(app, email);
        return (first, second, api, email);
    }

    private static async Task AssertSignedOutAsync(TestBrowser browser, ApiClient api)
    {
        Assert.Equal("/account/login", (await browser.GetAsync("/couple")).Url.AbsolutePath);

        // Sessions are checked on every request, so the access token stops at once, not after its 15 minutes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).Status);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken })).Status
        );
    }

    private static async Task AssertSignedInAsync(TestBrowser browser, string name) =>
        Assert.Contains($"Hello, {name}", (await browser.GetAsync("/")).Text, StringComparison.Ordinal);

    private static Task<Page> ChangePasswordAsync(TestBrowser browser, Page form, bool? signOutOthers = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Current"] = GoodPassword,
            ["Input.Password"] = NewPassword,
            ["Input.ConfirmPassword"] = NewPassword,
        };
        if (signOutOthers == false)
        {
            // An unticked box posts nothing: take it out of what the form sends.
            form.Find("#sign-out-others")!.RemoveAttribute("checked");
        }

        return browser.SubmitAsync(form, "change-password", fields);
    }

    [Fact]
    public async Task A_password_change_signs_out_the_other_browser_and_the_API_client_by_default()
    {
        var (first, second, api, _) = await ThreeSessionsAsync("Ama");
        using var _s = second;
        using var _a = api;
        var form = await first.GetAsync("/account/change-password");
        Assert.True(form.Find("#sign-out-others")!.HasAttribute("checked"));
        Assert.Contains("Sign out my other devices", form.Text, StringComparison.Ordinal);

        var done = await ChangePasswordAsync(first, form);
        Assert.Contains("Your password is changed", done.Text, StringComparison.Ordinal);
        Assert.Contains("We signed you out on your other devices", done.TextOf("#other-devices"), StringComparison.Ordinal);

        await AssertSignedOutAsync(second, api);
        await AssertSignedInAsync(first, "Ama");
        var activity = await first.GetAsync("/account/activity");
        Assert.Contains("Signed out on your other devices", activity.Text, StringComparison.Ordinal);
        Assert.Single(activity.Document.QuerySelectorAll("#sessions li"));
        Assert.Empty(activity.Document.QuerySelectorAll("#sessions form"));
    }

    [Fact]
    public async Task Unticking_the_box_keeps_the_other_devices_signed_in_for_good()
    {
        var (first, second, api, _) = await ThreeSessionsAsync("Bex");
        using var _s = second;
        using var _a = api;
        var done = await ChangePasswordAsync(first, await first.GetAsync("/account/change-password"), signOutOthers: false);
        Assert.Contains("Your other devices stay signed in", done.TextOf("#other-devices"), StringComparison.Ordinal);

        // Past the half hour after which Identity used to check each cookie's security stamp again.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        await AssertSignedInAsync(second, "Bex");
        var renewed = await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
        api.Use(renewed.Json);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).Status);
    }

    [Fact]
    public async Task A_password_reset_signs_out_every_device_and_says_so()
    {
        var (first, second, api, email) = await ThreeSessionsAsync("Cas");
        using var _s = second;
        using var _a = api;
        using var third = app.NewBrowser();
        var forgot = await third.GetAsync("/account/forgot-password");
        await third.SubmitAsync(forgot, "forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = TestMailbox.LinkIn(await app.Mail.WaitForAsync(email, "Reset your Rekindle password"), "/account/reset-password");
        var done = await third.SubmitAsync(
            await third.GetAsync(link),
            "reset-password",
            new Dictionary<string, string> { ["Input.Password"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword }
        );
        Assert.Contains(
            "every device and app that was signed in to your account is signed out now",
            done.TextOf("#other-devices"),
            StringComparison.Ordinal
        );

        await AssertSignedOutAsync(second, api);
        Assert.Equal("/account/login", (await first.GetAsync("/couple")).Url.AbsolutePath);
    }

    [Fact]
    public async Task Turning_two_factor_on_and_off_signs_out_the_other_devices()
    {
        var (first, second, api, email) = await ThreeSessionsAsync("Dov");
        using var _s = second;
        using var _a = api;
        var (key, enabled) = await EnableAuthenticatorAsync(app, first);
        Assert.Contains("We signed you out on your other devices", enabled.TextOf("#other-devices"), StringComparison.Ordinal);
        await AssertSignedOutAsync(second, api);
        await AssertSignedInAsync(first, "Dov");

        // Both sign in again with codes; then turning it off ends them again.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var code = Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow()));
        await second.SubmitAsync(await SignInAsync(second, email), "login-2fa", new Dictionary<string, string> { ["Input.Code"] = code });
        await AssertSignedInAsync(second, "Dov");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        using var again = await ApiClient.SignInAsync(app, email, code: Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow())));

        var off = await first.SubmitAsync(await first.GetAsync("/account/security"), "disable-2fa");
        Assert.Contains("we signed you out on your other devices and apps", off.Text, StringComparison.Ordinal);
        await AssertSignedOutAsync(second, again);
        await AssertSignedInAsync(first, "Dov");
    }

    [Fact]
    public async Task Opening_the_authenticator_page_changes_nothing_and_the_set_up_starts_on_a_post()
    {
        var (browser, email) = await MemberAsync(app, "Eli");
        using var api = await ApiClient.SignInAsync(app, email);
        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var stamp = await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SecurityStamp).SingleAsync());

        var opened = await browser.GetAsync("/account/authenticator");
        await browser.GetAsync("/account/authenticator");
        Assert.Null(opened.Find("#authenticator-key"));
        Assert.Equal(stamp, await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.SecurityStamp).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.UserTokens.CountAsync(t => t.UserId == memberId)));

        // The API client's session is untouched: its refresh token still renews it.
        var renewed = await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, renewed.Status);
        api.Use(renewed.Json);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).Status);

        var started = await browser.SubmitAsync(opened, "start-authenticator");
        Assert.NotNull(started.Find("#authenticator-key"));
        Assert.StartsWith("data:image/svg+xml;base64,", started.Find("#authenticator-qr")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.UserTokens.CountAsync(t => t.UserId == memberId)));
    }

    [Fact]
    public async Task After_six_wrong_passwords_a_known_and_an_unknown_email_get_the_same_page_and_API_answer()
    {
        var (member, email) = await MemberAsync(app, "Fen");
        using var _m = member;
        var unknownEmail = NewEmail("nobody");
        using var knownBrowser = app.NewBrowser();
        using var unknownBrowser = app.NewBrowser();
        Page known = null!,
            unknown = null!;
        for (var i = 0; i < 6; i++)
        {
            known = await SignInAsync(knownBrowser, email, "wrong password here");
            unknown = await SignInAsync(unknownBrowser, unknownEmail, "wrong password here");
        }

        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
        AssertSamePage(known, email, unknown, unknownEmail);
        Assert.Contains("paused for a while", known.Text, StringComparison.Ordinal);

        // The right password while paused answers like any wrong one for an unknown email.
        AssertSamePage(
            await SignInAsync(knownBrowser, email),
            email,
            await SignInAsync(unknownBrowser, unknownEmail, GoodPassword),
            unknownEmail
        );

        using var api = ApiClient.For(app);
        ApiResponse knownApi = null!,
            unknownApi = null!;
        var otherUnknown = NewEmail("nobody");
        for (var i = 0; i < 6; i++)
        {
            knownApi = await api.PostAsync("/api/v1/auth/token", new { email, password = i == 5 ? GoodPassword : "wrong password here" });
            unknownApi = await api.PostAsync(
                "/api/v1/auth/token",
                new { email = otherUnknown, password = i == 5 ? GoodPassword : "wrong password here" }
            );
        }

        Assert.Equal(HttpStatusCode.BadRequest, knownApi.Status);
        Assert.Equal(unknownApi.Status, knownApi.Status);
        Assert.Equal(WithoutTraceId(unknownApi.Body), WithoutTraceId(knownApi.Body));
        Assert.DoesNotContain("locked", knownApi.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_member_is_told_by_email_once_a_day_that_signing_in_was_paused()
    {
        var (member, email) = await MemberAsync(app, "Gus");
        using var _m = member;
        using var browser = app.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(browser, email, "somebody guessing " + i);
        }

        // Paused again later the same day: still one email.
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(browser, email, "somebody guessing again " + i);
        }

        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(
            1,
            await app.WithDbAsync(db => db.Notices.CountAsync(n => n.MemberId == memberId && n.Kind == NoticeKind.SignInPaused))
        );
        for (
            var pass = 0;
            pass < 3 && await app.WithDbAsync(db => db.Notices.AnyAsync(n => n.MemberId == memberId && n.SentAt == null));
            pass++
        )
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
            app.Clock.Advance(TimeSpan.FromHours(8)); // past any quiet hours
        }

        var message = await app.Mail.WaitForAsync(email, "Signing in to Rekindle was paused");
        Assert.Contains("paused for a little while after several wrong passwords", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("If this wasn't you", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Gus", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("somebody guessing", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_page_ever_renders_a_typed_password_back()
    {
        const string planted = "Plantedpasswordmarker 42";
        var pages = new List<Page>();
        using var visitor = app.NewBrowser();
        var (member, email) = await MemberAsync(app, "Hap");
        using var _m = member;

        pages.Add(await SignInAsync(visitor, email, planted));
        var register = await visitor.GetAsync("/account/register");
        pages.Add(
            await visitor.SubmitAsync(
                register,
                "register",
                new Dictionary<string, string>
                {
                    ["Input.FirstName"] = "Hap",
                    ["Input.Email"] = NewEmail("hap"),
                    ["Input.Password"] = planted,
                    ["Input.ConfirmPassword"] = planted + " not the same",
                }
            )
        );
        pages.Add(
            await member.SubmitAsync(
                await member.GetAsync("/account/change-password"),
                "change-password",
                new Dictionary<string, string>
                {
                    ["Input.Current"] = planted,
                    ["Input.Password"] = planted,
                    ["Input.ConfirmPassword"] = planted,
                }
            )
        );
        pages.Add(
            await member.SubmitAsync(
                await member.GetAsync("/account/change-password"),
                "change-password",
                new Dictionary<string, string>
                {
                    ["Input.Current"] = GoodPassword,
                    ["Input.Password"] = planted,
                    ["Input.ConfirmPassword"] = planted + " not the same",
                }
            )
        );
        pages.Add(
            await member.SubmitAsync(
                await member.GetAsync("/account/confirm-password"),
                "confirm-password",
                new Dictionary<string, string> { ["Input.Password"] = planted }
            )
        );

        await visitor.SubmitAsync(
            await visitor.GetAsync("/account/forgot-password"),
            "forgot-password",
            new Dictionary<string, string> { ["Input.Email"] = email }
        );
        var link = TestMailbox.LinkIn(await app.Mail.WaitForAsync(email, "Reset your Rekindle password"), "/account/reset-password");
        pages.Add(
            await visitor.SubmitAsync(
                await visitor.GetAsync(link),
                "reset-password",
                new Dictionary<string, string> { ["Input.Password"] = planted, ["Input.ConfirmPassword"] = planted + " not the same" }
            )
        );

        Assert.Equal(6, pages.Count);
        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotEmpty(page.Document.QuerySelectorAll("input[type=password]"));
            Assert.DoesNotContain("Plantedpasswordmarker", page.Html, StringComparison.Ordinal);
            Assert.All(page.Document.QuerySelectorAll("input[type=password]"), input =>
                Assert.False(input.HasAttribute("value"), page.Url.AbsolutePath)
            );
        }
    }

    /// <summary>The same page but for the email each typed, which the form shows back.</summary>
    private static void AssertSamePage(Page a, string emailA, Page b, string emailB)
    {
        Assert.Equal(a.Status, b.Status);
        Assert.Equal(a.Url.AbsolutePath, b.Url.AbsolutePath);
        var (x, y) = (
            SamePage.Normalise(a.Html.Replace(emailA, "[email]", StringComparison.Ordinal)),
            SamePage.Normalise(b.Html.Replace(emailB, "[email]", StringComparison.Ordinal))
        );
        Assert.True(x == y, SamePage.Difference(x, y));
    }

    private static string WithoutTraceId(string body) => TraceId().Replace(body, "");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}

public sealed class AccountSecurityTestsOnSqlite(SqliteApp app) : AccountSecurityTests(app), IClassFixture<SqliteApp>;

public sealed class AccountSecurityTestsOnPostgres(PostgresApp app) : AccountSecurityTests(app), IClassFixture<PostgresApp>;
