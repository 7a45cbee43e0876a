using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Guided;
using Rekindle.Web.Features.Practice;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure.Localization;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Practice;

public sealed class HomeworkSqliteApp() : RekindleFactory(TestProvider.Sqlite, PracticeSeed.On());

public sealed class HomeworkPostgresApp() : RekindleFactory(TestProvider.Postgres, PracticeSeed.On());

/// <summary>
/// Homework and "for our next session" (issue 26, decisions/0044): assigned from the app's own library with a sealed note, on
/// both partners' home pages, done or not yet reaching the professional only for a partner who shares homework, resting work
/// for two, items for the next session sealed and taken back, and the professional's boundary (404 for what is not theirs).
/// </summary>
public abstract class PracticeHomeworkTests(RekindleFactory app)
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    private Lesson ForOne => app.Services.GetRequiredService<Lessons>().All.First(l => !l.AssumesSafety);

    private Lesson AssumingSafety => app.Services.GetRequiredService<Lessons>().All.First(l => l.AssumesSafety);

    [Fact]
    public async Task Homework_reaches_both_home_pages_with_a_sealed_note_and_only_a_sharing_partners_mark_reaches_the_professional()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (a, aId, b, bId) = await CoupleAsync("Pia", "Quin");
        var connection = await PracticeSeed.ConnectAsync(app, pro.Id, (aId, ConnectionScopes.All), (bId, ConnectionScopes.Progress));
        var path = $"/pro/connections/{connection}/homework";

        var overview = await pro.Browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, overview.Status);
        Assert.Contains("Homework for Pia and Quin", overview.Text, StringComparison.Ordinal);

        // One step a screen: the kind, the item, then the day and the note.
        var items = await pro.Browser.GetAsync(overview.Find("#homework-kinds a")!.GetAttribute("href")!);
        Assert.NotNull(items.Find($"#homework-choices a[href$='item={ForOne.Key}']"));
        var step = await pro.Browser.GetAsync($"{path}?kind=lesson&item={ForOne.Key}");
        var given = await pro.Browser.SubmitAsync(
            step,
            "assign",
            new Dictionary<string, string> { ["due"] = Iso(Today.AddDays(3)), ["note"] = "Homeworknotemarker, read it slowly" }
        );
        Assert.Contains("Given.", given.TextOf("#homework-message"), StringComparison.Ordinal);
        Assert.Contains(ForOne.Title, given.TextOf("#homework-list"), StringComparison.Ordinal);
        var homework = await app.WithDbAsync(db => db.Homework.SingleAsync(h => h.ConnectionId == connection));
        Assert.DoesNotContain("Homeworknotemarker", homework.Note!.Envelope, StringComparison.Ordinal);

        foreach (var member in new[] { a, b })
        {
            var home = await member.GetAsync("/");
            Assert.Contains($"From Dana: {ForOne.Title}", home.TextOf("#waiting"), StringComparison.Ordinal);
            Assert.NotNull(home.Find("#waiting a[href='/counselor/homework']"));
            var page = await member.GetAsync("/counselor/homework");
            Assert.Contains("Dana's note: Homeworknotemarker", page.TextOf($"#homework-{homework.Id}"), StringComparison.Ordinal);
            Assert.NotNull(page.Find($"#homework-{homework.Id} a[href='/program/lessons/{ForOne.Key}']"));
        }

        // Each marks their own; the professional sees Pia's (she shares homework), never Quin's.
        await MarkAsync(a, homework.Id, "done");
        var quins = await MarkAsync(b, homework.Id, "done");
        Assert.Contains("You marked it done.", quins.TextOf($"#homework-{homework.Id}"), StringComparison.Ordinal);
        Assert.DoesNotContain($"From Dana: {ForOne.Title}", (await b.GetAsync("/")).Text, StringComparison.Ordinal);
        var marks = (await pro.Browser.GetAsync(path)).TextOf($"#homework-{homework.Id}");
        Assert.Contains("Pia: done", marks, StringComparison.Ordinal);
        Assert.Contains("Quin: not shared", marks, StringComparison.Ordinal);
        await MarkAsync(a, homework.Id, "not-yet");
        Assert.Contains("Pia: not yet", (await pro.Browser.GetAsync(path)).TextOf($"#homework-{homework.Id}"), StringComparison.Ordinal);
        Assert.Contains(
            "You marked it done.",
            (await b.GetAsync("/counselor/homework")).TextOf($"#homework-{homework.Id}"),
            StringComparison.Ordinal
        );

        // Each look is in Pia's log (her marks were shown) and the professional's own; none in Quin's.
        var kinds = await app.WithDbAsync(db =>
            db.SecurityEvents.Where(e => e.ConnectionId == connection).Select(e => new { e.MemberId, e.Kind }).ToListAsync()
        );
        Assert.Contains(kinds, e => e.MemberId == aId && e.Kind == SecurityEventKind.ProfessionalViewed);
        Assert.Contains(kinds, e => e.MemberId == pro.Id && e.Kind == SecurityEventKind.ProfessionalLooked);
        Assert.DoesNotContain(kinds, e => e.MemberId == bId);

        // Withdrawn: gone for both.
        var withdrawn = await pro.Browser.SubmitAsync(
            await pro.Browser.GetAsync(path),
            "withdraw",
            new Dictionary<string, string> { ["homework"] = homework.Id.ToString() }
        );
        Assert.Contains("Withdrawn.", withdrawn.TextOf("#homework-message"), StringComparison.Ordinal);
        foreach (var member in new[] { a, b })
        {
            Assert.DoesNotContain(ForOne.Title, (await member.GetAsync("/counselor/homework")).Text, StringComparison.Ordinal);
            Assert.DoesNotContain("From Dana", (await member.GetAsync("/")).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_kind_is_checked_against_the_library_and_a_problem_names_its_field()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (_, aId, _, bId) = await CoupleAsync("Rae", "Sol");
        var connection = await PracticeSeed.ConnectAsync(app, pro.Id, (aId, ConnectionScopes.All), (bId, ConnectionScopes.All));
        using var api = await ProApiAsync(pro);
        var path = $"/api/v1/professional/connections/{connection}/homework";
        var bank = app.Services.GetRequiredService<ByLanguage<QuestionBank>>().For(CultureInfo.GetCultureInfo("en"));
        var topic = bank.Questions.First(q => q.Area is not (QuestionBank.IntimacyArea or QuestionBank.OwnArea));
        var intimate = bank.Questions.First(q => q.Area == QuestionBank.IntimacyArea);

        foreach (var kind in new[] { "lesson", "session", "topic", "date-idea", "repair", "check-in", "gestures" })
        {
            var refused = await api.PostAsync(
                path,
                new
                {
                    kind,
                    item = "no-such-item",
                    due = Iso(Today.AddDays(1)),
                }
            );
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.True(refused.Json.GetProperty("errors").TryGetProperty("item", out _), kind + ": " + refused.Body);
        }

        foreach (var (kind, item) in new[] { ("session", "7"), ("session", "01"), ("topic", intimate.Id) })
        {
            var refused = await api.PostAsync(
                path,
                new
                {
                    kind,
                    item,
                    due = Iso(Today.AddDays(1)),
                }
            );
            Assert.True(refused.Json.GetProperty("errors").TryGetProperty("item", out _), kind + " " + item + ": " + refused.Body);
        }

        var unknownKind = await api.PostAsync(
            path,
            new
            {
                kind = "nothing",
                item = "",
                due = Iso(Today.AddDays(1)),
            }
        );
        Assert.True(unknownKind.Json.GetProperty("errors").TryGetProperty("kind", out _), unknownKind.Body);
        foreach (var due in new[] { Today.AddDays(-1), Today.AddDays(AssignHomework.MaxDaysAhead + 1) })
        {
            var late = await api.PostAsync(
                path,
                new
                {
                    kind = "repair",
                    item = "",
                    due = Iso(due),
                }
            );
            Assert.True(late.Json.GetProperty("errors").TryGetProperty("due", out _), late.Body);
        }

        var longNote = await api.PostAsync(
            path,
            new
            {
                kind = "repair",
                item = "",
                due = Iso(Today),
                note = new string('n', Homework.NoteMaxLength + 1),
            }
        );
        Assert.True(longNote.Json.GetProperty("errors").TryGetProperty("note", out _), longNote.Body);
        Assert.Equal(0, await app.WithDbAsync(db => db.Homework.CountAsync(h => h.ConnectionId == connection)));

        foreach (
            var (kind, item) in new[]
            {
                ("lesson", AssumingSafety.Key),
                ("session", "2"),
                ("topic", topic.Id),
                ("date-idea", "d001"),
                ("repair", ""),
                ("check-in", ""),
                ("gestures", ""),
            }
        )
        {
            var ok = await api.PostAsync(
                path,
                new
                {
                    kind,
                    item,
                    due = Iso(Today.AddDays(AssignHomework.MaxDaysAhead)),
                }
            );
            Assert.True(ok.Status == HttpStatusCode.OK, kind + ": " + ok.Body);
        }

        var view = await api.GetAsync(path);
        Assert.Equal(7, view.Json.GetProperty("homework").GetArrayLength());
        Assert.Contains(topic.Text, view.Body, StringComparison.Ordinal);

        // The picker's list: never the intimacy area's questions.
        var library = await api.GetAsync($"/api/v1/professional/homework-library?kind=topic&connection={connection}");
        Assert.Equal(HttpStatusCode.OK, library.Status);
        var keys = library.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString()).ToList();
        Assert.Contains(topic.Id, keys);
        Assert.DoesNotContain(intimate.Id, keys);
    }

    [Fact]
    public async Task An_individual_connection_gets_lessons_for_one_and_only_its_member_sees_them()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (a, aId, b, _) = await CoupleAsync("Tia", "Uma");
        var connection = await PracticeSeed.ConnectAsync(app, pro.Id, (aId, ConnectionScopes.All));
        using var api = await ProApiAsync(pro);
        var path = $"/api/v1/professional/connections/{connection}/homework";

        foreach (var (kind, item) in new[] { ("repair", ""), ("date-idea", "d001"), ("lesson", AssumingSafety.Key) })
        {
            var refused = await api.PostAsync(
                path,
                new
                {
                    kind,
                    item,
                    due = Iso(Today.AddDays(2)),
                }
            );
            Assert.True(refused.Json.GetProperty("errors").TryGetProperty("kind", out _), kind + ": " + refused.Body);
        }

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await api.PostAsync(
                    path,
                    new
                    {
                        kind = "lesson",
                        item = ForOne.Key,
                        due = Iso(Today.AddDays(2)),
                    }
                )
            ).Status
        );
        var page = await pro.Browser.GetAsync($"/pro/connections/{connection}/homework");
        Assert.NotNull(page.Find("#just-one"));
        Assert.Single(page.Document.QuerySelectorAll("#homework-kinds a"));

        Assert.Contains($"From Dana: {ForOne.Title}", (await a.GetAsync("/")).Text, StringComparison.Ordinal);
        var partnersHome = await b.GetAsync("/");
        Assert.DoesNotContain("Dana", partnersHome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/counselor/homework", partnersHome.Html, StringComparison.Ordinal);
        var partnersPage = await b.GetAsync("/counselor/homework");
        Assert.NotNull(partnersPage.Find("#no-homework"));
        Assert.DoesNotContain(ForOne.Title, partnersPage.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_couple_rests_work_for_two_is_hidden_and_cannot_be_given()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (a, aId, b, bId) = await CoupleAsync("Vi", "Wen");
        var connection = await PracticeSeed.ConnectAsync(app, pro.Id, (aId, ConnectionScopes.All), (bId, ConnectionScopes.All));
        using var api = await ProApiAsync(pro);
        var path = $"/api/v1/professional/connections/{connection}/homework";
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await api.PostAsync(
                    path,
                    new
                    {
                        kind = "date-idea",
                        item = "d001",
                        due = Iso(Today.AddDays(2)),
                    }
                )
            ).Status
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await api.PostAsync(
                    path,
                    new
                    {
                        kind = "lesson",
                        item = ForOne.Key,
                        due = Iso(Today.AddDays(2)),
                    }
                )
            ).Status
        );
        var dateIdea = await app.WithDbAsync(db =>
            db.Homework.SingleAsync(h => h.ConnectionId == connection && h.Kind == HomeworkKind.DateIdea)
        );
        var idea = app.Services.GetRequiredService<Rekindle.Web.Features.TimeTogether.DateIdeaLibrary>().ById["d001"].Title;

        // Wen pauses exercises for two (a concern would look the same to everyone else).
        await app.WithDbAsync(async db =>
        {
            var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == bId);
            if (row is null)
            {
                db.MemberPreferences.Add(new MemberPreferences { MemberId = bId, PausedForTwo = true });
            }
            else
            {
                row.PausedForTwo = true;
            }

            return await db.SaveChangesAsync();
        });

        var refused = await api.PostAsync(
            path,
            new
            {
                kind = "check-in",
                item = "",
                due = Iso(Today.AddDays(2)),
            }
        );
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("resting", refused.Json.GetProperty("kind").GetString());
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await api.PostAsync(
                    path,
                    new
                    {
                        kind = "lesson",
                        item = ForOne.Key,
                        due = Iso(Today.AddDays(9)),
                    }
                )
            ).Status
        );
        var proPage = await pro.Browser.GetAsync($"/pro/connections/{connection}/homework");
        Assert.Contains("Vi and Wen have paused exercises for two", proPage.TextOf("#couple-paused"), StringComparison.Ordinal);
        Assert.Single(proPage.Document.QuerySelectorAll("#homework-kinds a"));
        Assert.Null((await pro.Browser.GetAsync($"/pro/connections/{connection}/homework?kind=repair")).Find("#assign"));

        foreach (var (member, note) in new[] { (a, "#partner-paused"), (b, "#homework-resting") })
        {
            var page = await member.GetAsync("/counselor/homework");
            Assert.NotNull(page.Find(note));
            Assert.Contains(ForOne.Title, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(idea, page.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(idea, (await member.GetAsync("/")).Text, StringComparison.Ordinal);
        }

        using var partnersApi = await MemberApiAsync(a);
        var hidden = await partnersApi.SendJsonAsync(HttpMethod.Put, $"/api/v1/counselor/homework/{dateIdea.Id}/done", "{\"done\":true}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.DoesNotContain(idea, (await partnersApi.GetAsync("/api/v1/counselor/homework")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_for_the_next_session_is_sealed_reaches_only_the_professional_and_can_be_taken_back()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (a, aId, b, bId) = await CoupleAsync("Xan", "Yve");
        var connection = await PracticeSeed.ConnectAsync(app, pro.Id, (aId, ConnectionScopes.Homework), (bId, ConnectionScopes.None));
        var path = $"/pro/connections/{connection}/homework";

        var shared = await a.SubmitAsync(
            await a.GetAsync("/counselor/homework"),
            "share",
            new Dictionary<string, string> { ["text"] = "Sessionitemmarker: we argued about the holidays" }
        );
        Assert.Contains("Shared with Dana", shared.TextOf("#homework-message"), StringComparison.Ordinal);
        Assert.Contains("goes to Dana", (await a.GetAsync("/counselor/homework")).TextOf("#share-help"), StringComparison.Ordinal);
        var item = await app.WithDbAsync(db => db.SessionItems.SingleAsync(i => i.ConnectionId == connection));
        Assert.DoesNotContain("Sessionitemmarker", item.Text.Envelope, StringComparison.Ordinal);
        Assert.Contains("Sessionitemmarker", (await pro.Browser.GetAsync(path)).TextOf("#shared-for-session"), StringComparison.Ordinal);
        Assert.DoesNotContain("Sessionitemmarker", (await b.GetAsync("/counselor/homework")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sessionitemmarker", (await b.GetAsync("/")).Html, StringComparison.Ordinal);
        Assert.Contains("Sessionitemmarker", await ExportAsync(a), StringComparison.Ordinal);
        Assert.DoesNotContain("Sessionitemmarker", await ExportAsync(b), StringComparison.Ordinal);

        // An empty one is refused by field; the partner cannot take Xan's back.
        var empty = await a.SubmitAsync(
            await a.GetAsync("/counselor/homework"),
            "share",
            new Dictionary<string, string> { ["text"] = " " }
        );
        Assert.Contains("Write a few words first.", empty.TextOf("#homework-message"), StringComparison.Ordinal);
        using var partnersApi = await MemberApiAsync(b);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await partnersApi.Client.DeleteAsync($"/api/v1/counselor/session-items/{item.Id}")).StatusCode
        );

        var taken = await a.SubmitAsync(
            await a.GetAsync("/counselor/homework"),
            "take-back",
            new Dictionary<string, string> { ["item"] = item.Id.ToString() }
        );
        Assert.Contains("Taken back.", taken.TextOf("#homework-message"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SessionItems.CountAsync(i => i.ConnectionId == connection)));
        Assert.Null((await pro.Browser.GetAsync(path)).Find("#shared-for-session"));

        // Through the API too.
        using var mine = await MemberApiAsync(a);
        var posted = await mine.PostAsync("/api/v1/counselor/session-items", new { connection, text = "Sessionitemmarker again" });
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var id = posted.Json.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await mine.Client.DeleteAsync($"/api/v1/counselor/session-items/{id}")).StatusCode);
    }

    [Fact]
    public async Task Another_professional_a_partner_and_an_ended_connection_get_nothing()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var other = await PracticeSeed.ProfessionalAsync(app, "Eli");
        var (a, aId, b, bId) = await CoupleAsync("Zoe", "Abe");
        var connection = await PracticeSeed.ConnectAsync(app, pro.Id, (aId, ConnectionScopes.All), (bId, ConnectionScopes.All));
        var path = $"/pro/connections/{connection}/homework";
        using var api = await ProApiAsync(pro);
        var apiPath = $"/api/v1/professional/connections/{connection}/homework";
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await api.PostAsync(
                    apiPath,
                    new
                    {
                        kind = "repair",
                        item = "",
                        due = Iso(Today.AddDays(4)),
                    }
                )
            ).Status
        );
        var homework = await app.WithDbAsync(db => db.Homework.SingleAsync(h => h.ConnectionId == connection));
        await MarkAsync(a, homework.Id, "done");

        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync(path + "?kind=repair")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(path)).Status);
        using var otherApi = await ProApiAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.GetAsync(apiPath)).Status);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await otherApi.PostAsync(
                    apiPath,
                    new
                    {
                        kind = "repair",
                        item = "",
                        due = Iso(Today),
                    }
                )
            ).Status
        );
        Assert.Equal(HttpStatusCode.NotFound, (await otherApi.Client.DeleteAsync($"{apiPath}/{homework.Id}")).StatusCode);
        // A professional has no partner pages: the one guard sends them to their own (decisions/0044).
        Assert.Equal("/pro", (await pro.Browser.GetAsync("/counselor/homework")).Url.AbsolutePath);

        // The connection ends: the professional's next request gets a 404, and the couple no longer sees its homework.
        await app.WithDbAsync(async db =>
        {
            var row = await db.ProfessionalConnections.SingleAsync(c => c.Id == connection);
            row.State = ConnectionState.Ended;
            row.EndedAt = app.Clock.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await pro.Browser.GetAsync(path)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(apiPath)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Client.DeleteAsync($"{apiPath}/{homework.Id}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await api.PostAsync(
                    apiPath,
                    new
                    {
                        kind = "repair",
                        item = "",
                        due = Iso(Today),
                    }
                )
            ).Status
        );
        var page = await a.GetAsync("/counselor/homework");
        Assert.NotNull(page.Find("#no-homework"));
        Assert.DoesNotContain("From Dana", (await b.GetAsync("/")).Text, StringComparison.Ordinal);
        using var mine = await MemberApiAsync(a);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await mine.SendJsonAsync(HttpMethod.Put, $"/api/v1/counselor/homework/{homework.Id}/done", "{\"done\":false}")).Status
        );
        // The member's own mark stays theirs, in their export, until they delete their account: then it goes with it.
        Assert.Contains("counselorHomework", await ExportAsync(a), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var confirmed = await a.SubmitAsync(
            await a.GetAsync("/account/delete"),
            "confirm-password",
            new Dictionary<string, string> { ["Input.Password"] = GoodPassword }
        );
        var deleted = await a.SubmitAsync(confirmed, "delete-account", new Dictionary<string, string> { ["confirmDelete"] = "yes" });
        Assert.Contains("Your account is deleted", deleted.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.HomeworkDone.CountAsync(d => d.MemberId == aId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.SessionItems.CountAsync(i => i.MemberId == aId)));
    }

    private readonly Dictionary<TestBrowser, string> _emails = [];

    private async Task<(TestBrowser A, Guid AId, TestBrowser B, Guid BId)> CoupleAsync(string first, string second)
    {
        var (a, aEmail) = await MemberAsync(app, first);
        var (b, bEmail) = await MemberAsync(app, second);
        await JoinAsync(b, await InviteAsync(a));
        _emails[a] = aEmail;
        _emails[b] = bEmail;
        return (a, await PracticeSeed.MemberIdAsync(app, aEmail), b, await PracticeSeed.MemberIdAsync(app, bEmail));
    }

    private static async Task<Page> MarkAsync(TestBrowser member, Guid homeworkId, string state)
    {
        var page = await member.SubmitAsync(
            await member.GetAsync("/counselor/homework"),
            "mark",
            new Dictionary<string, string> { ["mark"] = $"{homeworkId}|{state}" }
        );
        Assert.Contains("Marked", page.TextOf("#homework-message"), StringComparison.Ordinal);
        return page;
    }

    private async Task<ApiClient> ProApiAsync(Professional pro)
    {
        // A new time step: the code that turned the authenticator on cannot be used again.
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return await ApiClient.SignInAsync(
            app,
            pro.Email,
            GoodPassword,
            Totp.Code(pro.AuthenticatorKey, Totp.StepAt(app.Clock.GetUtcNow()))
        );
    }

    private Task<ApiClient> MemberApiAsync(TestBrowser member) => ApiClient.SignInAsync(app, _emails[member]);

    private static async Task<string> ExportAsync(TestBrowser member)
    {
        var token = (await member.GetAsync("/account/data"))
            .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await (await member.Client.PostAsync("/account/export/json", content)).Content.ReadAsStringAsync();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class PracticeHomeworkTestsOnSqlite(HomeworkSqliteApp app) : PracticeHomeworkTests(app), IClassFixture<HomeworkSqliteApp>;

public sealed class PracticeHomeworkTestsOnPostgres(HomeworkPostgresApp app)
    : PracticeHomeworkTests(app),
        IClassFixture<HomeworkPostgresApp>;
