using Microsoft.EntityFrameworkCore;

namespace Rekindle.Testing;

/// <summary>The common steps of a person using the app, written once for every test that needs them.</summary>
public static class Journeys
{
    public const string GoodPassword = "calm river under pines";

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.org";

    public static async Task<Page> RegisterAsync(
        TestBrowser browser,
        string firstName,
        string email,
        string password = GoodPassword,
        string? invite = null
    )
    {
        var form = await browser.GetAsync(invite is null ? "/account/register" : "/account/register?invite=" + invite);
        return await browser.SubmitAsync(
            form,
            "register",
            new Dictionary<string, string>
            {
                ["Input.FirstName"] = firstName,
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["Input.ConfirmPassword"] = password,
            }
        );
    }

    public static Task<Page> ConfirmAsync(RekindleFactory app, TestBrowser browser, string email) => ConfirmAsync(app.Mail, browser, email);

    public static async Task<Page> ConfirmAsync(TestMailbox mail, TestBrowser browser, string email)
    {
        var message = await mail.WaitForAsync(email, "Confirm your email");
        return await browser.GetAsync(TestMailbox.LinkIn(message, "/account/confirm-email"));
    }

    public static async Task<Page> SignInAsync(TestBrowser browser, string email, string password = GoodPassword, string? returnUrl = null)
    {
        var form = await browser.GetAsync(
            returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl)
        );
        return await browser.SubmitAsync(
            form,
            "login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password }
        );
    }

    /// <summary>Registers, confirms and signs in: a member ready to use the app.</summary>
    public static Task<(TestBrowser Browser, string Email)> MemberAsync(RekindleFactory app, string firstName) =>
        MemberAsync(app.NewBrowser, app.Mail, firstName);

    /// <summary>The same, against any running instance (an app in its own process, say).</summary>
    public static async Task<(TestBrowser Browser, string Email)> MemberAsync(
        Func<TestBrowser> newBrowser,
        TestMailbox mail,
        string firstName
    )
    {
        var browser = newBrowser();
        var email = NewEmail(firstName.ToLowerInvariant());
        await RegisterAsync(browser, firstName, email);
        await ConfirmAsync(mail, browser, email);
        var home = await SignInAsync(browser, email);
        if (!home.Text.Contains($"Hello, {firstName}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Sign-in did not reach the home page: " + home.Text);
        }

        return (browser, email);
    }

    /// <summary>Does this week's check-in with <paramref name="marker"/> in every text field and the given closeness pulse.</summary>
    public static async Task CheckInAsync(TestBrowser browser, string marker, int pulse)
    {
        var page = await browser.GetAsync("/talk/check-in");
        var values = new List<KeyValuePair<string, string>>
        {
            new("wentWell", marker + " went well"),
            new("toTalkAbout", marker + " to talk about"),
            new("feelLoved", marker + " felt loved"),
            new("pulse", pulse.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("go", "save"),
            new("__RequestVerificationToken", page.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("_handler", "check-in"),
        };
        values.AddRange(Enumerable.Range(1, 3).Select(i => new KeyValuePair<string, string>("appreciations", $"{marker} thanks {i}")));
        var saved = await browser.PostAsync("/talk/check-in", values);
        if (saved.Text.Contains("Please", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The check-in was not saved: " + saved.Text);
        }
    }

    /// <summary>Starts the couple space and returns the invite code shown once.</summary>
    public static async Task<string> InviteAsync(TestBrowser browser)
    {
        var couple = await browser.GetAsync("/couple");
        var page = await browser.SubmitAsync(couple, "invite");
        return page.TextOf("#invite-code");
    }

    public static async Task<Page> JoinAsync(TestBrowser browser, string code)
    {
        var preview = await browser.GetAsync("/join?code=" + Uri.EscapeDataString(code));
        return preview.Find("input[name=_handler][value='join']") is null ? preview : await browser.SubmitAsync(preview, "join");
    }

    /// <summary>Turns on the authenticator app the way a member does; returns the key and the page with the recovery codes.</summary>
    public static async Task<(byte[] Key, Page Page)> EnableAuthenticatorAsync(RekindleFactory app, TestBrowser browser)
    {
        // Opening the page changes nothing; the key is made on the post that starts set-up (decisions/0025).
        var setup = await browser.SubmitAsync(await browser.GetAsync("/account/authenticator"), "start-authenticator");
        var key = Rekindle.Web.Features.Account.Base32.Decode(
            setup.TextOf("#authenticator-key").Replace(" ", "", StringComparison.Ordinal)
        );
        var page = await browser.SubmitAsync(
            setup,
            "enable-authenticator",
            new Dictionary<string, string>
            {
                ["Input.Code"] = Rekindle.Web.Features.Account.Totp.Code(
                    key,
                    Rekindle.Web.Features.Account.Totp.StepAt(app.Clock.GetUtcNow())
                ),
            }
        );
        return (key, page);
    }

    public static Task<int> CountMembersAsync(RekindleFactory app, string email) =>
        app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == email));
}
