using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Hosting;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Operator;

public sealed class AdminSqliteApp() : RekindleFactory(TestProvider.Sqlite, PracticeSeed.On());

public sealed class AdminPostgresApp() : RekindleFactory(TestProvider.Postgres, PracticeSeed.On());

/// <summary>
/// The content-blind admin pages (issue 27 point 5, decisions/0045): 404 for everyone who is not an operator, the operator's
/// flag read on every request; nothing but a prompt until the operator has a second sign-in step; health, registration and
/// each account action, written to the affected member's security log.
/// </summary>
public abstract class AdminTests(RekindleFactory app)
{
    private static readonly string[] AdminPaths = ["/admin", "/admin/accounts", "/admin/accounts/" + Guid.Empty];

    [Fact]
    public async Task Everyone_who_is_not_an_operator_gets_404_from_every_admin_page_and_post()
    {
        var admin = await AdminSeed.OperatorAsync(app);
        using var _a = admin.Browser;
        var (partner, partnerEmail) = await MemberAsync(app, "Pavel");
        using var _p = partner;
        var (other, _) = await MemberAsync(app, "Oona");
        using var _o = other;
        await JoinAsync(other, await InviteAsync(partner));
        var (stranger, _) = await MemberAsync(app, "Sefa");
        using var _s = stranger;
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana", practiceAdmin: true);
        using var _d = pro.Browser;
        using var visitor = app.NewBrowser();
        var partnerId = await PracticeSeed.MemberIdAsync(app, partnerEmail);
        string[] paths = [.. AdminPaths, "/admin/accounts/" + partnerId, "/admin/accounts/" + admin.Id, "/admin/no-such-page"];

        foreach (
            var (who, browser) in new[] { ("visitor", visitor), ("partner", partner), ("stranger", stranger), ("counselor", pro.Browser) }
        )
        {
            foreach (var path in paths)
            {
                var page = await browser.GetAsync(path);
                Assert.True(page.Status == HttpStatusCode.NotFound, $"{path} answered the {who} {(int)page.Status} at {page.Url}");
                Assert.Equal(path, page.Url.AbsolutePath);
            }

            // A form post, with a good antiforgery token of their own, changes nothing either.
            var token = await TokenAsync(browser);
            var posted = await browser.PostAsync(
                "/admin/accounts/" + admin.Id,
                [new("__RequestVerificationToken", token), new("_handler", "disable")]
            );
            Assert.Equal(HttpStatusCode.NotFound, posted.Status);
        }

        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.DisabledAt).SingleAsync()));

        // A counselor made an operator (a practice's own server) opens them, past the professionals' guard.
        await AdminSeed.GrantAsync(app, pro.Id);
        Assert.Equal(HttpStatusCode.OK, (await pro.Browser.GetAsync("/admin")).Status);
        Assert.Equal("/admin", pro.Browser.Current!.Url.AbsolutePath);

        // Their account page links the operator to it, and no one else.
        Assert.NotNull((await admin.Browser.GetAsync("/account/security")).Find("#to-admin[href='/admin']"));
        Assert.Null((await partner.GetAsync("/account/security")).Find("#to-admin"));

        // The operator opens them; once the flag is taken away (from the command line), the next request is 404.
        Assert.Equal(HttpStatusCode.OK, (await admin.Browser.GetAsync("/admin")).Status);
        await AdminSeed.GrantAsync(app, admin.Id, isOperator: false);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Browser.GetAsync("/admin")).Status);
        await AdminSeed.GrantAsync(app, admin.Id);
        Assert.Equal(HttpStatusCode.OK, (await admin.Browser.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task An_operator_without_a_second_step_sees_only_the_prompt_and_their_posts_change_nothing()
    {
        var admin = await AdminSeed.OperatorAsync(app, "Nia", secondStep: false);
        using var _a = admin.Browser;
        var (member, memberEmail) = await MemberAsync(app, "Milo");
        using var _m = member;
        var memberId = await PracticeSeed.MemberIdAsync(app, memberEmail);

        foreach (var path in new[] { "/admin", "/admin/accounts", "/admin/accounts/" + memberId })
        {
            var page = await admin.Browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotNull(page.Find("#needs-second-step a[href='/account/security']"));
            Assert.Null(page.Find("#health"));
            Assert.Null(page.Find("#registration"));
            Assert.Null(page.Find("table"));
            Assert.DoesNotContain(memberEmail, page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(page.Document.QuerySelectorAll("main form"));
        }

        var token = await TokenAsync(admin.Browser);
        var posted = await admin.Browser.PostAsync(
            "/admin/accounts/" + memberId + "?step=disable",
            [new("__RequestVerificationToken", token), new("_handler", "disable")]
        );
        Assert.Equal("/admin", posted.Url.AbsolutePath);
        Assert.NotNull(posted.Find("#needs-second-step"));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.DisabledAt).SingleAsync()));

        // With an authenticator app on, the same pages open.
        await EnableAuthenticatorAsync(app, admin.Browser);
        var opened = await admin.Browser.GetAsync("/admin");
        Assert.Null(opened.Find("#needs-second-step"));
        Assert.NotNull(opened.Find("#health"));
    }

    [Fact]
    public async Task The_health_section_shows_the_version_each_check_the_database_and_mail()
    {
        var admin = await AdminSeed.OperatorAsync(app, "Ravi");
        using var _a = admin.Browser;
        var page = await admin.Browser.GetAsync("/admin");
        Assert.Equal(AppVersion.Current, page.TextOf("#version"));
        Assert.Equal("Working", page.TextOf("#check-database"));
        Assert.Equal(app.Provider == TestProvider.Postgres ? "PostgreSQL" : "SQLite", page.TextOf("#database"));
        Assert.Equal("Sent through the mail server 127.0.0.1.", page.TextOf("#mail"));

        // The member's confirmation email went out a moment ago.
        Assert.NotEqual("None since the server started.", page.TextOf("#mail-sent"));
    }

    [Fact]
    public async Task Turning_an_account_off_and_on_takes_a_confirm_step_and_is_written_to_the_members_log()
    {
        var admin = await AdminSeed.OperatorAsync(app, "Ines");
        using var _a = admin.Browser;
        var (member, memberEmail) = await MemberAsync(app, "Tomas");
        using var _m = member;
        var memberId = await PracticeSeed.MemberIdAsync(app, memberEmail);

        var account = await admin.Browser.GetAsync("/admin/accounts/" + memberId);
        Assert.Equal(memberEmail, account.TextOf("h1"));
        Assert.Null(account.Find("#confirm-disable"));
        var confirm = await admin.Browser.GetAsync(account.Find("#start-disable")!.GetAttribute("href")!);
        Assert.NotNull(confirm.Find("#confirm-disable"));

        // Without the antiforgery token (T6), the post is refused and nothing changes.
        var forged = await admin.Browser.PostAsync(confirm.Url.PathAndQuery, [new("_handler", "disable")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.DisabledAt).SingleAsync()));
        var done = await admin.Browser.SubmitAsync(confirm, "disable");
        Assert.Equal("The account is turned off. They are signed out everywhere and can't sign in.", done.TextOf("#account-message"));
        Assert.Equal("Yes", done.TextOf("#fact-disabled"));
        Assert.NotNull(await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.DisabledAt).SingleAsync()));

        // Their open session stops at once.
        Assert.Equal("/account/login", (await member.GetAsync("/account/security")).Url.AbsolutePath);

        var back = await admin.Browser.GetAsync(done.Find("#start-enable")!.GetAttribute("href")!);
        var enabled = await admin.Browser.SubmitAsync(back, "enable");
        Assert.Equal("The account is on again. They can sign in.", enabled.TextOf("#account-message"));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.DisabledAt).SingleAsync()));
        Assert.Equal(1, await LogCountAsync(memberId, SecurityEventKind.TurnedOffByOperator));
        Assert.Equal(1, await LogCountAsync(memberId, SecurityEventKind.TurnedOnByOperator));
        Assert.Contains("Hello, Tomas", (await SignInAsync(member, memberEmail)).Text, StringComparison.Ordinal);

        // Their own page says what happened, in their words, not who.
        var activity = await member.GetAsync("/account/activity");
        Assert.Contains("Whoever runs this server turned off your account", activity.Text, StringComparison.Ordinal);
        Assert.Contains("Whoever runs this server turned on your account", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_confirmation_link_goes_only_to_an_unconfirmed_account()
    {
        var admin = await AdminSeed.OperatorAsync(app, "Hana");
        using var _a = admin.Browser;
        using var newcomer = app.NewBrowser();
        var email = NewEmail("newcomer");
        await RegisterAsync(newcomer, "Kofi", email);
        await app.Mail.WaitForAsync(email, "Confirm your email");
        var memberId = await PracticeSeed.MemberIdAsync(app, email);

        var account = await admin.Browser.GetAsync("/admin/accounts/" + memberId);
        Assert.Equal("No", account.TextOf("#fact-confirmed"));
        var sent = await admin.Browser.SubmitAsync(account, "resend");
        Assert.Equal("A new confirmation link is on its way to this address.", sent.TextOf("#account-message"));
        await WaitUntilAsync(() => app.Mail.All.Count(m => m.To.Mailboxes.Any(a => a.Address == email)) == 2);
        Assert.Equal(1, await LogCountAsync(memberId, SecurityEventKind.ConfirmationResentByOperator));

        // The new link works; a confirmed account has no such button.
        await ConfirmAsync(app, newcomer, email);
        Assert.Null((await admin.Browser.GetAsync("/admin/accounts/" + memberId)).Find("#resend-form"));
    }

    [Fact]
    public async Task Resetting_the_second_step_needs_the_checkbox_then_turns_the_app_off_and_ends_every_session()
    {
        var admin = await AdminSeed.OperatorAsync(app, "Lale");
        using var _a = admin.Browser;
        var (member, memberEmail) = await MemberAsync(app, "Emil");
        using var _m = member;
        await EnableAuthenticatorAsync(app, member);
        var memberId = await PracticeSeed.MemberIdAsync(app, memberEmail);

        var account = await admin.Browser.GetAsync("/admin/accounts/" + memberId);
        Assert.Equal("Authenticator app", account.TextOf("#fact-second-step"));
        var refused = await admin.Browser.SubmitAsync(account, "reset-second-step");
        Assert.Equal(
            "Please check with this person in person or by phone first, then tick the box. Someone else may be asking.",
            refused.TextOf("#checked-problem")
        );
        Assert.Equal("true", refused.Find("#checked-with-person")!.GetAttribute("aria-invalid"));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal("/account/security", (await member.GetAsync("/account/security")).Url.AbsolutePath);

        var reset = await admin.Browser.SubmitAsync(
            refused,
            "reset-second-step",
            new Dictionary<string, string> { ["checkedWithPerson"] = "true" }
        );
        Assert.Equal(
            "The authenticator app is off and the recovery codes are gone. They are signed out everywhere; their passkeys stay.",
            reset.TextOf("#account-message")
        );
        Assert.Equal("None", reset.TextOf("#fact-second-step"));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == memberId && s.EndedAt == null)));
        Assert.Equal("/account/login", (await member.GetAsync("/account/security")).Url.AbsolutePath);
        Assert.Equal(1, await LogCountAsync(memberId, SecurityEventKind.SecondFactorResetByOperator));
    }

    [Fact]
    public async Task An_operator_cannot_turn_off_or_reset_their_own_account()
    {
        var admin = await AdminSeed.OperatorAsync(app, "Zeno");
        using var _a = admin.Browser;
        var own = await admin.Browser.GetAsync("/admin/accounts/" + admin.Id + "?step=disable");
        Assert.NotNull(own.Find("#own-account"));
        Assert.Null(own.Find("#confirm-disable"));
        Assert.Empty(own.Document.QuerySelectorAll("main form"));

        // A crafted post is refused too.
        var token = await TokenAsync(admin.Browser);
        foreach (var handler in new[] { "disable", "reset-second-step" })
        {
            var posted = await admin.Browser.PostAsync(
                "/admin/accounts/" + admin.Id + "?step=disable",
                [new("__RequestVerificationToken", token), new("_handler", handler), new("checkedWithPerson", "true")]
            );
            Assert.True((int)posted.Status < 500, $"{handler} answered {(int)posted.Status}");
        }

        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.DisabledAt).SingleAsync()));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.Browser.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task A_registration_change_holds_on_the_real_sign_up_page_without_a_restart()
    {
        var admin = await AdminSeed.OperatorAsync(app, "Juno");
        using var _a = admin.Browser;
        try
        {
            var page = await admin.Browser.GetAsync("/admin");
            Assert.StartsWith("Open", page.TextOf("#registration-mode"), StringComparison.Ordinal);
            var closed = await admin.Browser.SubmitAsync(page, "registration", new Dictionary<string, string> { ["mode"] = "Closed" });
            Assert.Equal("Saved. It holds from the next sign-up on.", closed.TextOf("#admin-message"));
            Assert.StartsWith("Closed", closed.TextOf("#registration-mode"), StringComparison.Ordinal);

            // Closed: the sign-up page has no form, and a post is refused.
            using var visitor = app.NewBrowser();
            var email = NewEmail("latecomer");
            Assert.Null((await visitor.GetAsync("/account/register")).Find("input[name=_handler][value='register']"));
            await visitor.PostAsync(
                "/account/register",
                [
                    new("__RequestVerificationToken", await TokenAsync(visitor)),
                    new("_handler", "register"),
                    new("Input.FirstName", "Lea"),
                    new("Input.Email", email),
                    new("Input.Password", GoodPassword),
                    new("Input.ConfirmPassword", GoodPassword),
                ]
            );
            Assert.Equal(0, await CountMembersAsync(app, email));

            // Invite-only with an address added on the page: that address signs up, another does not.
            var inviteOnly = await admin.Browser.SubmitAsync(
                closed,
                "registration",
                new Dictionary<string, string> { ["mode"] = "InviteOnly" }
            );
            var refused = await admin.Browser.SubmitAsync(
                inviteOnly,
                "allow",
                new Dictionary<string, string> { ["address"] = "not an address" }
            );
            Assert.True(refused.Find("#admin-message.error") is not null, refused.Text);
            Assert.Equal("true", refused.Find("#allow-address")!.GetAttribute("aria-invalid"));
            var allowed = await admin.Browser.SubmitAsync(
                refused,
                "allow",
                new Dictionary<string, string> { ["address"] = email.ToUpperInvariant() }
            );
            Assert.Equal("Added. That address can sign up now.", allowed.TextOf("#admin-message"));
            Assert.Contains(email, allowed.TextOf("#allowed"), StringComparison.Ordinal);
            await RegisterAsync(visitor, "Lea", email);
            Assert.Equal(1, await CountMembersAsync(app, email));
            var stranger = NewEmail("uninvited");
            using var uma = app.NewBrowser();
            await RegisterAsync(uma, "Uma", stranger);
            Assert.Equal(0, await CountMembersAsync(app, stranger));

            // Removed again: it leaves the list.
            var removed = await admin.Browser.SubmitAsync(allowed, "remove-allowed");
            Assert.Equal("Removed from the list.", removed.TextOf("#admin-message"));
            Assert.Null(removed.Find("#allowed"));

            // Open again: anyone signs up.
            var open = await admin.Browser.SubmitAsync(removed, "registration", new Dictionary<string, string> { ["mode"] = "Open" });
            Assert.StartsWith("Open", open.TextOf("#registration-mode"), StringComparison.Ordinal);
            await RegisterAsync(uma, "Uma", stranger);
            Assert.Equal(1, await CountMembersAsync(app, stranger));
        }
        finally
        {
            // Later tests of this class sign people up.
            await app.WithDbAsync(db => db.RegistrationSettings.ExecuteDeleteAsync());
        }
    }

    /// <summary>How many entries of this kind are in the member's own security log.</summary>
    private Task<int> LogCountAsync(Guid memberId, SecurityEventKind kind) =>
        app.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.MemberId == memberId && e.Kind == kind));

    private static async Task<string> TokenAsync(TestBrowser browser)
    {
        foreach (var path in new[] { "/account/data", "/account/security", "/account/login" })
        {
            if ((await browser.GetAsync(path)).Find("input[name=__RequestVerificationToken]")?.GetAttribute("value") is { } token)
            {
                return token;
            }
        }

        throw new InvalidOperationException("No page had a form.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}

public sealed class AdminTestsOnSqlite(AdminSqliteApp app) : AdminTests(app), IClassFixture<AdminSqliteApp>;

public sealed class AdminTestsOnPostgres(AdminPostgresApp app) : AdminTests(app), IClassFixture<AdminPostgresApp>;
