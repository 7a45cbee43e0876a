using Microsoft.Playwright;
using Rekindle.Web.Features.Home;
using static Rekindle.Testing.Journeys;

namespace Rekindle.EndToEndTests;

/// <summary>
/// Issue 13, accessible: axe-core finds nothing on any page, signed out or as a member of a couple with
/// something written everywhere, in the light theme and the dark; keyboard alone reaches and submits a
/// form with visible focus; reduced motion turns transitions off.
/// </summary>
public sealed class AccessibilityTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    private static readonly string[] SignedOutPages =
    [
        "/account/login",
        "/account/register",
        "/account/forgot-password",
        "/account/reset-password",
        "/account/check-email",
        "/account/resend-confirmation",
        "/account/locked",
        "/join?code=ABCD-EFGH",
        "/safety",
        "/about",
        "/offline",
        "/no-such-page",
    ];

    [Fact]
    public async Task Every_page_passes_axe_signed_out_and_as_a_member_with_data()
    {
        var (email, _, repair, grudge) = await SeededCouple.WithDataAsync(chromium.App, "Axel");
        await using var context = await chromium.Browser.NewContextAsync(Options());
        var page = await context.NewPageAsync();
        var violations = new List<Axe.Violation>();
        foreach (var path in SignedOutPages)
        {
            violations.AddRange(await AuditAsync(page, path));
        }

        await ChromiumApp.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello, Axel");
        foreach (var path in MemberPages(repair, grudge).Distinct())
        {
            violations.AddRange(await AuditAsync(page, path));
        }

        Assert.True(violations.Count == 0, "axe found:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task The_dark_theme_follows_the_system_and_keeps_its_contrast()
    {
        var (email, _, _, _) = await SeededCouple.WithDataAsync(chromium.App, "Dara");
        var options = Options();
        options.ColorScheme = ColorScheme.Dark;
        await using var context = await chromium.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        var background = await page.EvaluateAsync<int[]>(
            "() => getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)"
        );
        Assert.True(background.Max() < 60, "the body is not dark: rgb(" + string.Join(',', background) + ")");

        var violations = new List<Axe.Violation>();
        foreach (var path in new[] { "/account/login", "/account/register", "/offline" })
        {
            violations.AddRange(await AuditAsync(page, path));
        }

        await ChromiumApp.SignInAsync(page, email);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello, Dara");
        foreach (
            var path in new[]
            {
                "/",
                "/talk",
                "/understand/results",
                "/understand/map",
                "/time-together/ideas",
                "/spontaneity/gestures",
                "/intimacy/answers",
                "/self-care",
                "/progress",
                "/repair",
                "/account/security",
            }
        )
        {
            violations.AddRange(await AuditAsync(page, path));
        }

        Assert.True(violations.Count == 0, "axe found in the dark theme:\n" + string.Join('\n', violations));
    }

    [Fact]
    public async Task Keyboard_alone_skips_to_the_content_with_visible_focus_and_signs_in()
    {
        var (member, email) = await MemberAsync(chromium.App, "Kit");
        member.Dispose();
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");

        // The quick exit comes first on every page (a safety decision, decisions/0019); the skip link right after it.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("quick-exit", await page.EvaluateAsync<string>("document.activeElement.id"));
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));

        // From the content, the form by keys alone: Tab to each field, type, Tab to the button, Enter.
        await TabToAsync(page, "input[type=email]");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.TypeAsync(email);
        await TabToAsync(page, "input[type=password]");
        await page.Keyboard.TypeAsync(GoodPassword);
        await TabToAsync(page, "main form[method=post] button[type=submit]");
        await AssertFocusVisibleAsync(page);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Hello, Kit");
    }

    [Fact]
    public async Task Reduced_motion_turns_off_transitions_and_smooth_scrolling()
    {
        await using var context = await chromium.Browser.NewContextAsync(
            new BrowserNewContextOptions { BaseURL = chromium.BaseUrl, ReducedMotion = ReducedMotion.Reduce }
        );
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        Assert.Equal(
            "0s",
            await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main button')).transitionDuration")
        );
        Assert.Equal("auto", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior"));

        await using var moving = await chromium.NewContextAsync();
        var normal = await moving.NewPageAsync();
        await normal.GotoAsync("/account/login");
        Assert.NotEqual(
            "0s",
            await normal.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('main button')).transitionDuration")
        );
    }

    private BrowserNewContextOptions Options() =>
        new()
        {
            BaseURL = chromium.BaseUrl,
            BypassCSP = true, // axe arrives as an inline script
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        };

    private static async Task<IReadOnlyList<Axe.Violation>> AuditAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true } || path == "/no-such-page", path + " answered " + response?.Status);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        return await Axe.CheckAsync(page);
    }

    private static IEnumerable<string> MemberPages(string repair, string grudge) =>
        [
            "/",
            "/couple",
            .. Areas.All.Select(a => a.Path),
            "/areas/repair",
            "/understand",
            "/understand/check?part=money",
            "/understand/results",
            "/understand/map",
            "/understand/plan",
            "/talk",
            "/talk/check-in",
            "/talk/conversation",
            "/talk/archive",
            "/talk/archive?q=walk",
            "/talk/questions",
            "/time-together",
            "/time-together/ideas",
            "/time-together/plan?idea=d001",
            "/time-together/dates",
            "/time-together/evening",
            "/time-together/calendar",
            "/spontaneity",
            "/spontaneity/gestures",
            "/intimacy",
            "/intimacy/answers",
            "/intimacy/matches",
            "/intimacy/program",
            "/intimacy/program?part=ready",
            "/intimacy/program?part=notes",
            "/intimacy/resources",
            "/self-care",
            "/support",
            "/support/summary",
            "/progress",
            "/repair",
            repair,
            "/repair/letting-go",
            grudge,
            "/repair/apology",
            "/repair/betrayal",
            "/account/security",
            "/account/activity",
            "/account/notifications",
            "/account/data",
            "/account/delete",
            "/account/change-password",
            "/account/authenticator",
            "/account/confirm-password",
            "/safety",
            "/offline",
        ];

    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) === true", selector))
            {
                return;
            }
        }

        Assert.Fail("Tab never reached " + selector);
    }

    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var style = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
        );
        var outlined = style[0] != "none" && style[1] != "0px";
        Assert.True(
            outlined || style[2] != "none",
            $"focus is not visible on the focused element: outline {style[0]} {style[1]}, box-shadow {style[2]}"
        );
    }
}
