using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Intimacy;

/// <summary>An item's safety note goes with it wherever it appears: the answer page, a match and the API (decisions/0031).</summary>
public abstract class SafetyNoteTests(RekindleFactory app)
{
    [Fact]
    public async Task The_scarves_note_is_shown_with_the_item_and_with_the_match()
    {
        var (a, emailA) = await MemberAsync(app, "Ori");
        var (b, _) = await MemberAsync(app, "Pia");
        await JoinAsync(b, await InviteAsync(a));
        foreach (var browser in new[] { a, b })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy"),
                "intimacy-on",
                new Dictionary<string, string> { ["adult"] = "yes" }
            );
            var page = await browser.GetAsync("/intimacy/answers?category=toys-products");
            Assert.Contains("never around the neck", page.TextOf("#item-i086 .safety-note"), StringComparison.OrdinalIgnoreCase);
            Assert.Null(page.Find("#item-i082 .safety-note"));
            await browser.SubmitAsync(page, "desire", new Dictionary<string, string> { ["answer"] = "i086|yes" });
        }

        Assert.Contains("scissors", (await a.GetAsync("/intimacy/matches")).TextOf("#match-i086 .safety-note"), StringComparison.Ordinal);

        // The API carries it too.
        using var api = await ApiClient.SignInAsync(app, emailA);
        var item = (await api.GetAsync("/api/v1/intimacy/answers?category=toys-products"))
            .Json.GetProperty("items")
            .EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == "i086");
        Assert.Contains("stop word", item.GetProperty("safetyNote").GetString(), StringComparison.Ordinal);
        var match = (await api.GetAsync("/api/v1/intimacy/matches"))
            .Json.GetProperty("items")
            .EnumerateArray()
            .Single(i => i.GetProperty("key").GetString() == "i086");
        Assert.Contains("quick-release", match.GetProperty("safetyNote").GetString(), StringComparison.Ordinal);
    }
}

public sealed class SafetyNoteTestsOnSqlite(SqliteApp app) : SafetyNoteTests(app), IClassFixture<SqliteApp>;

public sealed class SafetyNoteTestsOnPostgres(PostgresApp app) : SafetyNoteTests(app), IClassFixture<PostgresApp>;
