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
    public async Task Without_a_partner_the_pages_keep_your_partner()
    {
        var (alone, _) = await MemberAsync(app, "Pax");
        Assert.Contains("Things your partner would love", (await alone.GetAsync("/spontaneity")).Text, StringComparison.Ordinal);
        Assert.Contains("invite your partner", (await alone.GetAsync("/talk/check-in")).Text, StringComparison.Ordinal);
    }
}

public sealed class NamesTestsOnSqlite(SqliteApp app) : NamesTests(app), IClassFixture<SqliteApp>;

public sealed class NamesTestsOnPostgres(PostgresApp app) : NamesTests(app), IClassFixture<PostgresApp>;
