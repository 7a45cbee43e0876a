using Microsoft.Playwright;

namespace Rekindle.EndToEndTests;

public sealed class TalkJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task Two_partners_answer_todays_question_and_see_each_other_only_after_both_answered()
    {
        await using var anaContext = await chromium.NewContextAsync();
        await using var benContext = await chromium.NewContextAsync(javaScript: false);
        var (ana, ben) = await chromium.PairAsync(anaContext, benContext, "Ana", "Ben");

        // Ana starts from the home page's card for today's question.
        await ana.GotoAsync("/");
        var question = (await ana.Locator("#daily .question").TextContentAsync())!.Trim();
        await ana.Locator("#daily").GetByRole(AriaRole.Link, new() { Name = "Answer" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#today-question .question")).ToHaveTextAsync(question);

        // The helper first, on a sharp draft; then a softer answer.
        await ana.GetByLabel("Your answer").FillAsync("You never plan anything for us.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Check how it sounds" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#soft-startup-answer")).ToContainTextAsync("You never");
        await ana.GetByLabel("Your answer").FillAsync("Our slow Sunday breakfasts, every time.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Share my answer" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#partner-status")).ToContainTextAsync("You'll see Ben's when they answer");
        await ChromiumApp.SnapAsync(ana, "talk-01-waiting");

        await ben.GotoAsync("/talk");
        await Assertions
            .Expect(ben.Locator("#partner-status"))
            .ToHaveTextAsync("Ana has had their turn. Answer too to see what they said.");
        await Assertions.Expect(ben.Locator("main")).Not.ToContainTextAsync("Sunday breakfasts");
        await ben.GetByLabel("Your answer").FillAsync("Walking home together in the rain.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Share my answer" }).ClickAsync();
        await Assertions.Expect(ben.Locator("#partner-answer")).ToHaveTextAsync("Our slow Sunday breakfasts, every time.");

        await ana.ReloadAsync();
        await Assertions.Expect(ana.Locator("#partner-answer")).ToHaveTextAsync("Walking home together in the rain.");
        await ana.Locator("label[for='reaction-Heart']").ClickAsync();
        await ana.GetByLabel("A short reply (optional)").FillAsync("I loved that walk.");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#my-reply")).ToContainTextAsync("I loved that walk.");
        await Assertions.Expect(ana.Locator("#month-count")).ToContainTextAsync("1");
        await ChromiumApp.SnapAsync(ana, "talk-02-revealed");

        await ben.ReloadAsync();
        await Assertions.Expect(ben.Locator("#their-reply")).ToContainTextAsync("I loved that walk.");
    }

    [Fact]
    public async Task A_guided_conversation_on_two_devices_updates_without_reloading_and_counts_down()
    {
        await using var gilContext = await chromium.NewContextAsync();
        await using var halContext = await chromium.NewContextAsync();
        var (gil, hal) = await chromium.PairAsync(gilContext, halContext, "Gil", "Hal");

        await gil.GotoAsync("/talk/conversation");
        await gil.GetByLabel("Time together").CheckAsync();
        await gil.GetByLabel("Each on our own device (I'll invite Hal)").CheckAsync();
        await gil.GetByRole(AriaRole.Button, new() { Name = "Start", Exact = true }).ClickAsync();
        await Assertions.Expect(gil.Locator("#waiting")).ToHaveTextAsync("Waiting for Hal to join");

        await hal.GotoAsync("/talk/conversation");
        await hal.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();

        // Gil did not reload: the page follows Hal's step by itself, and the speaker's timer runs.
        await Assertions.Expect(gil.Locator("#floor-holder")).ToHaveTextAsync("You have the floor", new() { Timeout = 10_000 });
        await Assertions.Expect(gil.Locator("#timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-2]:[0-5][0-9]$"));
        await ChromiumApp.SnapAsync(gil, "talk-03-floor");
        await gil.GetByRole(AriaRole.Button, new() { Name = "I've made my point" }).ClickAsync();
        await Assertions.Expect(hal.Locator("#floor-holder")).ToHaveTextAsync("Your turn to say it back", new() { Timeout = 10_000 });
    }
}
