using Microsoft.Playwright;

namespace Rekindle.EndToEndTests;

public sealed class SpontaneityJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task A_loved_gesture_becomes_a_hint_and_a_note_reaches_the_partners_home_page()
    {
        await using var anaContext = await chromium.NewContextAsync();
        await using var benContext = await chromium.NewContextAsync(javaScript: false);
        var (ana, ben) = await chromium.PairAsync(anaContext, benContext, "Ana", "Ben");

        await ana.GotoAsync("/spontaneity/gestures");
        await ana.Locator("#mark-g001").GetByRole(AriaRole.Button, new() { Name = "I'd love this" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#mark-g001 button[aria-pressed=true]")).ToHaveTextAsync("I'd love this");
        await ana.Locator("#mark-g002").GetByRole(AriaRole.Button, new() { Name = "Not for me" }).ClickAsync();
        await ChromiumApp.SnapAsync(ana, "spontaneity-01-mark");

        await ben.GotoAsync("/spontaneity");
        await Assertions.Expect(ben.Locator("#hints > li")).ToHaveCountAsync(1);
        await Assertions.Expect(ben.Locator("#hint-g001")).ToBeVisibleAsync();
        await Assertions.Expect(ben.Locator("#surprise-loved")).ToBeVisibleAsync();
        await ben.Locator("#note-text").FillAsync("Thank you for the tea this morning.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Assertions.Expect(ben.Locator("#note-message")).ToContainTextAsync("Sent.");
        await ChromiumApp.SnapAsync(ben, "spontaneity-02-giver");

        await ana.GotoAsync("/");
        await Assertions.Expect(ana.Locator("#notes .note-text")).ToHaveTextAsync("Thank you for the tea this morning.");
        await ChromiumApp.SnapAsync(ana, "spontaneity-03-home-note");
    }
}
