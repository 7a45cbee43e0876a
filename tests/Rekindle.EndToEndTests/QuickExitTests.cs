using Microsoft.Playwright;
using Rekindle.Testing;

namespace Rekindle.EndToEndTests;

public sealed class QuickExitTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task Shift_three_times_leaves_at_once_and_back_does_not_return_to_the_app()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await chromium.RegisterAndSignInAsync(page, "Quin", Journeys.NewEmail("quin"));

        // The quick exit is the first thing the keyboard reaches.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("quick-exit", await page.EvaluateAsync<string>("document.activeElement.id"));

        // A fresh tab that opened the app once: after the exit, Back must not show the app.
        var tab = await context.NewPageAsync();
        await tab.GotoAsync("/couple");
        await Assertions.Expect(tab.Locator("h1")).ToHaveTextAsync("Your couple space");
        await tab.Keyboard.PressAsync("Shift");
        await tab.Keyboard.PressAsync("Shift");
        await tab.Keyboard.PressAsync("Shift");
        await tab.WaitForURLAsync("**/healthz");
        Assert.Empty(await context.CookiesAsync());
        await tab.GoBackAsync();
        Assert.DoesNotContain("/couple", tab.Url, StringComparison.Ordinal);

        // Any app page still in the other tab's history now shows nothing of the member's.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Hello, Quin");
        await page.GotoAsync("/couple");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }
}
