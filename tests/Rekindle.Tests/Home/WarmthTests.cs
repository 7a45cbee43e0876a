using Rekindle.Testing;
using static Rekindle.Tests.TimeTogether.DateJourney;

namespace Rekindle.Tests.Home;

/// <summary>
/// Quiet warmth (issue 24, point 9): one plain line, where it happens, for a first question both answered,
/// a first idea both would enjoy, and a repair finished; gone once it is no longer new. No streaks, no
/// exclamation marks.
/// </summary>
public abstract class WarmthTests(RekindleFactory app)
{
    private static async Task AnswerTodayAsync(TestBrowser browser) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/talk"),
            "daily",
            new Dictionary<string, string> { ["text"] = "Our walk by the sea", ["go"] = "answer" }
        );

    private static async Task RateAsync(TestBrowser browser, string key) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/time-together/ideas"),
            "rate",
            new Dictionary<string, string> { ["go"] = key + "|love" }
        );

    [Fact]
    public async Task The_first_question_both_answered_gets_one_quiet_line_and_the_next_day_none()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Ada", "Ben");
        await AnswerTodayAsync(a);
        Assert.Null((await a.GetAsync("/talk")).Find("#first-together"));
        await AnswerTodayAsync(b);
        foreach (var browser in new[] { a, b })
        {
            var line = (await browser.GetAsync("/talk")).TextOf("#first-together");
            Assert.Contains("Your first question answered together", line, StringComparison.Ordinal);
            Assert.DoesNotContain("!", line, StringComparison.Ordinal);
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        await AnswerTodayAsync(a);
        await AnswerTodayAsync(b);
        Assert.NotNull((await a.GetAsync("/talk")).Find("#answers"));
        Assert.Null((await a.GetAsync("/talk")).Find("#first-together"));
    }

    [Fact]
    public async Task The_first_idea_both_would_enjoy_gets_one_quiet_line_until_there_are_more()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Cy", "Di");
        var keys = (await a.GetAsync("/time-together/ideas"))
            .Document.QuerySelectorAll("button[name=go]")
            .Select(x => x.GetAttribute("value")!.Split('|')[0])
            .Distinct()
            .Take(2)
            .ToList();
        await RateAsync(a, keys[0]);
        Assert.Null((await a.GetAsync("/time-together")).Find("#first-both"));
        await RateAsync(b, keys[0]);
        foreach (var browser in new[] { a, b })
        {
            var line = (await browser.GetAsync("/time-together")).TextOf("#first-both");
            Assert.Contains("Your first idea you'd both enjoy", line, StringComparison.Ordinal);
            Assert.DoesNotContain("!", line, StringComparison.Ordinal);
        }

        await RateAsync(a, keys[1]);
        await RateAsync(b, keys[1]);
        Assert.Null((await a.GetAsync("/time-together")).Find("#first-both"));
    }

    [Fact]
    public async Task A_repair_finished_gets_one_quiet_line_on_home_for_a_day()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Ed", "Flo");
        Assert.Null((await a.GetAsync("/")).Find("#repair-finished"));
        await Repair.RepairTests.CompleteAsync(a, b);
        foreach (var browser in new[] { a, b })
        {
            var line = (await browser.GetAsync("/")).TextOf("#repair-finished");
            Assert.Contains("finished a repair together", line, StringComparison.Ordinal);
            Assert.DoesNotContain("!", line, StringComparison.Ordinal);
        }

        app.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Null((await a.GetAsync("/")).Find("#repair-finished"));
    }
}

public sealed class WarmthTestsOnSqlite(SqliteApp app) : WarmthTests(app), IClassFixture<SqliteApp>;

public sealed class WarmthTestsOnPostgres(PostgresApp app) : WarmthTests(app), IClassFixture<PostgresApp>;
