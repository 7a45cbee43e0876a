using Microsoft.Playwright;

namespace Rekindle.EndToEndTests;

/// <summary>A whole repair by two browsers, one with JavaScript and one without: every step revealed only when both wrote it.</summary>
public sealed class RepairJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    [Fact]
    public async Task Two_partners_work_through_a_hurt_step_by_step_to_a_shared_plan()
    {
        await using var withScript = await chromium.NewContextAsync(javaScript: true);
        await using var without = await chromium.NewContextAsync(javaScript: false);
        var (ana, ben) = await chromium.PairAsync(withScript, without, "Ana", "Ben");

        await ana.GotoAsync("/repair");
        await ana.Locator("#title").FillAsync("The missed dinner");
        await ana.Locator("#calm").CheckAsync();
        await ana.GetByRole(AriaRole.Button, new() { Name = "Open it" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#waiting-calm")).ToBeVisibleAsync();
        var path = new Uri(ana.Url).AbsolutePath;

        await ben.GotoAsync("/repair");
        await ben.Locator("#repairs a", new() { HasText = "The missed dinner" }).ClickAsync();
        await ben.GetByRole(AriaRole.Button, new() { Name = "I'm calm enough" }).ClickAsync();
        await Assertions.Expect(ben.Locator("#current")).ToContainTextAsync("Step 1 of 6");
        await ChromiumApp.SnapAsync(ben, "repair-01-feelings");

        var steps = new[] { "feelings", "account", "heard", "past", "own", "plan" };
        foreach (var step in steps)
        {
            foreach (var (page, who) in new[] { (ana, "Ana"), (ben, "Ben") })
            {
                await page.GotoAsync(path);
                if (step == "feelings")
                {
                    // Named groups of chips, each a 44px target, the whole choice within one phone screen and nothing sideways.
                    Assert.True(await page.Locator("#feelings fieldset.feeling-group legend").CountAsync() >= 5);
                    var chips = await page.EvaluateAsync<double[]>(
                        "() => [...document.querySelectorAll('#feelings label.chip-check')].map(l => l.getBoundingClientRect().height)"
                    );
                    Assert.Equal(26, chips.Length);
                    Assert.All(chips, h => Assert.True(h >= 44, $"a feeling is {h}px tall"));
                    Assert.True(
                        await page.EvaluateAsync<double>("() => document.querySelector('#feelings').getBoundingClientRect().height") <= 844
                    );
                    Assert.True(
                        await page.EvaluateAsync<bool>(
                            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                        ),
                        "the feelings step scrolls sideways"
                    );
                    await page.Locator("label[for=feeling-hurt]").ClickAsync();
                    await Assertions.Expect(page.Locator("#feeling-hurt")).ToBeCheckedAsync();
                }

                await page.Locator("#text").FillAsync($"{who} writes {step}");
                if (step is "own" or "plan")
                {
                    await page.Locator("#second").FillAsync($"{who} second {step}");
                }

                await page.GetByRole(AriaRole.Button, new() { Name = "Save my part" }).ClickAsync();
                if (who == "Ana")
                {
                    // Saved, and not yet shown to Ben.
                    await Assertions.Expect(ana.Locator("#my-step-saved")).ToBeVisibleAsync();
                    await ben.GotoAsync(path);
                    await Assertions.Expect(ben.Locator("#partner-done")).ToBeVisibleAsync();
                    await Assertions.Expect(ben.Locator("body")).Not.ToContainTextAsync($"Ana writes {step}");
                }
            }

            if (step == "heard")
            {
                // Each says whether the other caught it; the repair goes on once both say yes.
                foreach (var page in new[] { ana, ben })
                {
                    await page.GotoAsync(path);
                    await page.GetByRole(AriaRole.Button, new() { Name = "Yes, that's it", Exact = true }).ClickAsync();
                }

                await Assertions.Expect(ben.Locator("#heard-settled")).ToBeVisibleAsync();
            }

            await ana.GotoAsync(path);
            await Assertions.Expect(ana.Locator("#step-" + step)).ToContainTextAsync($"Ben writes {step}");
            await Assertions.Expect(ana.Locator("#step-" + step)).ToContainTextAsync($"Ana writes {step}");
            if (step == "account")
            {
                await Assertions.Expect(ana.Locator("#their-account")).ToContainTextAsync("Ben writes account");
            }
        }

        await Assertions.Expect(ana.Locator("#plan")).ToContainTextAsync("finished this repair together");
        await Assertions.Expect(ben.Locator("#step-plan")).ToContainTextAsync("Ana second plan");
        await ChromiumApp.SnapAsync(ana, "repair-02-plan");
    }
}
