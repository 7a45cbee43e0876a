using Microsoft.Extensions.DependencyInjection;
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
        await Assertions.Expect(ana.Locator("#share")).ToContainTextAsync("Ben hasn't finished their check yet");
        await ChromiumApp.SnapAsync(ana, "understand-01-results");

        await ben.GotoAsync("/understand/check");
        await chromium.TakeCheckAsync(ben, item => Answer(item, moneyWorries: true));
        await ben.GetByRole(AriaRole.Button, new() { Name = "Share my summary" }).ClickAsync();
        await Assertions.Expect(ben.Locator("main")).ToContainTextAsync("Ana hasn't shared theirs yet");

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
        // This week first and open; the other weeks folded (plain details); every "mark done" a real 44x44 circle, not a squashed oval.
        await Assertions.Expect(ana.Locator("#plan > li")).ToHaveCountAsync(1);
        await Assertions.Expect(ana.Locator("#other-weeks #week-2")).Not.ToBeVisibleAsync();
        var ticks = await ana.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('#week-1 button.tick')].map(b => [b.getBoundingClientRect().width, b.getBoundingClientRect().height])"
        );
        Assert.NotEmpty(ticks);
        Assert.All(ticks, t => Assert.True(t[0] >= 44 && t[1] >= 44, $"a tick is {t[0]}x{t[1]}px"));
        await ana.Locator("#other-weeks > summary").ClickAsync();
        await Assertions.Expect(ana.Locator("#other-weeks #week-2")).ToBeVisibleAsync();
        await ana.Locator("#week-1 button.tick").First.ClickAsync();
        await Assertions.Expect(ana.Locator("#done-count")).ToContainTextAsync("1 of");
        await ChromiumApp.SnapAsync(ana, "understand-03-plan");
    }

    [Fact]
    public async Task On_a_phone_the_safety_part_is_one_screen_can_be_skipped_and_the_results_fold_it_under_a_neutral_heading()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await chromium.RegisterAndSignInAsync(page, "Sam", Rekindle.Testing.Journeys.NewEmail("sam"));
        var content = chromium.App.Services.GetRequiredService<CheckContent>();
        var safety = content.Sections.Single(CheckScoring.MayBeSkipped);

        // One part a page at 390 px: every question of the part on it, nothing sideways, every control tall enough to tap.
        await page.GotoAsync("/understand/check?part=" + safety.Key);
        await Assertions.Expect(page.Locator("#alone-and-safe")).ToBeVisibleAsync();
        Assert.Equal(content.ItemsBySection[safety.Key].Count, await page.Locator("form fieldset.scale").CountAsync());
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "the safety part scrolls sideways"
        );
        var heights = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('.scale-options label, main .actions button')].map(e => e.getBoundingClientRect().height)"
        );
        Assert.All(heights, h => Assert.True(h >= 44, $"a control is {h}px tall"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Skip these for now" }).ClickAsync();
        foreach (var section in content.Sections.Where(s => s != safety))
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(section.Name);
            foreach (var item in content.ItemsBySection[section.Key])
            {
                await page.Locator($"label[for='a-{item.Id}-{Answer(item, moneyWorries: false)}']").ClickAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue", Exact = true }).ClickAsync();
        }

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your results");
        await Assertions.Expect(page.Locator("#for-you > summary")).ToHaveTextAsync("For you");
        await Assertions.Expect(page.Locator("#questions-left")).ToBeHiddenAsync();
        await page.Locator("#for-you > summary").ClickAsync();
        await Assertions.Expect(page.Locator("#questions-left")).ToBeVisibleAsync();
        var summary = await page.Locator("#for-you > summary").BoundingBoxAsync();
        Assert.True(summary!.Height >= 44, $"the summary is {summary.Height}px tall");
        await ChromiumApp.SnapAsync(page, "understand-04-for-you");
    }

    private static int Answer(CheckItem item, bool moneyWorries) =>
        item.Section switch
        {
            "safety" => 0,
            "wellbeing" => item.CrisisAt is null ? 1 : 0,
            "satisfaction" => 2,
            "time-together" => item.Reverse ? 0 : 4,
            "money" when moneyWorries => item.Reverse ? 0 : 4,
            _ => item.Reverse ? 3 : 1,
        };
}
