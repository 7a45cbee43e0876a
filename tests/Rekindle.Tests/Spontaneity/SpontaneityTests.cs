using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Privacy;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Spontaneity;

/// <summary>
/// Gesture marks, hints, "surprise me" and appreciation notes through HTTP; and docs/TRUST.md T3 for
/// hints: a "not for me", a cleared mark and no mark look exactly the same to the partner.
/// </summary>
public abstract class SpontaneityTests(RekindleFactory app)
{
    private static async Task<Page> MarkAsync(TestBrowser browser, string gesture, string mark)
    {
        var page = await browser.GetAsync("/spontaneity/gestures");
        return await browser.SubmitAsync(page, "mark", new Dictionary<string, string> { ["mark"] = gesture + "|" + mark });
    }

    private static async Task<Page> SendNoteAsync(TestBrowser browser, string text) =>
        await browser.SubmitAsync(await browser.GetAsync("/spontaneity"), "note", new Dictionary<string, string> { ["text"] = text });

    private async Task<(TestBrowser A, TestBrowser B)> CoupleAsync(string a, string b)
    {
        var (first, _) = await MemberAsync(app, a);
        var (second, _) = await MemberAsync(app, b);
        await JoinAsync(second, await InviteAsync(first));
        return (first, second);
    }

    [Fact]
    public async Task A_not_for_me_a_cleared_mark_and_no_mark_look_exactly_the_same_to_the_partner()
    {
        // Couples alike except for what the first partner did with g002: not for me, nothing, loved then
        // cleared, loved then changed to not for me. The first partner's loves (g014, g050) are both "out"
        // and cost a little, so "free" and "at home" fall back to the whole library.
        string[] pages =
        [
            "/spontaneity",
            "/spontaneity?budget=free&minutes=5&home=1",
            "/spontaneity?budget=free&minutes=5&home=1&n=1",
            "/spontaneity?budget=low&n=1",
            "/spontaneity/gestures",
            "/spontaneity/gestures?place=home&cost=free",
        ];
        var views = pages.ToDictionary(p => p, _ => new List<string>());
        foreach (var what in new[] { "no", "nothing", "cleared", "changed" })
        {
            var (a, b) = await CoupleAsync("Wren", "Yael");
            await MarkAsync(a, "g014", "love");
            await MarkAsync(a, "g050", "love");
            await MarkAsync(b, "g003", "love");
            switch (what)
            {
                case "no":
                    await MarkAsync(a, "g002", "no");
                    break;
                case "cleared":
                    await MarkAsync(a, "g002", "love");
                    await MarkAsync(a, "g002", "clear");
                    break;
                case "changed":
                    await MarkAsync(a, "g002", "love");
                    await MarkAsync(a, "g002", "no");
                    break;
            }

            var main = await b.GetAsync("/spontaneity");
            Assert.Contains("Things Wren would love", main.Text, StringComparison.Ordinal);
            Assert.Equal(["hint-g014", "hint-g050"], main.Document.QuerySelectorAll("#hints > li").Select(li => li.Id!));
            Assert.NotNull(main.Find("#surprise-loved"));
            Assert.Null((await b.GetAsync("/spontaneity?budget=free&minutes=5&home=1")).Find("#surprise-loved"));

            // A gesture marked "not for me" is never left out of what the giver may be offered.
            if (what == "no")
            {
                var seen = new HashSet<string>();
                for (var n = 0; n < 60 && !seen.Contains("Send a message that asks for nothing"); n++)
                {
                    seen.Add((await b.GetAsync($"/spontaneity?budget=free&minutes=5&n={n}")).TextOf("#surprise-pick h3"));
                }

                Assert.Contains("Send a message that asks for nothing", seen);
            }

            foreach (var path in pages)
            {
                views[path].Add(SamePage.Normalise((await b.GetAsync(path)).Html));
            }
        }

        // Byte for byte the same (apart from tokens, nonces and ids), whatever A did with g002.
        foreach (var (path, seen) in views)
        {
            Assert.All(seen, v => Assert.True(v == seen[0], $"{path} differs between couples"));
        }
    }

