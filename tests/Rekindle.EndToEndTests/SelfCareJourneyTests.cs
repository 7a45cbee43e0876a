using Microsoft.Playwright;

namespace Rekindle.EndToEndTests;

public sealed class SelfCareJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task Logging_a_day_shows_it_in_the_weekly_charts()
    {
        await using var context = await chromium.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await chromium.RegisterAndSignInAsync(page, "Sam", $"sam-{Guid.NewGuid():N}@example.org");

        await page.GotoAsync("/self-care");
        await Assertions.Expect(page.Locator("#trends")).ToContainTextAsync("once you have logged a few days");
        await page.Locator("input[name=sleepHours]").FillAsync("7.5");
        await page.Locator("input[name=movementMinutes]").FillAsync("40");
        await page.Locator("input[name=eating][value='4']").CheckAsync();
        await page.Locator("select[name=stress]").SelectOptionAsync("3");
        await page.Locator("select[name=mood]").SelectOptionAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#self-care-message")).ToContainTextAsync("Saved");

        // The charts draw this week's point, and say it in words for screen readers.
        await Assertions.Expect(page.Locator("#mood-chart svg.chart-plot")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#mood-chart")).ToContainTextAsync("mood 8, stress 3");
        await Assertions.Expect(page.Locator("#sleep-chart table")).ToContainTextAsync("7.5");
        await ChromiumApp.SnapAsync(page, "self-care-01-charts");
    }
}
