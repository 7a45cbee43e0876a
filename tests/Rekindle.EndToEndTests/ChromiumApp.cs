using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rekindle.Testing;
using Rekindle.Web.Features.Understand;

namespace Rekindle.EndToEndTests;

/// <summary>The app on a real Kestrel port, and Debian's Chromium driven by Playwright (never a downloaded browser).</summary>
public sealed class ChromiumApp : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private IPlaywright? _playwright;

    public RekindleFactory App { get; } = new(TestProvider.Sqlite);

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // No browser here: every test of the class is skipped with the reason (tests/Shared/Needs.cs).
        Needs.Chromium();
        var port = TestMailbox.FreePort();
        App.Settings["Rekindle:PublicUrl"] = $"http://localhost:{port}";
        // A stand-in neutral site: the tests may not leave this machine.
        App.Settings["QuickExit:Url"] = $"http://127.0.0.1:{port}/healthz";
        // Practice mode with a provider configured, so the practice sign-in page is walked too; its address is never visited
        // (only pressing the button would go there), and .invalid never resolves.
        App.Settings["Practice:Enabled"] = "true";
        App.Settings["Practice:Oidc:Authority"] = "https://provider.invalid/";
        App.Settings["Practice:Oidc:ClientId"] = "rekindle";
        App.Settings["Practice:Oidc:DisplayName"] = "Northside Counseling";
        App.UseKestrel(port);
        App.StartServer();
        BaseUrl = $"http://localhost:{port}";
        App.ServerUrl = BaseUrl;

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchAsync();
    }

    /// <summary>A Chromium of its own, with extra switches (e.g. a host name mapped to this machine); the caller closes it.</summary>
    public Task<IBrowser> LaunchAsync(params string[] extraArgs) =>
        _playwright!.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = Needs.Chromium(),
                Headless = true,
                Args = [.. ChromiumArgs, .. extraArgs],
            }
        );

    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, bool bypassCsp = false) =>
        Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = BaseUrl,
                JavaScriptEnabled = javaScript,
                BypassCSP = bypassCsp,
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            }
        );

    /// <summary>Registers through the pages, confirms by the emailed link, and signs in, as a person would.</summary>
    public async Task RegisterAndSignInAsync(IPage page, string firstName, string email)
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("First name").FillAsync(firstName);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Journeys.GoodPassword);
        await page.GetByLabel("Password again").FillAsync(Journeys.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GotoAsync(TestMailbox.LinkIn(await App.Mail.WaitForAsync(email, "Confirm your email"), "/account/confirm-email"));
        await SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello, " + firstName);
    }

    /// <summary>Two new members, paired through the invite link as people would: the first invites, the second joins.</summary>
    public async Task<(IPage First, IPage Second)> PairAsync(
        IBrowserContext first,
        IBrowserContext second,
        string firstName,
        string secondName
    )
    {
        var a = await first.NewPageAsync();
        var b = await second.NewPageAsync();
        await RegisterAndSignInAsync(a, firstName, Journeys.NewEmail(firstName.ToLowerInvariant()));
        await RegisterAndSignInAsync(b, secondName, Journeys.NewEmail(secondName.ToLowerInvariant()));
        await a.GotoAsync("/couple");
        await a.GetByRole(AriaRole.Button, new() { Name = "Start our space and invite my partner" }).ClickAsync();
        var link = (await a.Locator("#invite-link").TextContentAsync())!.Trim();
        await b.GotoAsync(link);
        await b.GetByRole(AriaRole.Button, new() { Name = "Join " + firstName }).ClickAsync();
        return (a, b);
    }

    /// <summary>The Rough Patch Check through its pages from the part the page is on, tapping each answer's label as a person
    /// does.</summary>
    public async Task TakeCheckAsync(IPage page, Func<CheckItem, int> answer)
    {
        var content = App.Services.GetRequiredService<CheckContent>();
        foreach (var section in content.Sections)
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(section.Name);
            foreach (var item in content.ItemsBySection[section.Key])
            {
                // The answer's visible label is what a person taps.
                await page.Locator($"label[for='a-{item.Id}-{answer(item)}']").ClickAsync();
            }

            await page.GetByRole(
                    AriaRole.Button,
                    new() { Name = section == content.Sections[^1] ? "Finish and see my results" : "Save and continue", Exact = true }
                )
                .ClickAsync();
        }
    }

    public static async Task SignInAsync(IPage page, string email, string password = Journeys.GoodPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.Locator("main form[method=post]").First.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Screenshots for a person to look at, when REKINDLE_SCREENSHOTS names a folder.</summary>
    public static async Task SnapAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("REKINDLE_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
