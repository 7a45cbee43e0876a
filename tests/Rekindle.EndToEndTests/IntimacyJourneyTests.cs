using Microsoft.Playwright;

namespace Rekindle.EndToEndTests;

public sealed class IntimacyJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task Two_partners_answer_privately_and_see_exactly_the_items_both_want()
    {
        await using var aContext = await chromium.NewContextAsync();
        await using var bContext = await chromium.NewContextAsync(javaScript: false);
        var (ada, bo) = await chromium.PairAsync(aContext, bContext, "Ada", "Bo");

        foreach (var page in new[] { ada, bo })
        {
            await page.GotoAsync("/intimacy");
            await page.Locator("#adult").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            await Assertions.Expect(page.Locator("#intimacy-message")).ToContainTextAsync("Turned on");
            await page.GotoAsync("/intimacy/answers?category=affection");
        }

        // Ada: yes, maybe, no, a firm limit. Bo: yes, yes, yes, yes, and yes to one Ada left unanswered.
        async Task AnswerAsync(IPage page, string item, string answer)
        {
            await page.Locator($"#item-{item}").GetByRole(AriaRole.Button, new() { Name = answer, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator($"#item-{item} button[aria-pressed=true]")).ToHaveTextAsync(answer);
        }

        var items = await ada.Locator("#items > li").EvaluateAllAsync<string[]>("els => els.slice(0, 5).map(e => e.id.substring(5))");
        await AnswerAsync(ada, items[0], "Yes");
        await AnswerAsync(ada, items[1], "Maybe");
        await AnswerAsync(ada, items[2], "No");
        await AnswerAsync(ada, items[3], "Let's talk first");
        await ChromiumApp.SnapAsync(ada, "intimacy-01-answers");
        foreach (var item in items)
        {
            await AnswerAsync(bo, item, "Yes");
        }

        // Both see the same two, and only those.
        foreach (var page in new[] { ada, bo })
        {
            await page.GotoAsync("/intimacy/matches");
            await Assertions.Expect(page.Locator("li.match")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator($"#match-{items[0]}")).ToContainTextAsync("you both said yes");
            await Assertions.Expect(page.Locator($"#match-{items[1]}")).ToContainTextAsync("a yes and a maybe");
        }

        await ChromiumApp.SnapAsync(bo, "intimacy-02-matches");
    }
}
