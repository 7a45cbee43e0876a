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

    [Fact]
    public async Task One_proposes_a_date_from_an_idea_they_both_enjoy_and_the_other_accepts_a_time()
    {
        await using var anaContext = await chromium.NewContextAsync();
        await using var benContext = await chromium.NewContextAsync(javaScript: false);
        var (ana, ben) = await chromium.PairAsync(anaContext, benContext, "Ana", "Ben");
        var today = chromium.App.Clock.GetUtcNow().UtcDateTime.Date;
        string Day(int ahead) => today.AddDays(ahead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // An idea both like, planned from the "you both would enjoy" list, with two times on offer.
        await ana.GotoAsync("/time-together/ideas");
        await ana.Locator("#rate-d003").GetByRole(AriaRole.Button, new() { Name = "Love it" }).ClickAsync();
        await ben.GotoAsync("/time-together/ideas");
        await ben.Locator("#rate-d003").GetByRole(AriaRole.Button, new() { Name = "Like it" }).ClickAsync();
        await ana.GotoAsync("/time-together");
        await ana.Locator("#idea-d003").GetByRole(AriaRole.Link, new() { Name = "Plan this" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#date-name")).Not.ToBeEmptyAsync();
        await ana.Locator("input[name='times[0].day']").FillAsync(Day(2));
        await ana.Locator("input[name='times[0].time']").FillAsync("19:30");
        await ana.Locator("input[name='times[1].day']").FillAsync(Day(3));
        await ana.Locator("input[name='times[1].time']").FillAsync("18:00");
        await ChromiumApp.SnapAsync(ana, "time-03-plan");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#date-message")).ToContainTextAsync("Proposed");

        // Ben, without JavaScript, finds it waiting and picks the second time.
        await ben.GotoAsync("/time-together");
        await ben.Locator("#waiting-for-you a").First.ClickAsync();
        await Assertions.Expect(ben.Locator("#options li")).ToHaveCountAsync(2);
        await ChromiumApp.SnapAsync(ben, "time-04-answer");
        await ben.Locator("#options li").Nth(1).GetByRole(AriaRole.Button, new() { Name = "This works for me" }).ClickAsync();
        await Assertions.Expect(ben.Locator("#date-message")).ToContainTextAsync("You both said yes");
        await Assertions.Expect(ben.Locator("#date-ics")).ToBeVisibleAsync();

        // Both see it coming up, at the time Ben picked.
        await ana.GotoAsync("/time-together");
        await Assertions
            .Expect(ana.Locator("#coming-up time"))
            .ToHaveAttributeAsync(
                "datetime",
                today.AddDays(3).AddHours(18).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)
            );
        await ChromiumApp.SnapAsync(ana, "time-05-coming-up");
    }
}
