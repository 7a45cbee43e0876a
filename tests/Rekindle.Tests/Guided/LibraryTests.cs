using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Features.Guided;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Guided;

/// <summary>The lesson library (decisions/0043) through its pages and the API, on both databases.</summary>
public abstract class LibraryTests(RekindleFactory app)
{
    private Lessons Lessons => app.Services.GetRequiredService<Lessons>();

    [Fact]
    public async Task The_library_lists_every_lesson_searches_on_the_server_and_filters_by_area()
    {
        var (member, _) = await MemberAsync(app, "Libby");
        var all = Lessons.All;
        Assert.NotEmpty(all);

        var page = await member.GetAsync("/program/lessons");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(all.Count, page.Document.QuerySelectorAll("#lessons > li").Length);
        Assert.All(all, l => Assert.NotNull(page.Find($"a[href='/program/lessons/{l.Key}']")));
        Assert.Contains(all[0].Summary, page.Text, StringComparison.Ordinal);

        // A word found only in one lesson's body still finds it: the search reads the whole lesson, on the server.
        var target = all[^1];
        var word = target
            .BodyText.Split((char[])[' ', ',', '.', ';', ':', '(', ')', '"', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 6 && w.All(char.IsLetter))
            .OrderBy(w => all.Count(l => l.BodyText.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .First();
        var found = await member.GetAsync("/program/lessons?q=" + Uri.EscapeDataString(word));
        Assert.NotNull(found.Find($"#lessons a[href='/program/lessons/{target.Key}']"));
        Assert.Equal(
            all.Count(l =>
                l.BodyText.Contains(word, StringComparison.OrdinalIgnoreCase)
                || l.Title.Contains(word, StringComparison.OrdinalIgnoreCase)
                || l.Summary.Contains(word, StringComparison.OrdinalIgnoreCase)
            ),
            found.Document.QuerySelectorAll("#lessons > li").Length
        );

        // A root cause's name finds every lesson tagged with it.
        var byCause = await member.GetAsync("/program/lessons?q=" + Uri.EscapeDataString("Unresolved conflict"));
        Assert.All(all.Where(l => l.RootCauses.Contains("unresolved-conflict")), l =>
            Assert.NotNull(byCause.Find($"#lessons a[href='/program/lessons/{l.Key}']"))
        );

        // Nothing found: said plainly, with a way back.
        var none = await member.GetAsync("/program/lessons?q=zzqxwordless");
        Assert.Contains("No lessons match \"zzqxwordless\".", none.TextOf("#lessons-empty"), StringComparison.Ordinal);
        Assert.NotNull(none.Find("#lessons-empty a[href='/program/lessons']"));
        Assert.Null(none.Find("#lessons"));

        // By area, as links; an unknown area is ignored.
        var area = all[0].Area;
        var byArea = await member.GetAsync("/program/lessons?area=" + area);
        Assert.Equal(all.Count(l => l.Area == area), byArea.Document.QuerySelectorAll("#lessons > li").Length);
        Assert.Equal("page", byArea.Find($"#lesson-areas a[href='/program/lessons?area={area}']")!.GetAttribute("aria-current"));
        Assert.Equal(all.Count, (await member.GetAsync("/program/lessons?area=nowhere")).Document.QuerySelectorAll("#lessons > li").Length);

        // Linked from Understand.
        Assert.NotNull((await member.GetAsync("/understand")).Find("a[href='/program/lessons']"));
    }

    [Fact]
    public async Task A_lesson_reads_in_full_and_an_unknown_key_is_the_friendly_404()
    {
        var (member, _) = await MemberAsync(app, "Lessa");
        var lesson = Lessons.All.First(l => l.Professional is not null);
        var page = await member.GetAsync("/program/lessons/" + lesson.Key);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(lesson.Title, page.TextOf("h1"));
        Assert.Equal(lesson.Body.Count, page.Document.QuerySelectorAll("#lesson-body p").Length);
        Assert.Contains(lesson.Professional!, page.TextOf("#lesson-professional"), StringComparison.Ordinal);
        Assert.Contains("Something to think about", page.TextOf("#lesson-reflection"), StringComparison.Ordinal);
        Assert.Contains(lesson.Reflection, page.TextOf("#lesson-reflection"), StringComparison.Ordinal);
        Assert.Contains(lesson.Together.How, page.TextOf("#lesson-together"), StringComparison.Ordinal);
        Assert.Contains(lesson.Alone.How, page.TextOf("#lesson-alone"), StringComparison.Ordinal);
        Assert.Null(page.Find("#resting"));

        var missing = await member.GetAsync("/program/lessons/no-such-lesson");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("We couldn't find that page", missing.Text, StringComparison.Ordinal);

        // Signed out: the sign-in page, not the lesson (decisions/0043).
        using var visitor = app.NewBrowser();
        var outside = await visitor.GetAsync("/program/lessons/" + lesson.Key);
        Assert.Equal("/account/login", outside.Url.AbsolutePath);
    }

    [Fact]
    public async Task While_joint_work_rests_a_lesson_that_assumes_safety_opens_with_the_calm_line_and_invites_nothing_together()
    {
        var lesson = Lessons.All.First(l => l.AssumesSafety);
        var open = Lessons.All.FirstOrDefault(l => !l.AssumesSafety);

        // A concern of one's own, and one's own neutral pause: the same lesson page, word for word.
        var (worried, _) = await MemberAsync(app, "Wren");
        await TakeCheckAsync(app, worried, WithConcern);
        var (paused, _) = await MemberAsync(app, "Pax");
        var (partner, _) = await MemberAsync(app, "Pia");
        await JoinAsync(partner, await InviteAsync(paused));
        await paused.SubmitAsync(await paused.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });

        var pages = new List<string>();
        foreach (var browser in new[] { worried, paused })
        {
            var page = await browser.GetAsync("/program/lessons/" + lesson.Key);
            Assert.Contains("resting for now", page.TextOf("#resting"), StringComparison.Ordinal);
            Assert.NotNull(page.Find("#resting a[href='/safety']"));
            Assert.Null(page.Find("#lesson-together"));
            Assert.DoesNotContain(lesson.Together.How, page.Text, StringComparison.Ordinal);
            Assert.Contains(lesson.Alone.How, page.TextOf("#lesson-alone"), StringComparison.Ordinal);
            pages.Add(page.Find("#lesson")!.OuterHtml);
            if (open is not null)
            {
                var other = await browser.GetAsync("/program/lessons/" + open.Key);
                Assert.Null(other.Find("#resting"));
                Assert.Null(other.Find("#lesson-together"));
            }
        }

        Assert.Equal(pages[0], pages[1]);
    }

    [Fact]
    public async Task The_api_lists_searches_and_reads_lessons_and_answers_404_for_an_unknown_key()
    {
        var (api, browser, _) = await ApiPeople.MemberAsync(app, "Apis");
        using var _a = api;
        browser.Dispose();
        var all = Lessons.All;
        var list = await api.GetAsync("/api/v1/lessons");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(all.Count, list.Json.GetProperty("count").GetInt32());
        Assert.Equal(all.Count, list.Json.GetProperty("lessons").GetArrayLength());

        var area = all[0].Area;
        var byArea = await api.GetAsync("/api/v1/lessons?area=" + area + "&q=" + Uri.EscapeDataString(all[0].Title));
        Assert.Contains(byArea.Json.GetProperty("lessons").EnumerateArray(), l => l.GetProperty("key").GetString() == all[0].Key);
        Assert.All(byArea.Json.GetProperty("lessons").EnumerateArray(), l => Assert.Equal(area, l.GetProperty("area").GetString()));
        Assert.Equal(0, (await api.GetAsync("/api/v1/lessons?q=zzqxwordless")).Json.GetProperty("count").GetInt32());

        var one = await api.GetAsync("/api/v1/lessons/" + all[0].Key);
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(all[0].Reflection, one.Json.GetProperty("reflection").GetString());
        Assert.Equal(all[0].Together.How, one.Json.GetProperty("together").GetProperty("how").GetString());
        Assert.False(one.Json.GetProperty("resting").GetBoolean());

        var missing = await api.GetAsync("/api/v1/lessons/no-such-lesson");
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("notFound", missing.Json.GetProperty("kind").GetString());

        // Resting: no together part, and the calm line for a lesson that assumes safety.
        await ApiPeople.TakeCheckAsync(app, api, WithConcern);
        var safe = all.First(l => l.AssumesSafety);
        var resting = await api.GetAsync("/api/v1/lessons/" + safe.Key);
        Assert.True(resting.Json.GetProperty("resting").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, resting.Json.GetProperty("together").ValueKind);
        Assert.Contains("resting for now", resting.Json.GetProperty("restingNote").GetString(), StringComparison.Ordinal);
    }
}

public sealed class LibraryTestsOnSqlite(SqliteApp app) : LibraryTests(app), IClassFixture<SqliteApp>;

public sealed class LibraryTestsOnPostgres(PostgresApp app) : LibraryTests(app), IClassFixture<PostgresApp>;
