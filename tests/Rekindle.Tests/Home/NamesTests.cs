using Rekindle.Testing;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.TimeTogether.DateJourney;

namespace Rekindle.Tests.Home;

/// <summary>
/// Names, not "your partner" (issue 24, point 6): where both have names the pages say the partner's name;
/// where there is no partner yet, "your partner" stays.
/// </summary>
public abstract class NamesTests(RekindleFactory app)
{
    [Fact]
    public async Task Pages_name_the_partner_once_there_is_one()
    {
        var (a, _, b, _) = await CoupleAsync(app, "Nia", "Oli");
        var id = IdOf(await ProposeAsync(a, "Bowling", (Day(app, 2), "18:00")));
        Assert.Contains(
            "Nia would love to do this with you",
            (await b.GetAsync($"/time-together/dates/{id}")).Text,
            StringComparison.Ordinal
        );
        Assert.Contains("Waiting for Oli", (await a.GetAsync("/time-together/dates")).Text, StringComparison.Ordinal);

        await a.SubmitAsync(await a.GetAsync("/spontaneity"), "note", new Dictionary<string, string> { ["text"] = "Thanks for today" });
        Assert.Contains("Notes from Nia", (await b.GetAsync("/")).TextOf("#notes"), StringComparison.Ordinal);
        var spontaneity = await b.GetAsync("/spontaneity");
        Assert.Contains("Things Nia would love", spontaneity.Text, StringComparison.Ordinal);
        Assert.Contains("Something you appreciate about Nia", spontaneity.Text, StringComparison.Ordinal);

        await CheckInAsync(a, "Namesmarker", 6);
        Assert.Contains("Nia has done theirs", (await b.GetAsync("/talk/check-in")).TextOf("#checkin-status"), StringComparison.Ordinal);
        foreach (var page in new[] { "/", "/talk", "/talk/check-in", "/spontaneity", "/time-together/dates" })
        {
            Assert.DoesNotContain("Your partner has", (await b.GetAsync(page)).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Privacy_lines_on_own_pages_name_the_partner()
    {
        var (_, _, b, _) = await CoupleAsync(app, "Rae", "Sol");
        Assert.Contains(
            "Just for you. Rae sees none of this: only a line about your week",
            (await b.GetAsync("/self-care")).Text,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Only Rae sees it, on their home page, for two weeks.",
            (await b.GetAsync("/spontaneity")).Text,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "Rae sees it too, to rate it for themselves.",
            (await b.GetAsync("/time-together/ideas")).Text,
            StringComparison.Ordinal
        );
        Assert.Contains("Rae's appears in the weeks you both did it.", (await b.GetAsync("/progress")).Text, StringComparison.Ordinal);
        Assert.Contains(
            "Just for you: Rae never sees your ratings.",
            (await b.GetAsync("/time-together/ideas")).Text,
            StringComparison.Ordinal
        );
        foreach (var page in new[] { "/self-care", "/spontaneity", "/time-together/ideas", "/progress" })
        {
            var text = (await b.GetAsync(page)).Text;
            foreach (
                var old in new[] { "Your partner sees", "Only your partner sees", "your partner never sees", "your partner's appears" }
            )
            {
                Assert.DoesNotContain(old, text, StringComparison.Ordinal);
            }
        }

        await CheckInAsync(b, "Solmarker", 5);
        Assert.Contains(
            "You have 1 check-in so far. Rae's pulse shows for the weeks you both do it.",
            (await b.GetAsync("/progress")).Text,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Without_a_partner_the_pages_keep_your_partner()
    {
        var (alone, _) = await MemberAsync(app, "Pax");
        Assert.Contains("Only your partner sees it", (await alone.GetAsync("/spontaneity")).Text, StringComparison.Ordinal);
        Assert.Contains("Your partner sees none of this", (await alone.GetAsync("/self-care")).Text, StringComparison.Ordinal);
        Assert.Contains("Your partner sees it too", (await alone.GetAsync("/time-together/ideas")).Text, StringComparison.Ordinal);
        Assert.Contains("Things your partner would love", (await alone.GetAsync("/spontaneity")).Text, StringComparison.Ordinal);
        Assert.Contains("invite your partner", (await alone.GetAsync("/talk/check-in")).Text, StringComparison.Ordinal);
    }
}

public sealed class NamesTestsOnSqlite(SqliteApp app) : NamesTests(app), IClassFixture<SqliteApp>;

public sealed class NamesTestsOnPostgres(PostgresApp app) : NamesTests(app), IClassFixture<PostgresApp>;
