using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Privacy;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.TimeTogether;

/// <summary>Date-idea ratings and docs/TRUST.md T3: only mutual interest ever shows, and a "no" looks like nothing at all.</summary>
public abstract class IdeaRatingTests(RekindleFactory app)
{
    private static async Task RateAsync(TestBrowser browser, string idea, string rating)
    {
        var page = await browser.GetAsync("/time-together/ideas");
        await browser.SubmitAsync(page, "rate", new Dictionary<string, string> { ["go"] = idea + "|" + rating });
    }

    private async Task<(TestBrowser A, TestBrowser B)> CoupleAsync(string a, string b)
    {
        var (first, _) = await MemberAsync(app, a);
        var (second, _) = await MemberAsync(app, b);
        await JoinAsync(second, await InviteAsync(first));
        return (first, second);
    }

    [Fact]
    public async Task Only_ideas_both_loved_or_liked_show_and_a_no_a_one_sided_yes_and_no_answer_look_the_same()
    {
        // Four couples alike except for what the first partner did with idea d002: no, like (one-sided), nothing, or took it back.
        var partnersViews = new List<string>();
        foreach (var what in new[] { "no", "like-alone", "nothing", "cleared" })
        {
            var (a, b) = await CoupleAsync("Quinn", "Rae");
            await RateAsync(a, "d001", "love");
            await RateAsync(b, "d001", "like"); // mutual: shows for both
            await RateAsync(b, "d003", "love"); // one-sided on B's side
            switch (what)
            {
                case "no":
                    await RateAsync(a, "d002", "no");
                    break;
                case "like-alone":
                    await RateAsync(a, "d002", "like");
                    break;
                case "cleared":
                    await RateAsync(a, "d002", "love");
                    await RateAsync(a, "d002", "clear");
                    break;
            }

            var both = await b.GetAsync("/time-together");
            Assert.NotNull(both.Find("#idea-d001"));
            Assert.Null(both.Find("#idea-d002"));
            Assert.Null(both.Find("#idea-d003"));
            Assert.Single(both.Document.QuerySelectorAll("#both > li"));
            partnersViews.Add(SamePage.Normalise(both.Html));

            // And on the partner's own rating page, nothing of A's ratings appears either.
            var ideas = await b.GetAsync("/time-together/ideas");
            partnersViews.Add(SamePage.Normalise(ideas.Html));
        }

        // Byte for byte the same (apart from tokens and ids), whatever A did with d002.
        Assert.All(partnersViews.Where((_, i) => i % 2 == 0), v => Assert.Equal(partnersViews[0], v));
        Assert.All(partnersViews.Where((_, i) => i % 2 == 1), v => Assert.Equal(partnersViews[1], v));

        // Ratings are stored sealed.
        await app.AssertAnswerSetsSealedAsync(AnswerList.Ideas);
    }

    [Fact]
    public async Task Filters_custom_ideas_and_bad_input()
    {
        var (a, b) = await CoupleAsync("Sol", "Tam");
        var page = await a.GetAsync("/time-together/ideas?place=home&cost=free&unrated=1");
        Assert.All(page.Document.QuerySelectorAll("#ideas > li"), li =>
            Assert.Contains("at home", li.TextContent, StringComparison.Ordinal)
        );
        Assert.All(page.Document.QuerySelectorAll("#ideas > li"), li => Assert.Contains("free", li.TextContent, StringComparison.Ordinal));
        Assert.Equal(200, (int)(await a.GetAsync("/time-together/ideas?place=moon&minutes=-4&page=x")).Status);

        var added = await a.SubmitAsync(
            page,
            "add-idea",
            new Dictionary<string, string>
            {
                ["title"] = "Picnic on the balcony",
                ["place"] = "home",
                ["cost"] = "free",
                ["add"] = "1",
            }
        );
        Assert.Contains("Added", added.Text, StringComparison.Ordinal);
        var custom = added
            .Document.QuerySelectorAll("#ideas > li")
            .Last(li => li.TextContent.Contains("Picnic on the balcony", StringComparison.Ordinal))
            .Id![5..]
            .Replace('-', ':');
        var empty = await a.SubmitAsync(added, "add-idea", new Dictionary<string, string> { ["title"] = "  ", ["add"] = "1" });
        Assert.Contains("Give your idea a short name", empty.Text, StringComparison.Ordinal);

        await RateAsync(a, custom, "love");
        await RateAsync(b, custom, "love");
        Assert.Contains("Picnic on the balcony", (await b.GetAsync("/time-together")).TextOf("#both"), StringComparison.Ordinal);

        var unknown = await a.SubmitAsync(
            await a.GetAsync("/time-together/ideas"),
            "rate",
            new Dictionary<string, string> { ["go"] = "d999|love" }
        );
        Assert.Contains("isn't in your list", unknown.Text, StringComparison.Ordinal);
        var badRating = await a.SubmitAsync(
            await a.GetAsync("/time-together/ideas"),
            "rate",
            new Dictionary<string, string> { ["go"] = "d001|adore" }
        );
        Assert.Contains("love, like or not for me", badRating.Text, StringComparison.Ordinal);

        // Another couple cannot rate this couple's own idea.
        var (c, _) = await CoupleAsync("Uma", "Vic");
        var foreign = await c.SubmitAsync(
            await c.GetAsync("/time-together/ideas"),
            "rate",
            new Dictionary<string, string> { ["go"] = custom + "|love" }
        );
        Assert.Contains("isn't in your list", foreign.Text, StringComparison.Ordinal);
    }
}

public sealed class IdeaRatingTestsOnSqlite(SqliteApp app) : IdeaRatingTests(app), IClassFixture<SqliteApp>;

public sealed class IdeaRatingTestsOnPostgres(PostgresApp app) : IdeaRatingTests(app), IClassFixture<PostgresApp>;
