using Microsoft.Playwright;

namespace Rekindle.EndToEndTests;

public sealed class TimeTogetherJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task Both_rate_an_idea_and_it_appears_for_both_as_one_they_would_enjoy()
    {
        await using var anaContext = await chromium.NewContextAsync();
        await using var benContext = await chromium.NewContextAsync(javaScript: false);
        var (ana, ben) = await chromium.PairAsync(anaContext, benContext, "Ana", "Ben");

        await ana.GotoAsync("/time-together/ideas");
        await ana.Locator("#rate-d001").GetByRole(AriaRole.Button, new() { Name = "Love it" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#rate-d001 button[aria-pressed=true]")).ToHaveTextAsync("Love it");
        await ana.Locator("#rate-d002").GetByRole(AriaRole.Button, new() { Name = "Not for me" }).ClickAsync();
        await ChromiumApp.SnapAsync(ana, "time-01-rate");

        await ben.GotoAsync("/time-together/ideas");
        await ben.Locator("#rate-d001").GetByRole(AriaRole.Button, new() { Name = "Like it" }).ClickAsync();
        await ben.Locator("#rate-d002").GetByRole(AriaRole.Button, new() { Name = "Love it" }).ClickAsync();

        await ben.GotoAsync("/time-together");
        await Assertions.Expect(ben.Locator("#both > li")).ToHaveCountAsync(1);
        await Assertions.Expect(ben.Locator("#idea-d001")).ToBeVisibleAsync();
        await ana.GotoAsync("/time-together");
        await Assertions.Expect(ana.Locator("#idea-d001")).ToBeVisibleAsync();
        await Assertions.Expect(ana.Locator("#idea-d002")).ToHaveCountAsync(0);
        await ChromiumApp.SnapAsync(ana, "time-02-both");
    }
}
