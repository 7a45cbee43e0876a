using Microsoft.Playwright;
using Rekindle.Web.Features.Understand;

namespace Rekindle.EndToEndTests;

/// <summary>
/// A couple goes through week one of their program in Chromium (decisions/0040): both read the lesson and write a private
/// reflection, the together part opens once both have read, both do the end check; every screen fits 390×844 with nothing
/// sideways and controls tall enough to tap, and the partner never sees the other's reflection.
/// </summary>
public sealed class ProgramJourneyTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    // Time together strained, no safety concern, wellbeing fine.
    private static int Ordinary(CheckItem item) =>
        item.Section switch
        {
            "safety" => 0,
            "wellbeing" => item.CrisisAt is null ? 1 : 0,
            "satisfaction" => 2,
            "time-together" => item.Reverse ? 0 : 4,
            _ => item.Reverse ? 3 : 1,
        };

    private static async Task FitsAsync(IPage page)
    {
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            page.Url + " scrolls sideways"
        );
        var heights = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('main button, main .button, main .checkbox label')].map(e => e.getBoundingClientRect().height)"
        );
        Assert.All(heights, h => Assert.True(h >= 44, $"a control on {page.Url} is {h}px tall"));
    }

    private static async Task ReadAndReflectAsync(IPage page, string reflection)
    {
        await page.GotoAsync("/program/week/1");
        await Assertions.Expect(page.Locator("#lesson-body p").First).ToBeVisibleAsync();
        await FitsAsync(page);
        await page.Locator("#lesson-done").ClickAsync();
        await Assertions.Expect(page.Locator("#reflection-question")).ToBeVisibleAsync();
        await FitsAsync(page);
        await page.Locator("#reflection-text").FillAsync(reflection);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and go on" }).ClickAsync();
    }

    private static async Task EndCheckAsync(IPage page)
    {
        await page.GotoAsync("/program/week/1/check");
        await FitsAsync(page);
        await page.Locator("label[for='helpful-yes']").ClickAsync();
        await page.Locator("label[for='together-yes']").ClickAsync();
        await page.Locator("label[for='closeness-4']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Finish this week" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/program$"));
    }

    [Fact]
    public async Task A_couple_goes_through_week_one_on_their_phones()
    {
        await using var first = await chromium.NewContextAsync();
        await using var second = await chromium.NewContextAsync();
        var (ana, ben) = await chromium.PairAsync(first, second, "Ana", "Ben");
        await ana.GotoAsync("/understand/check");
        await chromium.TakeCheckAsync(ana, Ordinary);

        await ana.GotoAsync("/program");
        await Assertions.Expect(ana.Locator("#partner-sees")).ToContainTextAsync("Ben");
        await FitsAsync(ana);
        await ana.GetByRole(AriaRole.Button, new() { Name = "Start your program" }).ClickAsync();
        await Assertions.Expect(ana.Locator("#sessions > li")).ToHaveCountAsync(6);

        await ReadAndReflectAsync(ana, "Anasownreflection");
        await Assertions.Expect(ana.Locator("#together-waits")).ToBeVisibleAsync();
        await FitsAsync(ana);

        await ben.GotoAsync("/");
        await ben.Locator("#waiting a[href='/program/week/1']").ClickAsync();
        await ReadAndReflectAsync(ben, "Bensownreflection");
        await Assertions.Expect(ben.Locator("#together-open")).ToBeVisibleAsync();
        await FitsAsync(ben);
        await ben.Locator("#together-done").ClickAsync();
        await EndCheckAsync(ben);
        await Assertions.Expect(ben.Locator("#session-1 .partner")).ToContainTextAsync("Ana: lesson read");
        Assert.DoesNotContain("Anasownreflection", await ben.ContentAsync(), StringComparison.Ordinal);

        await ana.GotoAsync("/program/week/1/together");
        await Assertions.Expect(ana.Locator("#together-open")).ToBeVisibleAsync();
        await ana.Locator("#together-done").ClickAsync();
        await EndCheckAsync(ana);
        await FitsAsync(ana);
        await Assertions.Expect(ana.Locator("#session-1 .partner")).ToContainTextAsync("Ben: lesson read · practice done");
        foreach (var path in new[] { "/program/week/1", "/program/week/1/reflect", "/program/week/1/together", "/program/week/1/check" })
        {
            await ana.GotoAsync(path);
            Assert.DoesNotContain("Bensownreflection", await ana.ContentAsync(), StringComparison.Ordinal);
        }

        await ChromiumApp.SnapAsync(ana, "program-01-week-one-done");
    }
}
