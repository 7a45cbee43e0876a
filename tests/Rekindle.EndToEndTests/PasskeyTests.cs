using Microsoft.Playwright;
using Rekindle.Testing;

namespace Rekindle.EndToEndTests;

public sealed class PasskeyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task A_member_adds_a_passkey_and_signs_in_with_it_alone()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();

        // Chromium's built-in virtual authenticator stands in for a phone's screen lock.
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync(
            "WebAuthn.addVirtualAuthenticator",
            new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                    ["automaticPresenceSimulation"] = true,
                },
            }
        );

        var email = Journeys.NewEmail("pia");
        await chromium.RegisterAndSignInAsync(page, "Pia", email);

        await page.GotoAsync("/account/authenticator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show me the code to scan" }).ClickAsync();
        await Assertions.Expect(page.Locator("#authenticator-qr")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.getElementById('authenticator-qr').naturalWidth > 0"));
        await ChromiumApp.SnapAsync(page, "07-authenticator");

        await page.GotoAsync("/account/security");
        await page.GetByLabel("Name it (optional)").FillAsync("Test phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your passkey is added");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Test phone");
        await ChromiumApp.SnapAsync(page, "06-passkey-added");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // Someone who knows the email locks password sign-in on purpose...
        for (var i = 0; i < 5; i++)
        {
            await ChromiumApp.SignInAsync(page, email, "somebody guessing " + i);
        }

        // ...and gets the one answer a wrong password or an unknown email gets (decisions/0025)...
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("paused for a while");

        // ...but the member's passkey still lets them in.
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello, Pia");
    }

    /// <summary>
    /// A home server reached by a name on plain http is not a secure origin, so the browser offers no passkeys at all: the
    /// sign-in page says why, in the browser's own judgement (window.isSecureContext), instead of showing nothing.
    /// </summary>
    [Fact]
    public async Task On_a_plain_http_address_the_sign_in_page_says_passkeys_need_https()
    {
        const string note =
            "Passkeys need a secure (https) address. Ask whoever runs this server to set up HTTPS; "
            + "your password and authenticator still work.";
        // rekindle.test reaches this machine, but is not localhost to Chromium: plain http there is an insecure origin.
        var port = new Uri(chromium.BaseUrl).Port;
        var browser = await chromium.LaunchAsync("--host-resolver-rules=MAP rekindle.test 127.0.0.1");
        try
        {
            await using var context = await browser.NewContextAsync(
                new BrowserNewContextOptions
                {
                    BaseURL = $"http://rekindle.test:{port}",
                    ViewportSize = new ViewportSize { Width = 390, Height = 844 },
                }
            );
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            Assert.False(await page.EvaluateAsync<bool>("window.isSecureContext"));
            await Assertions.Expect(page.Locator("[data-insecure-origin]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-insecure-origin]")).ToHaveTextAsync(note);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeHiddenAsync();
            await ChromiumApp.SnapAsync(page, "passkeys-insecure-origin");
        }
        finally
        {
            await browser.CloseAsync();
        }

        // On this machine's own address the browser offers passkeys: the button, and no note.
        await using var local = await chromium.NewContextAsync();
        var localPage = await local.NewPageAsync();
        await localPage.GotoAsync("/account/login");
        await Assertions.Expect(localPage.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" })).ToBeVisibleAsync();
        await Assertions.Expect(localPage.Locator("[data-insecure-origin]")).ToBeHiddenAsync();
    }
}
