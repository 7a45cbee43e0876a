using Microsoft.Playwright;
using Rekindle.Testing;

namespace Rekindle.EndToEndTests;

public sealed class PairingJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    private RekindleFactory App => chromium.App;

    [Fact]
    public async Task Two_partners_register_pair_through_the_link_see_each_other_and_one_leaves()
    {
        // Ana uses a normal browser; Ben's has JavaScript turned off, to prove every step works without it.
        await using var anaContext = await chromium.NewContextAsync();
        await using var benContext = await chromium.NewContextAsync(javaScript: false);
        var ana = await anaContext.NewPageAsync();
        var ben = await benContext.NewPageAsync();
        var anaEmail = Journeys.NewEmail("ana");
        var benEmail = Journeys.NewEmail("ben");

        await ana.GotoAsync("/");
        await ChromiumApp.SnapAsync(ana, "01-welcome");
        await ana.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Create an account" }).ClickAsync();
        await RegisterAsync(ana, "Ana", anaEmail);
        await ConfirmAndSignInAsync(ana, anaEmail);
        await Assertions.Expect(ana.Locator("h1")).ToHaveTextAsync("Hello, Ana");
        await ChromiumApp.SnapAsync(ana, "02-home-alone");

        await ana.Locator("main").GetByRole(AriaRole.Button, new() { Name = "Start our space", Exact = true }).ClickAsync();
        var link = (await ana.Locator("#invite-link").TextContentAsync())!.Trim();
        Assert.StartsWith(chromium.BaseUrl + "/join?code=", link, StringComparison.Ordinal);
        await ChromiumApp.SnapAsync(ana, "03-invite");

        await ben.GotoAsync(link);
        await Assertions.Expect(ben.Locator("main")).ToContainTextAsync("Ana invited you");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Create my account" }).ClickAsync();
        await RegisterAsync(ben, "Ben", benEmail);
        await ConfirmAndSignInAsync(ben, benEmail);
        await Assertions.Expect(ben).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/join\\?code="));
        await ben.GetByRole(AriaRole.Button, new() { Name = "Join Ana" }).ClickAsync();
        await Assertions.Expect(ben.Locator("main")).ToContainTextAsync("You and Ana");
        await ChromiumApp.SnapAsync(ben, "04-together");

        await ana.GotoAsync("/");
        await Assertions.Expect(ana.Locator("main")).ToContainTextAsync("You and Ben");

        await ben.GotoAsync("/couple");
        await ben.GetByLabel("Yes, I want to leave").CheckAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "Leave now" }).ClickAsync();
        await Assertions.Expect(ben.Locator("main")).ToContainTextAsync("You've left the couple space");

        await ana.GotoAsync("/");
        await Assertions.Expect(ana.Locator("main")).ToContainTextAsync("Your partner left the couple space");
        await Assertions.Expect(ana.Locator("main")).Not.ToContainTextAsync("Ben");
        await ChromiumApp.SnapAsync(ana, "05-partner-left");
    }

    [Fact]
    public async Task Pages_load_nothing_from_other_sites_and_run_no_framework_script()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        var requested = new List<string>();
        var problems = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        foreach (var path in new[] { "/", "/account/login", "/account/register", "/join", "/account/check-email", "/no/such/page" })
        {
            await page.GotoAsync(path);
            var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
            Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        }

        // No CSP violations, no failed assets (the 404 page itself is the one expected failure).
        Assert.All(problems, p => Assert.Contains("404", p, StringComparison.Ordinal));

        Assert.NotEmpty(requested);
        Assert.Contains(requested, url => url.EndsWith(".css", StringComparison.Ordinal));
        Assert.All(requested, url => Assert.StartsWith(chromium.BaseUrl, url, StringComparison.Ordinal));
        Assert.DoesNotContain(requested, url => url.Contains("blazor", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task RegisterAsync(IPage page, string firstName, string email)
    {
        await page.GetByLabel("First name").FillAsync(firstName);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journeys.GoodPassword);
        await page.GetByLabel("Password again").FillAsync(Journeys.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Check your email");
    }

    private async Task ConfirmAndSignInAsync(IPage page, string email)
    {
        var message = await App.Mail.WaitForAsync(email, "Confirm your email");
        await page.GotoAsync(TestMailbox.LinkIn(message, "/account/confirm-email"));

        // Right on the confirmation page, whose form carries the way back to the invite and already holds the email.
        await Assertions.Expect(page.GetByLabel("Email")).ToHaveValueAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journeys.GoodPassword);
        await page.Locator("#confirm-sign-in").GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
