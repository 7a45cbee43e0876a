using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Operator;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Operator;

/// <summary>Its own instance: these tests change who may sign up, which no other class should feel.</summary>
public sealed class AccountsSqliteApp() : RekindleFactory(TestProvider.Sqlite);

public sealed class AccountsPostgresApp() : RekindleFactory(TestProvider.Postgres);

/// <summary>
/// Issue 27, point 1 (decisions/0045, points 1-4): the operator's <c>accounts</c> command through the path the app runs it by,
/// each verb's answer and exit code; a turned-off member is refused on every way in and their sessions stop at the next request;
/// a second-factor reset really turns the authenticator off; registration closes and opens again without a restart.
/// </summary>
public abstract class AccountsCommandsTests(RekindleFactory app)
{
    private const string TurnedOff = "This account is turned off. Ask whoever runs this server.";

    [Fact]
    public async Task Each_verb_does_its_work_once_and_says_so_in_one_line_with_its_exit_code()
    {
        // create: a confirmed partner's account with an email to choose a password.
        var email = NewEmail("made");
        var created = await RunAsync("accounts", "create", email, "Noor");
        Assert.True(created.Code == 0, created.Error);
        var id = await IdOfAsync(email);
        Assert.Contains($"Made the account {email} ({id})", created.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Noor", created.Output, StringComparison.Ordinal);
        var welcome = await app.Mail.WaitForAsync(email, "Your account on Rekindle");
        using var browser = app.NewBrowser();
        var choose = await browser.GetAsync(TestMailbox.LinkIn(welcome, "/account/reset-password"));
        Assert.Equal("Choose your password", choose.TextOf("h1"));
        var set = await browser.SubmitAsync(
            choose,
            "reset-password",
            new Dictionary<string, string> { ["Input.Password"] = GoodPassword, ["Input.ConfirmPassword"] = GoodPassword }
        );
        Assert.Equal("Your password is set", set.TextOf("h1"));
        Assert.DoesNotContain("practice", set.TextOf("#first-password"), StringComparison.Ordinal);
        Assert.DoesNotContain("practice", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains("Hello, Noor", (await SignInAsync(browser, email)).Text, StringComparison.Ordinal);
        Assert.Equal((1, "An account with this email already exists."), await FailureAsync("accounts", "create", email, "Noor"));
        Assert.Equal(1, (await FailureAsync("accounts", "create", "not-an-email", "Noor")).Code);
        Assert.Equal(1, (await FailureAsync("accounts", "create", NewEmail("x"), "")).Code);

        // list: aligned columns, ids and emails, never a name.
        var list = await RunAsync("accounts", "list");
        Assert.Equal(0, list.Code);
        var lines = list.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Matches("^email +id +created +confirmed +2nd factor +last sign-in +couple +disabled +operator$", lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(email, StringComparison.Ordinal));
        Assert.Matches(
            $"^{System.Text.RegularExpressions.Regex.Escape(email)} +{id} +2026-\\S+ \\S+ +yes +no +2026-\\S+ \\S+ +no +no +no$",
            row
        );
        Assert.Equal(lines[0].IndexOf("id", StringComparison.Ordinal), row.IndexOf(id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain("Noor", list.Output, StringComparison.Ordinal);

        // confirm: an account whose link never arrived can sign in after it.
        using var unconfirmed = app.NewBrowser();
        var waiting = NewEmail("waiting");
        await RegisterAsync(unconfirmed, "Wren", waiting);
        Assert.Contains(
            "Please confirm your email address first",
            (await SignInAsync(unconfirmed, waiting)).Text,
            StringComparison.Ordinal
        );
        var confirmed = await RunAsync("accounts", "confirm", waiting);
        Assert.True(confirmed.Code == 0, confirmed.Error);
        Assert.Equal($"Confirmed the email of {waiting} ({await IdOfAsync(waiting)}). They can sign in now.", confirmed.Output.Trim());
        Assert.Contains("Hello, Wren", (await SignInAsync(unconfirmed, waiting)).Text, StringComparison.Ordinal);
        Assert.Equal((1, "This email is already confirmed."), await FailureAsync("accounts", "confirm", waiting));

        // grant and revoke: only from here; each says when it is already so.
        Assert.Equal(0, (await RunAsync("accounts", "grant-operator", email)).Code);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsOperator).FirstAsync()));
        Assert.Equal((1, "This account is already an operator."), await FailureAsync("accounts", "grant-operator", email));
        Assert.Equal(0, (await RunAsync("accounts", "revoke-operator", email)).Code);
        Assert.Equal((1, "This account is not an operator."), await FailureAsync("accounts", "revoke-operator", email));

        // disable and enable, each once.
        Assert.Equal(0, (await RunAsync("accounts", "disable", email)).Code);
        Assert.Equal((1, "This account is already turned off."), await FailureAsync("accounts", "disable", email));
        Assert.Matches(
            " +no +yes +no$",
            (await RunAsync("accounts", "list")).Output.Split('\n').Single(l => l.StartsWith(email, StringComparison.Ordinal)).TrimEnd()
        );
        Assert.Equal(0, (await RunAsync("accounts", "enable", email)).Code);
        Assert.Equal((1, "This account is already turned on."), await FailureAsync("accounts", "enable", email));

        // reset-2fa with nothing to reset.
        Assert.Equal((1, "This account has no second sign-in step to reset."), await FailureAsync("accounts", "reset-2fa", email));

        // Unknown accounts, and commands typed wrong.
        var nobody = NewEmail("nobody");
        foreach (var verb in new[] { "confirm", "disable", "enable", "reset-2fa", "grant-operator", "revoke-operator" })
        {
            Assert.Equal((1, "There is no account with this email."), await FailureAsync("accounts", verb, nobody));
        }

        Assert.Equal(2, (await FailureAsync("accounts")).Code);
        Assert.Equal(2, (await FailureAsync("accounts", "remove", email)).Code);
        Assert.Equal(2, (await FailureAsync("accounts", "disable")).Code);
        Assert.Equal(2, (await FailureAsync("accounts", "create", email)).Code);
        Assert.Equal(2, (await FailureAsync("accounts", "registration", "sometimes")).Code);
        Assert.Equal(2, (await FailureAsync("accounts", "allow")).Code);

        // The affected member's own log has a line for each action, in plain words.
        var kinds = await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.MemberId == id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SecurityEventKind.MadeOperator, kinds);
        Assert.Contains(SecurityEventKind.NoLongerOperator, kinds);
        Assert.Contains(SecurityEventKind.TurnedOffByOperator, kinds);
        Assert.Contains(SecurityEventKind.TurnedOnByOperator, kinds);
        var waitingId = await IdOfAsync(waiting);
        Assert.Contains(
            SecurityEventKind.EmailConfirmedByOperator,
            await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.MemberId == waitingId).Select(e => e.Kind).ToListAsync())
        );
        using var again = app.NewBrowser();
        await SignInAsync(again, email);
        var activity = (await again.GetAsync("/account/activity")).Text;
        Assert.Contains("Whoever runs this server turned off your account", activity, StringComparison.Ordinal);
        Assert.Contains("Whoever runs this server made you an operator", activity, StringComparison.Ordinal);
        Assert.Contains(
            SecurityLog.ServerDevice,
            (await again.GetAsync("/account/activity"))
                .Document.QuerySelectorAll("tr")
                .Single(r => r.TextContent.Contains("turned off your account", StringComparison.Ordinal))
                .TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_turned_off_member_is_refused_on_every_way_in_and_their_sessions_stop_at_the_next_request()
    {
        var (browser, email) = await MemberAsync(app, "Indra");
        var api = await ApiClient.SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).Status);
        var kept = ApiClient.For(app);
        var keptRefresh = api.RefreshToken;

        var disabled = await RunAsync("accounts", "disable", email);
        Assert.True(disabled.Code == 0, disabled.Error);

        // The open cookie and the access token stop at once; the refresh token is refused.
        Assert.Equal("/account/login", (await browser.GetAsync("/couple")).Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).Status);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await kept.PostAsync("/api/v1/auth/refresh", new { refreshToken = keptRefresh })).Status
        );

        // Signing in again: the plain sentence, only after the right password; a wrong one answers as ever.
        using var fresh = app.NewBrowser();
        var refused = await SignInAsync(fresh, email);
        Assert.Contains(TurnedOff, refused.Text, StringComparison.Ordinal);
        Assert.Equal("/account/login", (await fresh.GetAsync("/couple")).Url.AbsolutePath);
        var wrong = await SignInAsync(fresh, email, "not the right password at all");
        Assert.DoesNotContain(TurnedOff, wrong.Text, StringComparison.Ordinal);
        var token = await ApiClient.For(app).PostAsync("/api/v1/auth/token", new { email, password = GoodPassword });
        Assert.Equal(HttpStatusCode.BadRequest, token.Status);
        Assert.Equal(TurnedOff, token.Json.GetProperty("title").GetString());
        var id = await IdOfAsync(email);
        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == id && s.EndedAt == null)));

        // The member is told by email, without anything of the app in it.
        var told = await app.Mail.WaitForAsync(email, "Your Rekindle account is turned off");
        Assert.DoesNotContain("Indra", told.TextBody, StringComparison.Ordinal);

        // Turned on again: signing in works as before.
        Assert.Equal(0, (await RunAsync("accounts", "enable", email)).Code);
        Assert.Contains("Hello, Indra", (await SignInAsync(fresh, email)).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await (await ApiClient.SignInAsync(app, email)).GetAsync("/api/v1/me")).Status);
    }

    [Fact]
    public async Task Resetting_the_second_factor_turns_the_authenticator_off_removes_recovery_codes_and_ends_every_session()
    {
        var (browser, email) = await MemberAsync(app, "Soren");
        await EnableAuthenticatorAsync(app, browser);
        var id = await IdOfAsync(email);
        Assert.True(await RecoveryCodesAsync(id) > 0);
        using var second = app.NewBrowser();

        var reset = await RunAsync("accounts", "reset-2fa", email);
        Assert.True(reset.Code == 0, reset.Error);
        Assert.Contains("Their passkeys still work", reset.Output, StringComparison.Ordinal);

        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.TwoFactorEnabled).FirstAsync()));
        Assert.Equal(0, await RecoveryCodesAsync(id));
        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == id && s.EndedAt == null)));
        Assert.Equal("/account/login", (await browser.GetAsync("/couple")).Url.AbsolutePath);

        // The password alone signs in now: no code is asked for.
        Assert.Contains("Hello, Soren", (await SignInAsync(second, email)).Text, StringComparison.Ordinal);
        Assert.Contains(
            SecurityEventKind.SecondFactorResetByOperator,
            await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.MemberId == id).Select(e => e.Kind).ToListAsync())
        );
        await app.Mail.WaitForAsync(email, "Your Rekindle sign-in was reset");
        Assert.Equal((1, "This account has no second sign-in step to reset."), await FailureAsync("accounts", "reset-2fa", email));
    }

    [Fact]
    public async Task Registration_closes_and_opens_again_and_the_allow_list_counts_without_a_restart()
    {
        await MemberAsync(app, "Keeper");
        try
        {
            // A form opened while registration was open, sent after it closed: refused, with the reason.
            using var late = app.NewBrowser();
            var form = await late.GetAsync("/account/register");
            Assert.Equal(0, (await RunAsync("accounts", "registration", "closed")).Code);
            var lateEmail = NewEmail("late");
            var refused = await late.SubmitAsync(
                form,
                "register",
                new Dictionary<string, string>
                {
                    ["Input.FirstName"] = "Late",
                    ["Input.Email"] = lateEmail,
                    ["Input.Password"] = GoodPassword,
                    ["Input.ConfirmPassword"] = GoodPassword,
                }
            );
            Assert.Contains("New accounts can't be made here right now.", refused.Text, StringComparison.Ordinal);
            Assert.Equal(0, await CountMembersAsync(app, lateEmail));

            // Closed: the page says so instead of a form, even with a partner's invite link.
            using var stranger = app.NewBrowser();
            var closed = await stranger.GetAsync("/account/register?invite=ABCDEFGH");
            Assert.NotNull(closed.Find("#registration-closed"));
            Assert.Null(closed.Find("input[name=_handler][value='register']"));
            Assert.Contains(
                "Registration is closed (set by the operator).",
                (await RunAsync("accounts", "registration")).Output,
                StringComparison.Ordinal
            );

            // Invite-only: a stranger is refused until the operator lists their address.
            Assert.Equal(0, (await RunAsync("accounts", "registration", "invite-only")).Code);
            var guest = NewEmail("guest");
            Assert.Contains("open by invitation only", (await stranger.GetAsync("/account/register")).Text, StringComparison.Ordinal);
            var allowed = await RunAsync("accounts", "allow", "  " + guest.ToUpperInvariant());
            Assert.True(allowed.Code == 0, allowed.Error);
            Assert.Equal((1, "This address is already on the list."), await FailureAsync("accounts", "allow", guest));
            Assert.Equal(1, (await FailureAsync("accounts", "allow", "not an address")).Code);
            Assert.Contains(
                "Use the email address you were invited with",
                (await stranger.GetAsync("/account/register")).Text,
                StringComparison.Ordinal
            );
            var other = NewEmail("other");
            Assert.Contains("open by invitation only", (await RegisterAsync(stranger, "Other", other)).Text, StringComparison.Ordinal);
            Assert.Equal(0, await CountMembersAsync(app, other));
            await RegisterAsync(stranger, "Guest", guest);
            Assert.Equal(1, await CountMembersAsync(app, guest));

            // A whole domain, then taken off the list again.
            Assert.Equal(0, (await RunAsync("accounts", "allow", "@clinic.example.org")).Code);
            using var client = app.NewBrowser();
            var clientEmail = $"client-{Guid.NewGuid():N}@clinic.example.org";
            await RegisterAsync(client, "Client", clientEmail);
            Assert.Equal(1, await CountMembersAsync(app, clientEmail));
            Assert.Equal(0, (await RunAsync("accounts", "disallow", "@clinic.example.org")).Code);
            Assert.Equal((1, "This address is not on the list."), await FailureAsync("accounts", "disallow", "@clinic.example.org"));
            var later = $"later-{Guid.NewGuid():N}@clinic.example.org";
            using var latecomer = app.NewBrowser();
            await RegisterAsync(latecomer, "Later", later);
            Assert.Equal(0, await CountMembersAsync(app, later));

            // Open again: anyone may sign up, from the next request on.
            Assert.Equal(0, (await RunAsync("accounts", "registration", "open")).Code);
            var open = NewEmail("open");
            using var opal = app.NewBrowser();
            await RegisterAsync(opal, "Opal", open);
            Assert.Equal(1, await CountMembersAsync(app, open));
        }
        finally
        {
            await RunAsync("accounts", "registration", "open");
        }
    }

    private Task<Guid> IdOfAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());

    private async Task<int> RecoveryCodesAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(id.ToString()))!);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var scope = app.Services.CreateScope();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AccountsCommands.RunAsync(scope.ServiceProvider, args, output, error);
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

public sealed class AccountsCommandsTestsOnSqlite(AccountsSqliteApp app) : AccountsCommandsTests(app), IClassFixture<AccountsSqliteApp>;

public sealed class AccountsCommandsTestsOnPostgres(AccountsPostgresApp app)
    : AccountsCommandsTests(app),
        IClassFixture<AccountsPostgresApp>;
