using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Support;
using Rekindle.Web.Features.Understand;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Support;

/// <summary>The Support page through HTTP, on both databases: private suggestions stay private, and the directory searches
/// safely.</summary>
public abstract class SupportTests(RekindleFactory app)
{
    /// <summary>The ordinary check, but wellbeing is low (no safety concern).</summary>
    private static int LowWellbeing(CheckItem item) => item.Section == "wellbeing" ? 4 : Ordinary(item);

    /// <summary>Two couples alike but for Kim's own answers; both partners share their map. Returns each couple's Kim and Lee.</summary>
    private async Task<(List<TestBrowser> Kims, List<TestBrowser> Lees)> TwoCouplesAsync(Func<CheckItem, int> kimsAnswers)
    {
        var kims = new List<TestBrowser>();
        var lees = new List<TestBrowser>();
        foreach (var answers in new[] { kimsAnswers, Ordinary })
        {
            var (kim, _) = await MemberAsync(app, "Kim");
            var (lee, _) = await MemberAsync(app, "Lee");
            await JoinAsync(lee, await InviteAsync(kim));
            await TakeCheckAsync(app, kim, answers);
            await TakeCheckAsync(app, lee, Ordinary);
            await kim.SubmitAsync(await kim.GetAsync("/understand/results"), "share");
            await lee.SubmitAsync(await lee.GetAsync("/understand/results"), "share");
            kims.Add(kim);
            lees.Add(lee);
        }

        return (kims, lees);
    }

    private void NoErrors()
    {
        var errors = app.Logs.Lines.Where(l => l.Contains("xception", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(2)));
    }

    [Fact]
    public async Task Low_wellbeing_suggests_an_individual_clinician_privately_and_the_partners_page_stays_the_same()
    {
        var (kims, lees) = await TwoCouplesAsync(LowWellbeing);
        NoErrors();

        var kim = await kims[0].GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, kim.Status);
        var clinician = kim.Find("#suggestion-individual-clinician");
        Assert.NotNull(clinician);
        Assert.Contains("private", clinician.ClassList);
        Assert.Contains("Only you see this", clinician.TextContent, StringComparison.Ordinal);
        Assert.Null((await kims[1].GetAsync("/support")).Find("#suggestion-individual-clinician"));

        // Both marked time together as strained on the map both shared: a counselor, for both, on every page.
        foreach (var browser in kims.Concat(lees))
        {
            var counselor = (await browser.GetAsync("/support")).Find("#suggestion-couples-counselor");
            Assert.NotNull(counselor);
            Assert.Contains("shared", counselor.ClassList);
            // Shown to both, it says it is for when both feel safe: the page cannot know, so it says so to everyone.
            Assert.Contains("when you both feel safe", counselor.TextContent, StringComparison.OrdinalIgnoreCase);
        }

