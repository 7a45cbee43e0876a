using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;

namespace Rekindle.EndToEndTests;

/// <summary>
/// Issue 26 in Chromium, as people do it: a counselor makes a connection code, one partner enters it and picks what they share,
/// the other agrees separately, the counselor gives homework, a partner marks it done and the counselor sees that, then one
/// partner ends the connection and the counselor's next request is not found. One partner's browser runs without JavaScript.
/// </summary>
public sealed partial class PracticeJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task A_counselor_connects_both_agree_homework_is_done_and_an_end_closes_the_door_at_once()
    {
        await using var anaContext = await chromium.NewContextAsync(javaScript: true);
        await using var benContext = await chromium.NewContextAsync(javaScript: false);
        await using var danaContext = await chromium.NewContextAsync(javaScript: true);
        var (ana, ben) = await chromium.PairAsync(anaContext, benContext, "Ana", "Ben");

        // The operator made Dana's account and she set her password and authenticator; she signs in with both.
        var professional = await PracticeSeed.ProfessionalAsync(chromium.App, "Dana");
        professional.Browser.Dispose();
        var dana = await danaContext.NewPageAsync();
        await ChromiumApp.SignInAsync(dana, professional.Email);
        chromium.App.Clock.Advance(TimeSpan.FromSeconds(31));
        await dana.GetByLabel("Code", new() { Exact = true })
            .FillAsync(Totp.Code(professional.AuthenticatorKey, Totp.StepAt(chromium.App.Clock.GetUtcNow())));
        await dana.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await Assertions.Expect(dana).ToHaveURLAsync(EndsWithPro());

        // Dana makes a code and passes it on.
        await dana.GotoAsync("/pro/codes");
        await dana.GetByRole(AriaRole.Button, new() { Name = "Make a code" }).ClickAsync();
        var code = (await dana.Locator("#connection-code").TextContentAsync())!.Trim();
        await ChromiumApp.SnapAsync(dana, "practice-01-code");

        // Ana enters it for both of them and also shares her check results.
        await ana.GotoAsync("/counselor");
        await ana.GetByLabel("Connection code").FillAsync(code);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();
        await ana.GetByLabel("For both of us").CheckAsync();
        await ana.GetByLabel("Your check results").CheckAsync();
        await ChromiumApp.SnapAsync(ana, "practice-02-connect");
        await ana.GetByRole(AriaRole.Button, new() { Name = "Connect", Exact = true }).ClickAsync();
        await Assertions.Expect(ana.Locator("#waiting-for-partner")).ToContainTextAsync("Waiting for Ben to agree");

        // Nothing reaches Dana until Ben agrees.
        await dana.GotoAsync("/pro");
        await Assertions.Expect(dana.Locator("#no-active")).ToBeVisibleAsync();

        // Ben agrees separately (homework done or not yet is ticked for him to start with).
        await ben.GotoAsync("/counselor");
        await ben.GetByRole(AriaRole.Link, new() { Name = "Agree and choose what I share" }).ClickAsync();
        await ChromiumApp.SnapAsync(ben, "practice-03-agree");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Agree and connect" }).ClickAsync();
        await Assertions.Expect(ben.Locator("#counselor")).ToContainTextAsync("Connected since");

        // Dana opens the couple and gives them this week's check-in, with a note.
        await dana.GotoAsync("/pro");
        await dana.Locator("#active-list h3 a").ClickAsync();
        await Assertions.Expect(dana.Locator("h1")).ToHaveTextAsync("What they share with you");
        var connection = new Uri(dana.Url).AbsolutePath;
        await dana.GotoAsync(connection + "/homework");
        // A kind with one item (the check-in) goes straight to the day and the note.
        await dana.Locator("#homework-kinds").GetByRole(AriaRole.Link, new() { Name = "The weekly check-in" }).ClickAsync();
        await dana.GetByLabel("A short note (optional)").FillAsync("Sunday evening, with tea.");
        await ChromiumApp.SnapAsync(dana, "practice-04-assign");
        await dana.GetByRole(AriaRole.Button, new() { Name = "Give this homework" }).ClickAsync();
        await Assertions.Expect(dana.Locator(".homework-mark", new() { HasText = "Ben" })).ToHaveTextAsync("Ben: not yet");

        // Ben finds it, with the note, and marks it done.
        await ben.GotoAsync("/counselor/homework");
        await Assertions.Expect(ben.Locator("#counselor-homework .note-text")).ToContainTextAsync("Sunday evening, with tea.");
        await ben.GetByRole(AriaRole.Button, new() { Name = "Mark done" }).ClickAsync();
        await Assertions.Expect(ben.Locator("#counselor-homework")).ToContainTextAsync("You marked it done.");

        // Dana sees it done.
        await dana.GotoAsync(connection + "/homework");
        await Assertions.Expect(dana.Locator(".homework-mark", new() { HasText = "Ben" })).ToHaveTextAsync("Ben: done");
        await ChromiumApp.SnapAsync(dana, "practice-05-done");

        // Ana ends the connection; both partners see it ended.
        await ana.GotoAsync("/counselor");
        await ana.GetByRole(AriaRole.Link, new() { Name = "End the connection" }).ClickAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "End the connection" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#counselor")).ToContainTextAsync("Your connection with Dana ended");
        await ben.GotoAsync("/counselor");
        await Assertions.Expect(ben.Locator("#counselor")).ToContainTextAsync("Your connection with Dana ended");

        // Dana's very next request to the connection is not found, and so is everything under it.
        foreach (var path in new[] { connection, connection + "/homework", connection + "/prep" })
        {
            var response = await dana.GotoAsync(path);
            Assert.Equal(404, response!.Status);
        }

        await dana.GotoAsync("/pro");
        await Assertions.Expect(dana.Locator("#no-active")).ToBeVisibleAsync();
    }

    [GeneratedRegex("/pro$")]
    private static partial Regex EndsWithPro();
}
