using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Tests.Spontaneity;

/// <summary>Spontaneity through the API (decision 0012): "I'd love this" may become a hint, "not for me" never shows; notes reach only the
/// partner.</summary>
public abstract class SpontaneityApiTests(RekindleFactory app)
{
    private static async Task<string> GiverPagesAsync(ApiClient api)
    {
        var bodies = new List<string>();
        foreach (
            var path in new[]
            {
                "/api/v1/spontaneity",
                "/api/v1/spontaneity?budget=free&home=true",
                "/api/v1/spontaneity?another=3",
                "/api/v1/spontaneity?minutes=15&another=1",
                "/api/v1/spontaneity/gestures",
                "/api/v1/spontaneity/gestures?unmarked=true&page=2",
            }
        )
        {
            bodies.Add((await api.GetAsync(path)).Body);
        }

        return string.Join("\n", bodies);
    }

    [Fact]
    public async Task The_givers_answers_are_the_same_bytes_whether_the_partner_said_not_for_me_cleared_it_or_never_marked_it()
    {
        var pages = new List<string>();
        foreach (var second in new[] { "no", "clear", null })
        {
            var (giver, partner) = await ApiPeople.CoupleAsync(app, "Gil", "Hal");
            using var _g = giver;
            using var _p = partner;
            Assert.Equal(
                HttpStatusCode.OK,
                (await partner.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "g001", mark = "love" })).Status
            );
            if (second is not null)
            {
                Assert.Equal(
                    HttpStatusCode.OK,
                    (await partner.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "g002", mark = "no" })).Status
                );
                if (second == "clear")
                {
                    var cleared = await partner.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "g002", mark = "clear" });
                    Assert.Equal(System.Text.Json.JsonValueKind.Null, cleared.Json.GetProperty("myMark").ValueKind);
                }
            }

            var mine = (await partner.GetAsync("/api/v1/spontaneity/gestures")).Json.GetProperty("gestures");
            Assert.Equal(
                "love",
                mine.EnumerateArray()
                    .Single(g => g.GetProperty("gesture").GetProperty("id").GetString() == "g001")
                    .GetProperty("myMark")
                    .GetString()
            );
            var giverView = await giver.GetAsync("/api/v1/spontaneity");
            Assert.True(giverView.Json.GetProperty("hasPartner").GetBoolean());
            Assert.Contains(giverView.Json.GetProperty("hints").EnumerateArray(), h => h.GetProperty("id").GetString() == "g001");
            Assert.DoesNotContain(
                "\"myMark\":\"love\"",
                (await giver.GetAsync("/api/v1/spontaneity/gestures")).Body,
                StringComparison.Ordinal
            );
            pages.Add(await GiverPagesAsync(giver));
        }

        Assert.Equal(pages[2], pages[0]);
        Assert.Equal(pages[2], pages[1]);
    }

    [Fact]
    public async Task Marks_and_notes_refuse_bad_input_by_field_write_nothing_and_reach_only_the_partner()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Ivy", "Jon");
        using var _a = ana;
        using var _b = ben;
        var anaId = (await ana.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();

        var badMark = await ana.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "g001", mark = "maybe" });
        Assert.Equal(HttpStatusCode.BadRequest, badMark.Status);
        Assert.True(badMark.Json.GetProperty("errors").TryGetProperty("mark", out _));
        var badGesture = await ana.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "nope", mark = "love" });
        Assert.True(badGesture.Json.GetProperty("errors").TryGetProperty("gestureId", out _));
        Assert.Equal(0, (await app.AnswerSetsAsync(AnswerList.Gestures)).GetValueOrDefault(anaId)?.Count ?? 0);

        var empty = await ana.PostAsync("/api/v1/spontaneity/notes", new { text = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.True(empty.Json.GetProperty("errors").TryGetProperty("text", out _));
        var tooLong = await ana.PostAsync("/api/v1/spontaneity/notes", new { text = new string('a', 281) });
        Assert.True(tooLong.Json.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.AppreciationNotes.CountAsync(n => n.FromId == anaId)));

        var sent = await ana.PostAsync("/api/v1/spontaneity/notes", new { text = "Apinotemarker thank you" });
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.False(Assert.Single(sent.Json.EnumerateArray()).GetProperty("new").GetBoolean());
        var received = await ben.GetAsync("/api/v1/spontaneity/notes");
        var note = Assert.Single(received.Json.GetProperty("received").EnumerateArray());
        Assert.Equal("Apinotemarker thank you", note.GetProperty("text").GetString());
        Assert.True(note.GetProperty("new").GetBoolean());
        Assert.False((await ben.GetAsync("/api/v1/spontaneity/notes")).Json.GetProperty("received")[0].GetProperty("new").GetBoolean());
        // The sender is never told whether it was read.
        Assert.False((await ana.GetAsync("/api/v1/spontaneity/notes")).Json.GetProperty("sent")[0].GetProperty("new").GetBoolean());

        var (alone, _, _) = await ApiPeople.MemberAsync(app, "Kai");
        using var _k = alone;
        Assert.Equal(HttpStatusCode.Conflict, (await alone.PostAsync("/api/v1/spontaneity/notes", new { text = "hello" })).Status);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await alone.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "g001", mark = "love" })).Status
        );
        Assert.DoesNotContain("Apinotemarker", (await alone.GetAsync("/api/v1/spontaneity/notes")).Body, StringComparison.Ordinal);
        Assert.False((await alone.GetAsync("/api/v1/spontaneity")).Json.GetProperty("hasPartner").GetBoolean());
    }

    [Fact]
    public async Task Every_refusal_names_its_kind_and_field()
    {
        static void AssertProblem(ApiResponse response, HttpStatusCode status, string kind, string? field = null)
        {
            Assert.Equal(status, response.Status);
            Assert.Equal(kind, response.Json.GetProperty("kind").GetString());
            if (field is not null)
            {
                Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), $"No error about {field}: {response.Body}");
            }
        }

        var (alone, _, _) = await ApiPeople.MemberAsync(app, "Lev");
        using var _l = alone;
        AssertProblem(
            await alone.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "g001", mark = "love" }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(await alone.PostAsync("/api/v1/spontaneity/notes", new { text = "hello" }), HttpStatusCode.Conflict, "conflict");

        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Mia", "Ned");
        using var _a = ana;
        using var _b = ben;
        AssertProblem(
            await ana.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "nope", mark = "love" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "gestureId"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/spontaneity/gestures/marks", new { gestureId = "g001", mark = "adore" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "mark"
        );
        AssertProblem(await ana.PostAsync("/api/v1/spontaneity/notes", new { text = " " }), HttpStatusCode.BadRequest, "invalid", "text");
        for (var i = 1; i <= 10; i++)
        {
            Assert.Equal(
                HttpStatusCode.OK,
                (await ana.PostAsync("/api/v1/spontaneity/notes", new { text = $"Thanks, number {i}" })).Status
            );
        }

        AssertProblem(
            await ana.PostAsync("/api/v1/spontaneity/notes", new { text = "One more" }),
            HttpStatusCode.TooManyRequests,
            "tooMany"
        );
        Assert.Equal(10, (await ana.GetAsync("/api/v1/spontaneity/notes")).Json.GetProperty("sent").GetArrayLength());
    }
}

public sealed class SpontaneityApiTestsOnSqlite(SqliteApp app) : SpontaneityApiTests(app), IClassFixture<SqliteApp>;

public sealed class SpontaneityApiTestsOnPostgres(PostgresApp app) : SpontaneityApiTests(app), IClassFixture<PostgresApp>;
