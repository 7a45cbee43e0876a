using Microsoft.Playwright;
using Rekindle.Testing;
using Rekindle.Web.Features.Understand;

namespace Rekindle.EndToEndTests;

/// <summary>
/// docs/TRUST.md T19 in Chromium (decisions/0027): a member whose check raised a safety concern walks every
/// area and is offered nothing for two and nothing intimate; the partner's intimacy and repair pages are
/// the same as in a couple where the other member simply paused exercises for two.
/// </summary>
public sealed class SafetyWalkTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    private static readonly string[] Areas =
    [
        "/",
        "/understand",
        "/understand/plan",
        "/talk",
        "/talk/conversation",
        "/time-together",
        "/self-care",
        "/support",
        "/spontaneity",
        "/intimacy",
        "/intimacy/answers",
        "/intimacy/matches",
        "/intimacy/program",
        "/repair",
        "/repair/betrayal",
        "/progress",
        "/areas/intimacy",
        "/areas/repair",
    ];

    // What would offer something for two or something intimate, were it there.
    private static readonly string[] Offers =
    [
        "#matches-link",
        "li.match",
        "#items",
        "#add-desire",
        "#stage",
        "#ready",
        "#intimacy-on",
        "a[href='/intimacy/answers']",
        "#open-repair",
        "#repairs",
        "#open-betrayal",
        "#betrayal-link",
        "#paths",
        "#start",
        "#pause-for-two",
    ];

    private static int Concern(CheckItem item) =>
        item.Section switch
        {
            "safety" => 3,
            "wellbeing" => 4,
            _ => item.Reverse ? 3 : 1,
        };

    private static int Calm(CheckItem item) =>
        item.Section switch
        {
            "safety" => 0,
            "wellbeing" => 1,
            _ => item.Reverse ? 3 : 1,
        };

    /// <summary>A couple with intimacy on, a match, and a repair the partner opened; returns the member, the partner and the repair's
    /// path.</summary>
    private async Task<(IPage Member, IPage Partner, string Repair)> CoupleAsync()
    {
        var (member, partner) = await chromium.PairAsync(await chromium.NewContextAsync(), await chromium.NewContextAsync(), "Cal", "Dee");
        foreach (var page in new[] { member, partner })
        {
            await page.GotoAsync("/intimacy");
            await page.Locator("#adult").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            await page.GotoAsync("/intimacy/answers");
            await page.Locator("button[value='i001|yes']").ClickAsync();
        }

        await partner.GotoAsync("/intimacy/matches");
        await Assertions.Expect(partner.Locator("li.match")).ToHaveCountAsync(1);
        await partner.GotoAsync("/repair");
        await partner.Locator("#title").FillAsync("Restingtitle");
        await partner.Locator("#calm").CheckAsync();
        await partner.GetByRole(AriaRole.Button, new() { Name = "Open it" }).ClickAsync();
        await Assertions.Expect(partner.Locator("#waiting-calm")).ToBeVisibleAsync();
        return (member, partner, new Uri(partner.Url).AbsolutePath);
    }

    private static async Task<List<string>> PartnersPagesAsync(IPage partner, string repair)
    {
        var views = new List<string>();
        foreach (var path in new[] { "/intimacy", "/intimacy/matches", "/intimacy/program", "/repair", repair, "/talk/conversation" })
        {
            await partner.GotoAsync(path);
            views.Add(SamePage.AcrossCouples(path + "\n" + await partner.ContentAsync()));
        }

        return views;
    }

    [Fact]
    public async Task A_member_with_a_concern_is_offered_nothing_for_two_and_the_partner_sees_a_neutral_pause()
    {
        // One couple where the member's check raises a concern; one where the member pauses, for no reason given.
        var (member, partner, repair) = await CoupleAsync();
        await member.GotoAsync("/understand/check");
        await chromium.TakeCheckAsync(member, Concern);

        var (pausing, waiting, pausedRepair) = await CoupleAsync();
        await pausing.GotoAsync("/understand/check");
        await chromium.TakeCheckAsync(pausing, Calm);
        await pausing.GotoAsync("/intimacy");
        await pausing.GetByRole(AriaRole.Button, new() { Name = "Pause them for now" }).ClickAsync();
        await Assertions.Expect(pausing.Locator("#paused-for-two")).ToBeVisibleAsync();

        foreach (var path in Areas.Append(repair))
        {
            await member.GotoAsync(path);
            foreach (var offer in Offers)
            {
                Assert.True(await member.Locator(offer).CountAsync() == 0, $"{path} offers {offer} to a member with a concern");
            }
        }

        foreach (var path in new[] { "/intimacy", "/repair", repair, "/talk/conversation" })
        {
            await member.GotoAsync(path);
            await Assertions.Expect(member.Locator("#resting")).ToContainTextAsync("resting for now");
            await Assertions.Expect(member.Locator("#resting a[href='/safety']")).ToBeVisibleAsync();
        }

        var concerned = await PartnersPagesAsync(partner, repair);
        var paused = await PartnersPagesAsync(waiting, pausedRepair);
        for (var i = 0; i < concerned.Count; i++)
        {
            Assert.True(
                concerned[i] == paused[i],
                "the partner can tell a concern from a pause: " + SamePage.Difference(concerned[i], paused[i])
            );
        }

        await partner.GotoAsync("/intimacy");
        await Assertions.Expect(partner.Locator("#partner-paused")).ToContainTextAsync("Cal has paused exercises for two for now");
        await ChromiumApp.SnapAsync(partner, "safety-01-partner-paused");
    }
}