    [Fact]
    public async Task Marks_are_private_sealed_and_checked()
    {
        var (alone, _) = await MemberAsync(app, "Ari");
        Assert.Contains("Start one first", (await MarkAsync(alone, "g001", "love")).Text, StringComparison.Ordinal);

        var (a, b) = await CoupleAsync("Bo", "Cy");
        var page = await MarkAsync(a, "g001", "love");
        Assert.Equal("/spontaneity/gestures", page.Url.AbsolutePath);
        Assert.Equal("true", page.Find("#mark-g001 button[value='g001|love']")!.GetAttribute("aria-pressed"));
        Assert.Contains("You've marked 1 of 130", page.TextOf("#marked-count"), StringComparison.Ordinal);
        Assert.Contains("may be shown to your partner as a hint", page.Text, StringComparison.Ordinal);
        Assert.Contains("\"Not for me\" is never shown", page.Text, StringComparison.Ordinal);
        page = await MarkAsync(a, "g002", "no");
        Assert.Equal("true", page.Find("#mark-g002 button[value='g002|no']")!.GetAttribute("aria-pressed"));
        page = await MarkAsync(a, "g002", "clear");
        Assert.Null(page.Find("#mark-g002 button[aria-pressed=true]"));

        Assert.Contains("isn't in the list", (await MarkAsync(a, "g999", "love")).TextOf("#gestures-message"), StringComparison.Ordinal);
        Assert.Contains("I'd love this", (await MarkAsync(a, "g001", "adore")).TextOf("#gestures-message"), StringComparison.Ordinal);

        // Filters keep what they say; unknown values are no filter, never an error.
        var filtered = await a.GetAsync("/spontaneity/gestures?place=home&cost=free&kind=touch&minutes=15&unmarked=1");
        var items = filtered.Document.QuerySelectorAll("#gestures > li").ToList();
        Assert.NotEmpty(items);
        Assert.All(items, li => Assert.Matches("(at home|anywhere) · free · (5|10|15) min · touch", li.TextContent));
        Assert.DoesNotContain(items, li => li.Id == "mark-g001");
        Assert.Equal(200, (int)(await a.GetAsync("/spontaneity/gestures?place=moon&minutes=-4&page=x&kind=%00")).Status);
        Assert.NotNull((await a.GetAsync("/spontaneity/gestures?page=7")).Find("#mark-g121"));

        // Nothing of A's marks on B's page; and they are stored sealed, in A's set (decisions/0026).
        Assert.Null((await b.GetAsync("/spontaneity/gestures")).Find("#gestures button[aria-pressed=true]"));
        Assert.Contains((await app.AnswerSetsAsync(AnswerList.Gestures)).Values, marks => marks.GetValueOrDefault("g001") == "love");
        await app.AssertAnswerSetsSealedAsync(AnswerList.Gestures);
    }