        var withLowWellbeing = Normalise(await lees[0].GetAsync("/support"));
        var without = Normalise(await lees[1].GetAsync("/support"));
        Assert.Equal(without, withLowWellbeing);
        Assert.DoesNotContain("suggestion-individual-clinician", withLowWellbeing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_safety_concern_shows_safety_resources_first_and_privately_and_never_to_the_partner()
    {
        var (kims, lees) = await TwoCouplesAsync(WithConcern);
        NoErrors();

        var kim = await kims[0].GetAsync("/support");
        var suggestions = kim.Document.QuerySelectorAll("#suggestions li.suggestion");
        Assert.Equal("suggestion-safety", suggestions[0].Id);
        Assert.All(suggestions, s => Assert.Contains("private", s.ClassList));
        Assert.NotNull(kim.Find("#suggestion-safety a[href='/safety']"));
        // Joint sessions assume safety: not suggested to the member with the concern.
        Assert.Null(kim.Find("#suggestion-couples-counselor"));
        Assert.NotNull(kim.Find("#suggestion-individual-clinician"));
        // Individual and safety help only.
        Assert.All(suggestions, s => Assert.Contains(s.Id, IndividualAndSafetySuggestions));

        var withConcern = Normalise(await lees[0].GetAsync("/support"));
        var without = Normalise(await lees[1].GetAsync("/support"));
        Assert.Equal(without, withConcern);
        Assert.DoesNotContain("suggestion-safety", withConcern, StringComparison.Ordinal);
        Assert.Contains("href=\"/safety\"", withConcern, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_without_a_check_gets_the_explanation_the_directory_and_a_way_to_the_safety_page()
    {
        var (member, _) = await MemberAsync(app, "Solo");
        var page = await member.GetAsync("/support");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find("#no-suggestions"));
        Assert.NotNull(page.Find("#when-and-how a[href='/safety']"));
        Assert.NotNull(page.Find("#directory-search"));
        Assert.Equal(Directory.Entries.Count, page.Document.QuerySelectorAll("#directory-results li").Length);
        Assert.Equal(
            "/support",
            (await member.GetAsync("/"))
                .Document.QuerySelectorAll("a")
                .Select(a => a.GetAttribute("href"))
                .FirstOrDefault(h => h == "/support")
        );
    }

    private SupportDirectory Directory => app.Services.GetRequiredService<SupportDirectory>();

    [Theory]
    [InlineData("relate", null, null)]
    [InlineData("", "sex-therapist", null)]
    [InlineData("", "safety", "in-person")]
    [InlineData("united states", "couples-counselor", "online")]
    [InlineData("nothing-is-called-this", null, null)]
    public async Task The_directory_searches_by_text_kind_and_where(string text, string? kind, string? mode)
    {
        var (member, _) = await MemberAsync(app, "Searcher");
        var url = $"/support?q={Uri.EscapeDataString(text)}&kind={kind}&mode={mode}";
        var page = await member.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var expected = Directory.Search(DirectoryQuery.From(text, kind, mode)).Select(e => e.Name).ToList();
        var shown = page.Document.QuerySelectorAll("#directory-results li h3").Select(h => h.TextContent).ToList();
        Assert.Equal(expected, shown);
        if (expected.Count == 0)
        {
            Assert.NotNull(page.Find("#directory-empty"));
        }

        if (kind is not null)
        {
            Assert.Equal(kind, page.Find("#kind option[selected]")?.GetAttribute("value"));
        }
    }

    [Fact]
    public async Task The_default_directory_filters_as_documented()
    {
        var (member, _) = await MemberAsync(app, "Filters");
        var relate = await member.GetAsync("/support?q=Relationships");
        Assert.Contains("Relationships Australia", relate.Document.QuerySelectorAll("#directory-results h3").Select(h => h.TextContent));
        var inPerson = await member.GetAsync("/support?mode=in-person");
        Assert.DoesNotContain(
            "988 Suicide & Crisis Lifeline",
            inPerson.Document.QuerySelectorAll("#directory-results h3").Select(h => h.TextContent)
        );
        var sex = await member.GetAsync("/support?kind=sex-therapist");
        Assert.Contains("AASECT", sex.Document.QuerySelectorAll("#directory-results h3").Select(h => h.TextContent));
        Assert.DoesNotContain(
            "988 Suicide & Crisis Lifeline",
            sex.Document.QuerySelectorAll("#directory-results h3").Select(h => h.TextContent)
        );
        Assert.All(relate.Document.QuerySelectorAll("#directory-results a[target]"), a =>
            Assert.StartsWith("https://", a.GetAttribute("href"), StringComparison.Ordinal)
        );
    }

    [Theory]
    [InlineData("?q=%00")]
    [InlineData("?q=%FF%FE%FD")]
    [InlineData("?q=%ED%A0%80")]
    [InlineData("?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    [InlineData("?q=a&q=b&q=c")]
    [InlineData("?kind=%3Cb%3E&mode=%0D%0ASet-Cookie:x")]
    [InlineData("?kind[]=x&mode[0]=y")]
    [InlineData("?kind=safety&kind=sex-therapist")]
    [InlineData("?q=%")]
    [InlineData("?mode=online%00")]
    public async Task Bad_query_input_never_fails(string query)
    {
        var (member, _) = await MemberAsync(app, "Prober");
        var page = await member.GetAsync("/support" + query);
        Assert.True((int)page.Status < 500, $"{query}: {page.Status}");
        Assert.DoesNotContain("<script>alert", page.Html, StringComparison.Ordinal);
        NoErrors();
    }

    [Fact]
    public async Task A_long_query_is_cut_not_refused()
    {
        var (member, _) = await MemberAsync(app, "Long");
        var page = await member.GetAsync("/support?q=" + new string('x', 3000));
        Assert.True((int)page.Status < 500);
        if (page.Status == HttpStatusCode.OK)
        {
            Assert.Equal(DirectoryQuery.MaxTextLength, page.Find("#q")!.GetAttribute("value")!.Length);
        }
    }

    /// <summary>A page with what must differ between two members taken out: tokens, nonces, guids, emails.</summary>
    private static string Normalise(Page page) => SamePage.AcrossCouples(page.Html);
}

public sealed class SupportTestsOnSqlite(SqliteApp app) : SupportTests(app), IClassFixture<SqliteApp>;

public sealed class SupportTestsOnPostgres(PostgresApp app) : SupportTests(app), IClassFixture<PostgresApp>;
