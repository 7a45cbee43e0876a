using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Tests.Intimacy;

/// <summary>Intimacy through the API (decision 0014): consent first, mutual-only matching, private readiness and notes.</summary>
public abstract partial class IntimacyApiTests(RekindleFactory app)
{
    private static async Task<string> SnapshotAsync(ApiClient api, string key)
    {
        var bodies = new List<string>();
        foreach (
            var path in new[]
            {
                "/api/v1/intimacy",
                "/api/v1/intimacy/matches",
                "/api/v1/intimacy/answers?category=words",
                "/api/v1/intimacy/answers?category=words&all=true",
                "/api/v1/intimacy/program",
            }
        )
        {
            var response = await api.GetAsync(path);
            bodies.Add($"{(int)response.Status} {response.Body}");
        }

        var flag = await api.PostAsync("/api/v1/intimacy/matches/check-in-first", new { key, on = true });
        bodies.Add($"{(int)flag.Status} {flag.Body}");
        // A problem's trace id names the request, so it differs every time; the rest must not.
        return TraceId().Replace(string.Join("\n", bodies), "\"traceId\":\"-\"");
    }

    [Fact]
    public async Task An_item_shows_only_when_both_chose_it_and_the_partners_other_answers_change_no_byte()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Ana", "Ben");
        using var _a = ana;
        using var _b = ben;
        var anaId = (await ana.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();

        Assert.Equal(HttpStatusCode.Conflict, (await ana.GetAsync("/api/v1/intimacy/answers")).Status);
        var notAdult = await ana.PostAsync("/api/v1/intimacy/opt-in", new { adult = false });
        Assert.Equal(HttpStatusCode.BadRequest, notAdult.Status);
        Assert.True(notAdult.Json.GetProperty("errors").TryGetProperty("adult", out _));
        Assert.False((await ana.GetAsync("/api/v1/intimacy")).Json.GetProperty("meIn").GetBoolean());

        var on = await ana.PostAsync("/api/v1/intimacy/opt-in", new { adult = true });
        Assert.True(on.Json.GetProperty("meIn").GetBoolean());
        Assert.False(on.Json.GetProperty("bothIn").GetBoolean());
        var page = await ana.GetAsync("/api/v1/intimacy/answers?category=words");
        var key = page.Json.GetProperty("items")[0].GetProperty("key").GetString()!;
        var other = page.Json.GetProperty("items")[1].GetProperty("key").GetString()!;

        var bad = await ana.PostAsync("/api/v1/intimacy/answers", new { key, answer = "perhaps" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.True(bad.Json.GetProperty("errors").TryGetProperty("answer", out _));
        Assert.True(
            (await ana.PostAsync("/api/v1/intimacy/answers", new { key = "no-such-item", answer = "yes" }))
                .Json.GetProperty("errors")
                .TryGetProperty("key", out _)
        );
        Assert.Equal(0, (await app.AnswerSetsAsync(AnswerList.Desires)).GetValueOrDefault(anaId)?.Count ?? 0);

        var yes = await ana.PostAsync("/api/v1/intimacy/answers", new { key, answer = "yes" });
        Assert.Equal(HttpStatusCode.OK, yes.Status);
        Assert.Equal("yes", yes.Json.GetProperty("myAnswer").GetString());
        Assert.Equal(HttpStatusCode.OK, (await ana.PostAsync("/api/v1/intimacy/answers", new { key = other, answer = "maybe" })).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await ben.PostAsync("/api/v1/intimacy/answers", new { key, answer = "yes" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await ben.PostAsync("/api/v1/intimacy/opt-in", new { adult = true })).Status);

        // Ben's answers other than yes or maybe leave every byte Ana gets the same, and Ben never sees Ana's.
        var before = await SnapshotAsync(ana, key);
        Assert.Contains("\"bothIn\":true", before, StringComparison.Ordinal);
        foreach (var answer in new[] { "no", "talk", "limit", "clear" })
        {
            Assert.Equal(HttpStatusCode.OK, (await ben.PostAsync("/api/v1/intimacy/answers", new { key, answer })).Status);
            Assert.Equal(before, await SnapshotAsync(ana, key));
            var bensItem = (await ben.GetAsync("/api/v1/intimacy/answers?category=words&all=true"))
                .Json.GetProperty("items")
                .EnumerateArray()
                .Single(i => i.GetProperty("key").GetString() == key);
            Assert.Equal(answer == "clear" ? null : answer, bensItem.GetProperty("myAnswer").GetString());
        }

        var maybe = await ben.PostAsync("/api/v1/intimacy/answers", new { key, answer = "maybe" });
        Assert.Equal("maybe", maybe.Json.GetProperty("myAnswer").GetString());
        var anasMatches = await ana.GetAsync("/api/v1/intimacy/matches");
        var match = Assert.Single(anasMatches.Json.GetProperty("items").EnumerateArray());
        Assert.Equal(key, match.GetProperty("key").GetString());
        Assert.Equal("YesAndMaybe", match.GetProperty("kind").GetString());
        Assert.Equal(anasMatches.Body, (await ben.GetAsync("/api/v1/intimacy/matches")).Body);

        var flagged = await ben.PostAsync("/api/v1/intimacy/matches/check-in-first", new { key, on = true });
        Assert.Equal(HttpStatusCode.OK, flagged.Status);
        Assert.True((await ana.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items")[0].GetProperty("checkInFirst").GetBoolean());

        // Another couple: nothing of theirs, and the item is not a match of theirs.
        var (cyd, dee) = await ApiPeople.CoupleAsync(app, "Cyd", "Dee");
        using var _c = cyd;
        using var _d = dee;
        await cyd.PostAsync("/api/v1/intimacy/opt-in", new { adult = true });
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await cyd.PostAsync("/api/v1/intimacy/matches/check-in-first", new { key, on = false })).Status
        );
        Assert.Empty((await cyd.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items").EnumerateArray());
        Assert.True((await ana.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items")[0].GetProperty("checkInFirst").GetBoolean());

        // An item of the couple's own: both can answer it; the words are theirs alone.
        Assert.True(
            (await ana.PostAsync("/api/v1/intimacy/items", new { text = " ", category = "words" }))
                .Json.GetProperty("errors")
                .TryGetProperty("text", out _)
        );
        Assert.True(
            (await ana.PostAsync("/api/v1/intimacy/items", new { text = "Apiintimacymarker", category = "nowhere" }))
                .Json.GetProperty("errors")
                .TryGetProperty("category", out _)
        );
        var added = await ana.PostAsync("/api/v1/intimacy/items", new { text = "Apiintimacymarker", category = "words" });
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Contains(
            "Apiintimacymarker",
            (await ben.GetAsync("/api/v1/intimacy/answers?category=words")).Body,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain(
            "Apiintimacymarker",
            (await cyd.GetAsync("/api/v1/intimacy/answers?category=words")).Body,
            StringComparison.Ordinal
        );

        // Turning off takes Ana's answers out of matching at once.
        var off = await ana.PostAsync("/api/v1/intimacy/opt-out", new { deleteAnswers = false });
        Assert.False(off.Json.GetProperty("meIn").GetBoolean());
        Assert.Empty((await ben.GetAsync("/api/v1/intimacy/matches")).Json.GetProperty("items").EnumerateArray());
        Assert.NotEqual(0, (await app.AnswerSetsAsync(AnswerList.Desires)).GetValueOrDefault(anaId)?.Count ?? 0);
        await ana.PostAsync("/api/v1/intimacy/opt-out", new { deleteAnswers = true });
        Assert.Equal(0, (await app.AnswerSetsAsync(AnswerList.Desires)).GetValueOrDefault(anaId)?.Count ?? 0);
    }

    [Fact]
    public async Task Readiness_and_session_notes_stay_private_until_both_are_ready()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Eva", "Fin");
        using var _a = ana;
        using var _b = ben;
        await ana.PostAsync("/api/v1/intimacy/opt-in", new { adult = true });
        var waiting = await ana.GetAsync("/api/v1/intimacy/program");
        Assert.False(waiting.Json.GetProperty("open").GetBoolean());
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await ana.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 0 })).Status
        );
        await ben.PostAsync("/api/v1/intimacy/opt-in", new { adult = true });

        var bensBefore = (await ben.GetAsync("/api/v1/intimacy/program")).Body;
        var ready = await ana.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 0 });
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.True(ready.Json.GetProperty("iAmReady").GetBoolean());
        Assert.Equal(bensBefore, (await ben.GetAsync("/api/v1/intimacy/program")).Body);

        var today = ready.Json.GetProperty("today").GetString();
        var badDay = await ana.PostAsync("/api/v1/intimacy/program/sessions", new { day = "2000-01-01", feeling = "calm" });
        Assert.True(badDay.Json.GetProperty("errors").TryGetProperty("day", out _));
        var badFeeling = await ana.PostAsync("/api/v1/intimacy/program/sessions", new { day = today, feeling = "ecstatic" });
        Assert.True(badFeeling.Json.GetProperty("errors").TryGetProperty("feeling", out _));
        var anaId = (await ana.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();
        Assert.Equal(0, await app.WithDbAsync(db => db.TouchLogs.CountAsync(l => l.OwnerId == anaId)));
        var logged = await ana.PostAsync(
            "/api/v1/intimacy/program/sessions",
            new
            {
                day = today,
                feeling = "warm",
                note = "Apitouchmarker",
            }
        );
        Assert.Equal(HttpStatusCode.OK, logged.Status);
        Assert.Contains("Apitouchmarker", logged.Body, StringComparison.Ordinal);
        Assert.Equal(bensBefore, (await ben.GetAsync("/api/v1/intimacy/program")).Body);

        var both = await ben.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 0 });
        Assert.Equal(1, both.Json.GetProperty("stage").GetInt32());
        Assert.False(both.Json.GetProperty("iAmReady").GetBoolean());
        Assert.Equal(1, (await ana.GetAsync("/api/v1/intimacy/program")).Json.GetProperty("stage").GetInt32());
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await ana.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 0 })).Status
        );
        Assert.NotEmpty((await ben.GetAsync("/api/v1/intimacy/resources")).Json.EnumerateArray());
    }

    /// <summary>A problem's status, its kind, and for an invalid request the field it is about (decisions/0032).</summary>
    private static void AssertProblem(ApiResponse response, HttpStatusCode status, string kind, string? field = null)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal(kind, response.Json.GetProperty("kind").GetString());
        if (field is not null)
        {
            Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), $"No error about {field}: {response.Body}");
        }
    }

    [Fact]
    public async Task Every_refusal_names_its_kind_and_field_and_the_closed_routes_answer_409_from_the_members_own_state()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Gia", "Hugo");
        using var _a = ana;
        using var _b = ben;

        // Not in: every route behind the one check answers the same conflict.
        foreach (
            var path in new[]
            {
                "/api/v1/intimacy/answers",
                "/api/v1/intimacy/matches",
                "/api/v1/intimacy/program",
                "/api/v1/intimacy/resources",
            }
        )
        {
            AssertProblem(await ana.GetAsync(path), HttpStatusCode.Conflict, "conflict");
        }

        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/answers", new { key = "i001", answer = "yes" }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/items", new { text = "Something", category = "words" }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/matches/check-in-first", new { key = "i001", on = true }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 0 }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/program/sessions", new { day = "2000-01-01", feeling = "calm" }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(await ana.PostAsync("/api/v1/intimacy/opt-in", new { adult = false }), HttpStatusCode.BadRequest, "invalid", "adult");

        Assert.Equal(HttpStatusCode.OK, (await ana.PostAsync("/api/v1/intimacy/opt-in", new { adult = true })).Status);
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/answers", new { key = "no-such-item", answer = "yes" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "key"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/answers", new { key = "i001", answer = "perhaps" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "answer"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/items", new { text = "", category = "words" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "text"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/items", new { text = "Apikindmarker", category = "nowhere" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "category"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/matches/check-in-first", new { key = "i001", on = true }),
            HttpStatusCode.NotFound,
            "notFound"
        );

        // Only one of them in: the program waits, the same conflict whatever the other one answered.
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 0 }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/program/sessions", new { day = "2000-01-01", feeling = "calm" }),
            HttpStatusCode.Conflict,
            "conflict"
        );

        Assert.Equal(HttpStatusCode.OK, (await ben.PostAsync("/api/v1/intimacy/opt-in", new { adult = true })).Status);
        var today = (await ana.GetAsync("/api/v1/intimacy/program")).Json.GetProperty("today").GetString();
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/program/ready", new { ready = true, stage = 3 }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/program/sessions", new { day = "2000-01-01", feeling = "calm" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "day"
        );
        AssertProblem(
            await ana.PostAsync("/api/v1/intimacy/program/sessions", new { day = today, feeling = "ecstatic" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "feeling"
        );
        AssertProblem(
            await ana.PostAsync(
                "/api/v1/intimacy/program/sessions",
                new
                {
                    day = today,
                    feeling = "calm",
                    note = "a\u0001b",
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "note"
        );
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();
}

public sealed class IntimacyApiTestsOnSqlite(SqliteApp app) : IntimacyApiTests(app), IClassFixture<SqliteApp>;

public sealed class IntimacyApiTestsOnPostgres(PostgresApp app) : IntimacyApiTests(app), IClassFixture<PostgresApp>;
