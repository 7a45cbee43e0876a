using Rekindle.Testing;
using Rekindle.Tests.Understand;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Progress;

/// <summary>The progress page through HTTP on both databases: what it shows, and what it never shows.</summary>
public abstract class ProgressTests(RekindleFactory app)
{
    /// <summary>The pulse table's rows: week, then the member's pulse, then the partner's (or "not shown").</summary>
    private static List<string[]> PulseRows(Page page) =>
        page
            .Document.QuerySelectorAll("#pulse-chart-table tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())
            .ToList();

    [Fact]
    public async Task A_member_alone_sees_their_own_part_and_a_gentle_note()
    {
        var (alone, _) = await MemberAsync(app, "Ona");
        var page = await alone.GetAsync("/progress");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find("#progress-alone"));
        Assert.NotNull(page.Find("#no-checks"));
        Assert.Null(page.Find("#pulse"));
        Assert.Null(page.Find("#my-plan"));

        // The area list leads here now.
        Assert.NotNull((await alone.GetAsync("/")).Find("a[href='/progress']"));
    }

    [Fact]
    public async Task A_new_couple_sees_friendly_empty_charts_and_the_weeks_in_words()
    {
        var (a, _) = await MemberAsync(app, "Pia");
        var (b, _) = await MemberAsync(app, "Quin");
        await JoinAsync(b, await InviteAsync(a));
        var page = await a.GetAsync("/progress");
        Assert.Null(page.Find("#progress-alone"));
        Assert.NotNull(page.Find("#pulse-chart-empty"));
        Assert.Null(page.Find("#pulse-chart svg"));
        Assert.Contains("0 of the last 12 weeks", page.TextOf("#weeks-chart-summary"), StringComparison.Ordinal);
        Assert.Equal(12, page.Document.QuerySelectorAll("#weeks-chart-table tbody tr").Length);
        Assert.Contains("No questions answered together", page.TextOf("#questions-chart-summary"), StringComparison.Ordinal);
        Assert.Null(page.Find("#map-levels"));
        Assert.DoesNotContain("style=", page.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Both_pulses_show_only_for_weeks_both_did_the_check_in_and_another_couple_sees_none()
    {
        var (a, _) = await MemberAsync(app, "Rue");
        var (b, _) = await MemberAsync(app, "Sol");
        await JoinAsync(b, await InviteAsync(a));
        var (c, _) = await MemberAsync(app, "Tam");
        var (d, _) = await MemberAsync(app, "Uma");
        await JoinAsync(d, await InviteAsync(c));

        await CheckInAsync(a, "Rue", 7);
        var waiting = PulseRows(await a.GetAsync("/progress"));
        var row = Assert.Single(waiting);
        Assert.Equal(["7", "not shown"], row[1..]);
        // One point is drawn as a dot, not a line.
        var alone = await a.GetAsync("/progress");
        Assert.NotNull(alone.Find("#pulse-chart svg circle"));
        Assert.Null(alone.Find("#pulse-chart svg polyline"));
        Assert.Empty(PulseRows(await b.GetAsync("/progress")));

        await CheckInAsync(b, "Sol", 4);
        Assert.Equal(["7", "4"], Assert.Single(PulseRows(await a.GetAsync("/progress")))[1..]);
        var bPage = await b.GetAsync("/progress");
        Assert.Equal(["4", "7"], Assert.Single(PulseRows(bPage))[1..]);
        Assert.Contains("Most recently you said 4 of 10 and Rue 7 of 10", bPage.TextOf("#pulse-chart-summary"), StringComparison.Ordinal);

        // A week later only one of them checks in: that week shows only their own pulse.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await CheckInAsync(a, "Rue", 9);
        var aRows = PulseRows(await a.GetAsync("/progress"));
        Assert.Equal(2, aRows.Count);
        Assert.Equal(["9", "not shown"], aRows[1][1..]);
        Assert.NotNull((await a.GetAsync("/progress")).Find("#pulse-chart svg polyline"));
        Assert.Single(PulseRows(await b.GetAsync("/progress")));

        // The other couple sees nothing of it.
        foreach (var other in new[] { c, d })
        {
            var page = await other.GetAsync("/progress");
            Assert.NotNull(page.Find("#pulse-chart-empty"));
            Assert.Empty(PulseRows(page));
        }
    }

    [Fact]
    public async Task One_check_in_and_one_shared_week_are_counted_in_the_singular()
    {
        var (a, _) = await MemberAsync(app, "Vic");
        var (b, _) = await MemberAsync(app, "Wyn");
        await JoinAsync(b, await InviteAsync(a));

        await CheckInAsync(a, "Vic", 6);
        var one = (await a.GetAsync("/progress")).TextOf("#pulse-chart-summary");
        Assert.Contains("You have 1 check-in so far.", one, StringComparison.Ordinal);

        await CheckInAsync(b, "Wyn", 5);
        var both = (await a.GetAsync("/progress")).TextOf("#pulse-chart-summary");
        Assert.StartsWith("1 week you both checked in.", both, StringComparison.Ordinal);

        // Two of each: the plural again.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await CheckInAsync(a, "Vic", 7);
        Assert.Contains(
            "1 week you both checked in.",
            (await a.GetAsync("/progress")).TextOf("#pulse-chart-summary"),
            StringComparison.Ordinal
        );
        await CheckInAsync(b, "Wyn", 6);
        Assert.StartsWith(
            "2 weeks you both checked in.",
            (await a.GetAsync("/progress")).TextOf("#pulse-chart-summary"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_partners_private_check_never_changes_the_other_partners_progress_page()
    {
        // Two couples alike in everything except the first member's own check.
        async Task<TestBrowser> CoupleAsync(Func<Web.Features.Understand.CheckItem, int> firstAnswers)
        {
            var (first, _) = await MemberAsync(app, "Vic");
            var (second, _) = await MemberAsync(app, "Wren");
            await JoinAsync(second, await InviteAsync(first));
            await CheckJourney.TakeCheckAsync(app, first, firstAnswers);
            await CheckJourney.TakeCheckAsync(app, first, firstAnswers);
            await CheckJourney.TakeCheckAsync(app, second, CheckJourney.Ordinary);
            var own = await first.GetAsync("/progress");
            Assert.Equal(2, own.Document.QuerySelectorAll("#closeness-chart-table tbody tr").Length);
            Assert.NotNull(own.Find("#check-changes"));
            return second;
        }

        var calm = await CoupleAsync(_ => 0);
        var strained = await CoupleAsync(CheckJourney.WithConcern);
        var one = Normalise((await calm.GetAsync("/progress")).Html);
        var other = Normalise((await strained.GetAsync("/progress")).Html);
        Assert.Equal(one, other);
        Assert.Contains("id=\"my-checks\"", one, StringComparison.Ordinal);
        Assert.Null((await calm.GetAsync("/progress")).Find("#map-levels"));
    }

    [Fact]
    public async Task Questions_count_only_when_both_answered_and_the_map_shows_once_both_shared()
    {
        var (a, _) = await MemberAsync(app, "Xan");
        var (b, _) = await MemberAsync(app, "Yael");
        await JoinAsync(b, await InviteAsync(a));

        async Task AnswerAsync(TestBrowser who, string text) =>
            await who.SubmitAsync(
                await who.GetAsync("/talk"),
                "daily",
                new Dictionary<string, string> { ["text"] = text, ["go"] = "answer" }
            );

        await AnswerAsync(a, "A first thought");
        Assert.Contains(
            "No questions answered together",
            (await a.GetAsync("/progress")).TextOf("#questions-chart-summary"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "No questions answered together",
            (await b.GetAsync("/progress")).TextOf("#questions-chart-summary"),
            StringComparison.Ordinal
        );
        await AnswerAsync(b, "A second thought");
        Assert.Contains(
            "Questions you both answered in the last 12 weeks: 1.",
            (await a.GetAsync("/progress")).TextOf("#questions-chart-summary"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Questions you both answered in the last 12 weeks: 1.",
            (await b.GetAsync("/progress")).TextOf("#questions-chart-summary"),
            StringComparison.Ordinal
        );

        await CheckJourney.TakeCheckAsync(app, a, CheckJourney.Ordinary);
        await CheckJourney.TakeCheckAsync(app, b, _ => 0);
        await a.SubmitAsync(await a.GetAsync("/understand/results"), "share");
        Assert.Null((await a.GetAsync("/progress")).Find("#map-levels"));
        Assert.Null((await b.GetAsync("/progress")).Find("#map-levels"));
        await b.SubmitAsync(await b.GetAsync("/understand/results"), "share");
        var levels = (await b.GetAsync("/progress")).TextOf("#map-levels");
        Assert.Contains("you, Steady", levels, StringComparison.Ordinal);
        Assert.Contains("Xan, ", levels, StringComparison.Ordinal);
    }

    private static string Normalise(string html) => SamePage.AcrossCouples(html);
}

public sealed class ProgressTestsOnSqlite(SqliteApp app) : ProgressTests(app), IClassFixture<SqliteApp>;

public sealed class ProgressTestsOnPostgres(PostgresApp app) : ProgressTests(app), IClassFixture<PostgresApp>;
