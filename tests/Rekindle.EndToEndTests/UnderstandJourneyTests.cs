using Microsoft.Playwright;
using Rekindle.Web.Features.Understand;

namespace Rekindle.EndToEndTests;

public sealed class UnderstandJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task Both_partners_take_the_check_share_and_see_the_couple_map()
    {
        // Ana's browser runs scripts; Ben's does not, to prove the check works as plain forms.
        await using var anaContext = await chromium.NewContextAsync();
        await using var benContext = await chromium.NewContextAsync(javaScript: false);
        var (ana, ben) = await chromium.PairAsync(anaContext, benContext, "Ana", "Ben");

        // Ana starts from the home page's first card.
        await ana.GotoAsync("/");
        await ana.Locator("#today").GetByRole(AriaRole.Link, new() { Name = "Take the check" }).ClickAsync();
        await chromium.TakeCheckAsync(ana, item => Answer(item, moneyWorries: false));
        await Assertions.Expect(ana.Locator("h1")).ToHaveTextAsync("Your results");
        await Assertions.Expect(ana.Locator("#share")).ToContainTextAsync("Your partner hasn't finished their check yet");
        await ChromiumApp.SnapAsync(ana, "understand-01-results");

        await ben.GotoAsync("/understand/check");
        await chromium.TakeCheckAsync(ben, item => Answer(item, moneyWorries: true));
        await ben.GetByRole(AriaRole.Button, new() { Name = "Share my summary" }).ClickAsync();
        await Assertions.Expect(ben.Locator("main")).ToContainTextAsync("Your partner hasn't shared theirs yet");

        await ana.ReloadAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Share my summary" }).ClickAsync();
        await Assertions.Expect(ana.Locator("h1")).ToHaveTextAsync("Couple Map");
        await Assertions.Expect(ana.Locator("#map-time-together")).ToContainTextAsync("Strained for you both");
        await Assertions.Expect(ana.Locator("#map-money")).ToContainTextAsync("You see this one quite differently");
        await Assertions.Expect(ana.Locator("#map-money")).ToContainTextAsync("Ben");
        await ChromiumApp.SnapAsync(ana, "understand-02-map");

        await ben.GotoAsync("/understand/map");
        await Assertions.Expect(ben.Locator("#map-money")).ToContainTextAsync("Ana");

        // The plan, and a step ticked by tapping its button.
        await ana.GotoAsync("/understand/plan");
        await Assertions.Expect(ana.Locator("#week-1")).ToContainTextAsync("Because you both marked time together as strained.");
        await ana.Locator("#week-1 button.tick").First.ClickAsync();
        await Assertions.Expect(ana.Locator("#done-count")).ToContainTextAsync("1 of");
        await ChromiumApp.SnapAsync(ana, "understand-03-plan");
    }

    private static int Answer(CheckItem item, bool moneyWorries) => item.Section switch
    {
        "safety" => 0,
        "wellbeing" => 1,
        "satisfaction" => 2,
        "time-together" => item.Reverse ? 0 : 4,
        "money" when moneyWorries => item.Reverse ? 0 : 4,
        _ => item.Reverse ? 3 : 1,
    };
}
