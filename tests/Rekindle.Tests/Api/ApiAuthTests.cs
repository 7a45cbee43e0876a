using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Api;

/// <summary>Bearer tokens for API clients (decisions/0021): tied to a session the member sees and can end.</summary>
public abstract class ApiAuthTests(RekindleFactory app)
{
    [Fact]
    public async Task A_client_gets_a_short_lived_token_and_a_refresh_token_that_rotates()
    {
        var (_, email) = await MemberAsync(app, "Tia");
        using var api = await ApiClient.SignInAsync(app, email);
        var me = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("no-store", me.Response.Headers.CacheControl?.ToString());

        var firstRefresh = api.RefreshToken!;
        var refreshed = await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh });
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal("Bearer", refreshed.Json.GetProperty("tokenType").GetString());
        Assert.Equal(900, refreshed.Json.GetProperty("expiresIn").GetInt32());
        api.Use(refreshed.Json);
        Assert.NotEqual(firstRefresh, api.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).Status);

        // The old refresh token again: someone kept a copy, so the whole session ends.
        var replay = await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.Status);
        Assert.Equal("application/problem+json", replay.ContentType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).Status);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken })).Status
        );
    }

    [Fact]
    public async Task Access_tokens_expire_after_15_minutes_and_refresh_brings_a_new_one()
    {
        var (_, email) = await MemberAsync(app, "Exp");
        using var api = await ApiClient.SignInAsync(app, email);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        var expired = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("invalid_token", expired.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        api.Use((await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken })).Json);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).Status);
    }

    [Fact]
    public async Task Revoking_ends_both_tokens_at_once()
    {
        var (_, email) = await MemberAsync(app, "Rev");
        using var api = await ApiClient.SignInAsync(app, email);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await api.PostAsync("/api/v1/auth/revoke", new { refreshToken = api.RefreshToken })).Status
        );
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).Status);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken })).Status
        );
    }

    [Fact]
    public async Task The_member_sees_the_client_in_their_sessions_and_signing_it_out_stops_its_tokens()
    {
        var (browser, email) = await MemberAsync(app, "Ses");
        using var api = await ApiClient.SignInAsync(app, email);
        var sessionId = (await api.GetAsync("/api/v1/me")).Json.GetProperty("sessionId").GetString()!;
        var activity = await browser.GetAsync("/account/activity");
        Assert.Contains("API client", activity.Text, StringComparison.Ordinal);

        await browser.SubmitAsync(activity, "revoke", new Dictionary<string, string> { ["sessionId"] = sessionId });
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).Status);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken })).Status
        );
        Assert.DoesNotContain(
            "API client",
            (await browser.GetAsync("/account/activity")).Find("#sessions")!.TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task After_a_password_change_the_refresh_token_no_longer_works()
    {
        var (browser, email) = await MemberAsync(app, "Pwd");
        using var api = await ApiClient.SignInAsync(app, email);
        var changed = await browser.SubmitAsync(
            await browser.GetAsync("/account/change-password"),
            "change-password",
            new Dictionary<string, string>
            {
                ["Input.Current"] = GoodPassword,
                ["Input.Password"] = "a brand new passphrase",
                ["Input.ConfirmPassword"] = "a brand new passphrase",
            }
        );
        Assert.NotEqual("/account/locked", changed.Url.AbsolutePath);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = api.RefreshToken })).Status
        );
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).Status);
    }

    [Fact]
    public async Task Malformed_or_wrongly_typed_bodies_get_a_400_problem_never_a_500()
    {
        var (_, email) = await MemberAsync(app, "Bad");
        using var api = await ApiClient.SignInAsync(app, email);
        foreach (
            var (url, json) in new[]
            {
                ("/api/v1/talk/today/answer", "{\"questionId\":\"not-a-guid\"}"),
                ("/api/v1/self-care/days", "{\"day\":\"2026-11-24\",\"mood\":\"very\"}"),
                ("/api/v1/self-care/goals", "{not json"),
                ("/api/v1/auth/token", "\"\u0000\""),
            }
        )
        {
            var response = await api.PostJsonAsync(url, json);
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("application/problem+json", response.ContentType);
        }
    }

    [Fact]
    public async Task Wrong_passwords_answer_like_unknown_accounts_and_lock_the_account_like_the_form()
    {
        var (_, email) = await MemberAsync(app, "Loc");
        using var api = ApiClient.For(app);
        var unknown = await api.PostAsync("/api/v1/auth/token", new { email = NewEmail("nobody"), password = "wrong password here" });
        var wrong = await api.PostAsync("/api/v1/auth/token", new { email, password = "wrong password here" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(unknown.Json.GetProperty("title").GetString(), wrong.Json.GetProperty("title").GetString());
        for (var i = 0; i < 4; i++)
        {
            await api.PostAsync("/api/v1/auth/token", new { email, password = "wrong password here" });
        }

        // Paused, the right password answers as an unknown email does (issue 22, decisions/0025); the form too.
        var locked = await api.PostAsync("/api/v1/auth/token", new { email, password = GoodPassword });
        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Equal(unknown.Json.GetProperty("title").GetString(), locked.Json.GetProperty("title").GetString());
        Assert.Equal(unknown.Json.GetProperty("detail").GetString(), locked.Json.GetProperty("detail").GetString());
        using var browser = app.NewBrowser();
        var page = await SignInAsync(browser, email);
        Assert.Equal("/account/login", page.Url.AbsolutePath);
        Assert.Contains("paused for a while", page.Text, StringComparison.Ordinal);
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Fact]
    public async Task With_two_factor_on_the_code_is_needed_and_used_once()
    {
        var (browser, email) = await MemberAsync(app, "Two");
        var (key, _) = await EnableAuthenticatorAsync(app, browser);
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        using var api = ApiClient.For(app);
        var noCode = await api.PostAsync("/api/v1/auth/token", new { email, password = GoodPassword });
        Assert.Equal(HttpStatusCode.BadRequest, noCode.Status);
        Assert.True(noCode.Json.GetProperty("errors").TryGetProperty("code", out _));

        var code = Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow()));
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await api.PostAsync(
                    "/api/v1/auth/token",
                    new
                    {
                        email,
                        password = GoodPassword,
                        code,
                    }
                )
            ).Status
        );
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (
                await api.PostAsync(
                    "/api/v1/auth/token",
                    new
                    {
                        email,
                        password = GoodPassword,
                        code,
                    }
                )
            ).Status
        );
    }

    [Fact]
    public async Task A_recovery_code_signs_a_client_in_instead_of_the_authenticator_code_once_and_goes_in_the_security_log()
    {
        var (browser, email) = await MemberAsync(app, "Rcv");
        var (_, enabled) = await EnableAuthenticatorAsync(app, browser);
        var codes = enabled.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        using var api = ApiClient.For(app);

        var wrongPassword = await api.PostAsync(
            "/api/v1/auth/token",
            new
            {
                email,
                password = "not the password at all",
                recoveryCode = codes[1],
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.Status);
        var wrongCode = await api.PostAsync(
            "/api/v1/auth/token",
            new
            {
                email,
                password = GoodPassword,
                recoveryCode = "abcde-fghij",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.Status);
        Assert.Equal(wrongPassword.Json.GetProperty("title").GetString(), wrongCode.Json.GetProperty("title").GetString());
        var tooLong = await api.PostAsync(
            "/api/v1/auth/token",
            new
            {
                email,
                password = GoodPassword,
                recoveryCode = new string('a', 41),
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);

        var signedIn = await api.PostAsync(
            "/api/v1/auth/token",
            new
            {
                email,
                password = GoodPassword,
                recoveryCode = " " + codes[0] + " ",
            }
        );
        Assert.Equal(HttpStatusCode.OK, signedIn.Status);
        api.Use(signedIn.Json);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).Status);

        // Used once: the same code again is refused, by the API and by the recovery sign-in page alike.
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (
                await api.PostAsync(
                    "/api/v1/auth/token",
                    new
                    {
                        email,
                        password = GoodPassword,
                        recoveryCode = codes[0],
                    }
                )
            ).Status
        );
        using var other = app.NewBrowser();
        await SignInAsync(other, email);
        var page = await other.SubmitAsync(
            await other.GetAsync("/account/login-recovery"),
            "login-recovery",
            new Dictionary<string, string> { ["Input.Code"] = codes[0] }
        );
        Assert.Contains("That recovery code didn't work", page.Text, StringComparison.Ordinal);

        // The code sent with a wrong password was not used up.
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await api.PostAsync(
                    "/api/v1/auth/token",
                    new
                    {
                        email,
                        password = GoodPassword,
                        recoveryCode = codes[1],
                    }
                )
            ).Status
        );
        Assert.Contains("Signed in with a recovery code", (await browser.GetAsync("/account/activity")).Text, StringComparison.Ordinal);
        foreach (var line in app.Logs.Lines)
        {
            Assert.DoesNotContain(codes[0], line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Wrong_recovery_codes_lock_the_account_like_wrong_authenticator_codes()
    {
        var (browser, email) = await MemberAsync(app, "Rlk");
        var (_, enabled) = await EnableAuthenticatorAsync(app, browser);
        var code = enabled.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).First();
        using var api = ApiClient.For(app);
        for (var i = 0; i < 4; i++)
        {
            Assert.DoesNotContain("paused", (
                    await api.PostAsync(
                        "/api/v1/auth/token",
                        new
                        {
                            email,
                            password = GoodPassword,
                            recoveryCode = $"wrong-{i}",
                        }
                    )
                ).Json.GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        // The right password and a fifth wrong code: this client may be told (it knows the password). After
        // that, even the right code answers as an unknown email does (issue 22, decisions/0025).
        var fifth = await api.PostAsync(
            "/api/v1/auth/token",
            new
            {
                email,
                password = GoodPassword,
                recoveryCode = "wrong-5",
            }
        );
        Assert.Contains("paused", fifth.Json.GetProperty("title").GetString(), StringComparison.Ordinal);
        var locked = await api.PostAsync(
            "/api/v1/auth/token",
            new
            {
                email,
                password = GoodPassword,
                recoveryCode = code,
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Contains("don't match an account", locked.Json.GetProperty("title").GetString(), StringComparison.Ordinal);
        var activity = (await browser.GetAsync("/account/activity")).Text;
        Assert.Contains("Sign-in paused after too many attempts", activity, StringComparison.Ordinal);
        Assert.DoesNotContain("Signed in with a recovery code", activity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_with_a_bad_one_or_with_only_a_cookie_the_API_answers_401()
    {
        using var api = ApiClient.For(app);
        var none = await api.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Equal("application/problem+json", none.ContentType);
        api.Client.DefaultRequestHeaders.Authorization = new("Bearer", "CfDJ8-not-a-real-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).Status);

        var (browser, _) = await MemberAsync(app, "Coo");
        var withCookie = await browser.Client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);

        // A cookie-only state change through the API without an antiforgery token is refused before anything runs.
        var post = await browser.Client.PostAsync("/api/v1/auth/revoke", new FormUrlEncodedContent([new("refreshToken", "x")]));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }

    [Fact]
    public async Task Passwords_and_tokens_never_reach_the_logs()
    {
        var (_, email) = await MemberAsync(app, "Log");
        var password = GoodPassword;
        using var api = await ApiClient.SignInAsync(app, email, password);
        await api.GetAsync("/api/v1/me");
        var access = api.AccessToken!;
        var refresh = api.RefreshToken!;
        await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = refresh });
        await api.PostAsync("/api/v1/auth/token", new { email, password = "Wrongpasswordmarker" });
        foreach (var line in app.Logs.Lines)
        {
            Assert.DoesNotContain(access, line, StringComparison.Ordinal);
            Assert.DoesNotContain(refresh.Split('.')[1], line, StringComparison.Ordinal);
            Assert.DoesNotContain(password, line, StringComparison.Ordinal);
            Assert.DoesNotContain("Wrongpasswordmarker", line, StringComparison.Ordinal);
        }
    }
}

public sealed class ApiAuthTestsOnSqlite(SqliteApp app) : ApiAuthTests(app), IClassFixture<SqliteApp>;

public sealed class ApiAuthTestsOnPostgres(PostgresApp app) : ApiAuthTests(app), IClassFixture<PostgresApp>;
