using System.Net;
using System.Text.Json;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Safety;

/// <summary>An instance whose operator chose Scotland as the default place and gave their name and contact.</summary>
public class ConfiguredApp(TestProvider provider)
    : RekindleFactory(
        provider,
        new Dictionary<string, string?>
        {
            ["SafetyResources:DefaultCountry"] = "GB-SCT",
            ["Operator:Name"] = "Morgan Example Hosting",
            ["Operator:Contact"] = "help@operator.example.net",
        }
    );

public sealed class ConfiguredSqliteApp() : ConfiguredApp(TestProvider.Sqlite);

public sealed class ConfiguredPostgresApp() : ConfiguredApp(TestProvider.Postgres);

/// <summary>
/// The safety page (issue 21, points 5 and 6): it tells the truth about what a device keeps, under a
/// neutral title; it shows the lines of the member's place first, with every other place a choice
/// away; and that choice is the member's alone.
/// </summary>
public abstract class SafetyPageTests(RekindleFactory app)
{
    private static async Task<string> ExportAsync(TestBrowser browser)
    {
        var token = (await browser.GetAsync("/account/data"))
            .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await (await browser.Client.PostAsync("/account/export/json", content)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task The_page_tells_the_truth_about_history_under_a_neutral_title()
    {
        using var visitor = app.NewBrowser();
        var (member, _) = await MemberAsync(app, "Noor");
        foreach (var browser in new[] { visitor, member })
        {
            var page = await browser.GetAsync("/safety");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Help and information · Rekindle", page.Document.Title);
            Assert.Equal("Help and information", page.TextOf("h1"));
            Assert.DoesNotContain("not recorded anywhere", page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Support for you", page.Document.Title, StringComparison.Ordinal);

            var privacy = page.TextOf("#privacy");
            Assert.Contains("history", privacy, StringComparison.Ordinal);
            Assert.Contains("\"Help and information\"", privacy, StringComparison.Ordinal);
            Assert.Contains("private or incognito window", privacy, StringComparison.Ordinal);
            Assert.Contains("Quick exit", privacy, StringComparison.Ordinal);
            Assert.Contains("does not clear your browser's history", privacy, StringComparison.Ordinal);
            Assert.Contains("Rekindle itself keeps no record that you opened this page", privacy, StringComparison.Ordinal);
            Assert.Contains("7 December 2026", page.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_default_places_lines_come_first_and_every_other_place_is_a_choice_away()
    {
        using var visitor = app.NewBrowser();
        var page = await visitor.GetAsync("/safety");
        Assert.Equal("Showing lines for Scotland.", page.TextOf("#country-shown"));
        Assert.Contains("999", page.TextOf("#emergency"), StringComparison.Ordinal);
        Assert.Contains("0800 027 1234", page.TextOf("#domestic-abuse"), StringComparison.Ordinal);
        Assert.DoesNotContain("0808 2000 247", page.Html, StringComparison.Ordinal);
        Assert.Contains("08088 01 03 02", page.TextOf("#sexual-violence"), StringComparison.Ordinal);
        Assert.Contains("116 123", page.TextOf("#crisis"), StringComparison.Ordinal);
        Assert.Contains("0808 802 4040", page.TextOf("#own-behaviour"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("#crisis a[href='tel:116123']"));
        Assert.Equal(11, page.Document.QuerySelectorAll("#country-choice option").Length);

        var canada = await visitor.GetAsync("/safety?country=CA");
        Assert.Equal("Showing lines for Canada.", canada.TextOf("#country-shown"));
        Assert.Contains("911", canada.TextOf("#emergency"), StringComparison.Ordinal);
        Assert.Contains("988", canada.TextOf("#crisis"), StringComparison.Ordinal);
        Assert.Contains("Ontario, Canada", canada.TextOf("#domestic-abuse"), StringComparison.Ordinal);
        Assert.Null(canada.Find("#own-behaviour"));

        var elsewhere = await visitor.GetAsync("/safety?country=elsewhere");
        Assert.Contains("112", elsewhere.TextOf("#emergency"), StringComparison.Ordinal);
        Assert.Contains("call your emergency number now", elsewhere.TextOf("#crisis"), StringComparison.Ordinal);

        var all = await visitor.GetAsync("/safety?country=all");
        Assert.Equal("Showing lines for every country.", all.TextOf("#country-shown"));
        foreach (
            var number in new[]
            {
                "0808 2000 247",
                "0800 027 1234",
                "0808 80 10 800",
                "0808 802 1414",
                "1800 341 900",
                "1-800-799-7233",
                "1800 737 732",
                "0800 733 843",
            }
        )
        {
            Assert.Contains(number, all.TextOf("#domestic-abuse"), StringComparison.Ordinal);
        }

        // Something not in the list falls back to the default, quietly.
        Assert.Equal("Showing lines for Scotland.", (await visitor.GetAsync("/safety?country=%3Cscript%3E")).TextOf("#country-shown"));
    }

    [Fact]
    public async Task A_members_place_is_theirs_alone_and_the_partner_sees_the_same_bytes_either_way()
    {
        string[] partnersPages =
        [
            "/",
            "/safety",
            "/safety#crisis",
            "/couple",
            "/support",
            "/about",
            "/account/data",
            "/account/notifications",
            "/understand",
        ];
        var views = new List<List<string>>();
        var exports = new List<string>();
        foreach (var chooses in new[] { true, false })
        {
            var (pat, rue) = await Repair.RepairTests.CoupleAsync(app, "Pat", "Rue");
            if (chooses)
            {
                var refused = await pat.SubmitAsync(
                    await pat.GetAsync("/safety"),
                    "helpline-country",
                    new Dictionary<string, string> { ["country"] = "Atlantis" }
                );
                Assert.Equal("Please choose one of the places in the list.", refused.TextOf("#country-problem"));
                var saved = await pat.SubmitAsync(
                    await pat.GetAsync("/safety"),
                    "helpline-country",
                    new Dictionary<string, string> { ["country"] = "NZ" }
                );
                Assert.NotNull(saved.Find("#country-saved"));
                Assert.Equal("Showing lines for New Zealand.", saved.TextOf("#country-shown"));
                var again = await pat.GetAsync("/safety");
                Assert.Equal("Showing lines for New Zealand.", again.TextOf("#country-shown"));
                Assert.Contains("1737", again.TextOf("#crisis"), StringComparison.Ordinal);
                Assert.Equal("NZ", again.Find("#country-choice option[selected]")!.GetAttribute("value"));

                using var json = JsonDocument.Parse(await ExportAsync(pat));
                Assert.Equal("NZ", json.RootElement.GetProperty("safety").GetProperty("helplineCountry").GetString());
            }

            var partnerViews = new List<string>();
            foreach (var path in partnersPages)
            {
                var view = await rue.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, view.Status);
                partnerViews.Add(SamePage.AcrossCouples(view.Html));
            }

            Assert.Equal("Showing lines for Scotland.", (await rue.GetAsync("/safety")).TextOf("#country-shown"));
            var export = await ExportAsync(rue);
            Assert.DoesNotContain("\"NZ\"", export, StringComparison.Ordinal);
            // Each couple draws its own daily question; the rest must match.
            exports.Add(
                System.Text.RegularExpressions.Regex.Replace(
                    SamePage.AcrossCouples(export),
                    "\"question\": \"(?:[^\"\\\\]|\\\\.)*\"",
                    "\"question\": \"[question]\""
                )
            );
            views.Add(partnerViews);
        }

        for (var i = 0; i < partnersPages.Length; i++)
        {
            Assert.True(
                views[0][i] == views[1][i],
                $"{partnersPages[i]} changes for the partner with the other's place: {SamePage.Difference(views[0][i], views[1][i])}"
            );
        }

        Assert.True(
            exports[0] == exports[1],
            "the partner's export changes with the other's place: " + SamePage.Difference(exports[0], exports[1])
        );
    }

    [Fact]
    public async Task The_pause_for_two_names_the_partner_who_sees_it()
    {
        var (pia, _) = await Repair.RepairTests.CoupleAsync(app, "Pia", "Quin");
        var offer = await pia.GetAsync("/repair");
        Assert.Contains(
            "Everything is kept, and Quin sees only that you paused.",
            offer.TextOf("#pause-for-two"),
            StringComparison.Ordinal
        );
        var paused = await pia.SubmitAsync(offer, "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });
        Assert.Contains("Quin sees only that you paused, never why.", paused.TextOf("#paused-for-two"), StringComparison.Ordinal);
        var back = await pia.SubmitAsync(paused, "pause-for-two", new Dictionary<string, string> { ["pause"] = "off" });
        Assert.NotNull(back.Find("#pause-for-two"));
    }
}

public sealed class SafetyPageTestsOnSqlite(ConfiguredSqliteApp app) : SafetyPageTests(app), IClassFixture<ConfiguredSqliteApp>;

public sealed class SafetyPageTestsOnPostgres(ConfiguredPostgresApp app) : SafetyPageTests(app), IClassFixture<ConfiguredPostgresApp>;