    [Fact]
    public async Task Hints_come_only_from_the_partners_loves_and_surprise_me_prefers_them()
    {
        var (a, b) = await CoupleAsync("Dee", "Eli");
        var empty = await b.GetAsync("/spontaneity");
        Assert.NotNull(empty.Find("#hints-empty"));
        Assert.NotNull(empty.Find("#surprise-pick"));
        Assert.Null(empty.Find("#surprise-loved"));

        string[] loves = ["g014", "g050", "g055", "g056"];
        foreach (var id in loves)
        {
            await MarkAsync(a, id, "love");
        }

        await MarkAsync(a, "g064", "no");
        var seenHints = new HashSet<string>();
        for (var day = 0; day < 7; day++)
        {
            var page = await b.GetAsync("/spontaneity");
            var hints = page.Document.QuerySelectorAll("#hints > li").Select(li => li.Id![5..]).ToList();
            Assert.Equal(3, hints.Count);
            Assert.All(hints, h => Assert.Contains(h, loves));
            seenHints.UnionWith(hints);

            // One pick for today, from A's loves, the same however often B looks.
            var pick = page.TextOf("#surprise-pick h3");
            Assert.NotNull(page.Find("#surprise-loved"));
            Assert.Equal(pick, (await b.GetAsync("/spontaneity")).TextOf("#surprise-pick h3"));
            app.Clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.True(seenHints.Count == 4, "Hints should rotate through all the loved gestures over a week");

        // "Another one" walks through the loved gestures; then constraints none of them fit fall back to the library.
        var first = await b.GetAsync("/spontaneity");
        var another = await b.GetAsync(first.Find("#another")!.GetAttribute("href")!);
        Assert.NotEqual(first.TextOf("#surprise-pick h3"), another.TextOf("#surprise-pick h3"));
        Assert.NotNull(another.Find("#surprise-loved"));
        var free = await b.GetAsync("/spontaneity?budget=free&minutes=15&home=1");
        Assert.Null(free.Find("#surprise-loved"));
        Assert.Matches("(at home|anywhere) · free · (5|10|15) min", free.TextOf("#surprise-pick"));
        Assert.Contains("n=1", free.Find("#another")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.True(free.Find("select[name=budget] option[value=free]")!.HasAttribute("selected"));
        Assert.Equal(200, (int)(await b.GetAsync("/spontaneity?budget=lavish&minutes=abc&home=maybe&n=-3")).Status);

        // A sees no hints: B marked nothing.
        Assert.NotNull((await a.GetAsync("/spontaneity")).Find("#hints-empty"));
    }

    [Fact]
    public async Task Notes_reach_only_the_partner_and_are_checked_and_limited()
    {
        var (alone, _) = await MemberAsync(app, "Fay");
        var waiting = await SendNoteAsync(alone, "Hello there");
        Assert.Contains("Once they have joined", waiting.TextOf("#note-message"), StringComparison.Ordinal);

        var (a, b) = await CoupleAsync("Gil", "Hana");
        var (c, d) = await CoupleAsync("Ivo", "Jun");
        const string words = "You made this morning easy. Notemarker-thank-you.";
        var sent = await SendNoteAsync(a, "   " + words + "  \n");
        Assert.Contains("Sent.", sent.TextOf("#note-message"), StringComparison.Ordinal);
        Assert.Equal(words, sent.TextOf("#sent .note-text"));

        var home = await b.GetAsync("/");
        Assert.Equal(words, home.TextOf("#notes .note-text"));
        Assert.NotNull(home.Find("#notes .badge"));
        Assert.Null((await b.GetAsync("/")).Find("#notes .badge"));
        Assert.Null((await b.GetAsync("/spontaneity")).Find("#sent"));
        Assert.Null((await a.GetAsync("/")).Find("#notes"));
        foreach (var stranger in new[] { c, d })
        {
            foreach (var path in new[] { "/", "/spontaneity", "/spontaneity/gestures" })
            {
                Assert.DoesNotContain("Notemarker", (await stranger.GetAsync(path)).Html, StringComparison.Ordinal);
            }
        }

        Assert.All(await app.WithDbAsync(db => db.AppreciationNotes.Select(n => n.Text).ToListAsync()), t =>
            Assert.DoesNotContain("Notemarker", t.Envelope, StringComparison.Ordinal)
        );

        // Empty, too long and unsavable text get a message, not an error, and the draft stays.
        var blank = await SendNoteAsync(a, "   ");
        Assert.Equal(200, (int)blank.Status);
        Assert.Contains("Write a few words first", blank.TextOf("#note-message"), StringComparison.Ordinal);
        var tooLong = new string('x', 281);
        var longPage = await SendNoteAsync(a, tooLong);
        Assert.Contains("280 characters or fewer", longPage.TextOf("#note-message"), StringComparison.Ordinal);
        Assert.Equal(tooLong, longPage.TextOf("#note-text"));
        Assert.Contains("can't be saved", (await SendNoteAsync(a, "a\u0001b")).TextOf("#note-message"), StringComparison.Ordinal);
        Assert.Contains("Sent.", (await SendNoteAsync(a, new string('y', 280))).Text, StringComparison.Ordinal);

        // Ten a day: two sent so far, eight more, then a kind refusal until tomorrow.
        for (var i = 0; i < 8; i++)
        {
            Assert.Contains("Sent.", (await SendNoteAsync(a, $"Thank you, number {i}")).Text, StringComparison.Ordinal);
        }

        var eleventh = await SendNoteAsync(a, "One more");
        Assert.Contains("ten notes today", eleventh.TextOf("#note-message"), StringComparison.Ordinal);
        Assert.DoesNotContain("One more", (await a.GetAsync("/spontaneity")).TextOf("#sent"), StringComparison.Ordinal);
        Assert.Contains("Sent.", (await SendNoteAsync(b, "Back at you")).Text, StringComparison.Ordinal);
        Assert.Equal(5, (await b.GetAsync("/")).Document.QuerySelectorAll("#notes .note").Length);
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Contains("Sent.", (await SendNoteAsync(a, "A new day")).Text, StringComparison.Ordinal);

        // After two weeks, the home page moves on.
        app.Clock.Advance(TimeSpan.FromDays(15));
        Assert.Null((await b.GetAsync("/")).Find("#notes"));
        Assert.Null((await a.GetAsync("/spontaneity")).Find("#sent"));
    }

    [Fact]
    public async Task The_export_holds_the_members_own_marks_and_the_notes_they_sent_and_received()
    {
        var (a, b) = await CoupleAsync("Kit", "Lou");
        await MarkAsync(a, "g001", "love");
        await MarkAsync(a, "g002", "no");
        await MarkAsync(b, "g003", "love");
        await SendNoteAsync(a, "From Kit with thanks");
        await SendNoteAsync(b, "From Lou with thanks");

        var mine = (await ExportAsync(a)).GetProperty("spontaneity");
        var marks = mine.GetProperty("yourMarks")
            .EnumerateArray()
            .Select(m => (m.GetProperty("gesture").GetString(), m.GetProperty("mark").GetString()))
            .ToList();
        Assert.Equal([("Leave a morning note by their things", "love"), ("Send a message that asks for nothing", "no")], marks);
        Assert.Equal("From Kit with thanks", mine.GetProperty("notesYouSent")[0].GetProperty("text").GetString());
        Assert.Equal("From Lou with thanks", mine.GetProperty("notesYouReceived")[0].GetProperty("text").GetString());

        var theirs = await ExportAsync(b);
        var json = theirs.GetRawText();
        Assert.DoesNotContain("Leave a morning note by their things", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Send a message that asks for nothing", json, StringComparison.Ordinal);
        Assert.Single(theirs.GetProperty("spontaneity").GetProperty("yourMarks").EnumerateArray());
    }

    private static async Task<JsonElement> ExportAsync(TestBrowser browser)
    {
        var page = await browser.GetAsync("/account/data");
        var token = page.Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var response = await browser.Client.PostAsync("/account/export/json", content);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}

public sealed class SpontaneityTestsOnSqlite(SqliteApp app) : SpontaneityTests(app), IClassFixture<SqliteApp>;

public sealed class SpontaneityTestsOnPostgres(PostgresApp app) : SpontaneityTests(app), IClassFixture<PostgresApp>;
