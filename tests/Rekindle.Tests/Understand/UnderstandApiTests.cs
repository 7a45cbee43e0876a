using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Features.Understand;

namespace Rekindle.Tests.Understand;

/// <summary>The Rough Patch Check, the Couple Map and the plan through the API, with the pages' privacy and safety routing (decision
/// 0010).</summary>
public abstract partial class UnderstandApiTests(RekindleFactory app)
{
    private Task TakeCheckAsync(ApiClient api, Func<CheckItem, int> answer) => ApiPeople.TakeCheckAsync(app, api, answer);

    private static async Task<Guid> MemberIdOfAsync(ApiClient api) =>
        (await api.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();

    [Fact]
    public async Task The_check_is_taken_part_by_part_bad_answers_name_their_field_and_write_nothing()
    {
        var (ana, _, _) = await ApiPeople.MemberAsync(app, "Ana");
        using var _a = ana;
        var content = CheckJourney.Content(app);
        var check = await ana.GetAsync("/api/v1/understand/check");
        Assert.Equal(content.Sections.Count, check.Json.GetProperty("parts").GetArrayLength());
        Assert.Equal(content.Sections[0].Key, check.Json.GetProperty("nextPart").GetString());

        var first = content.Sections[0].Key;
        var id = await MemberIdOfAsync(ana);
        var bad = await ana.PostAsync(
            $"/api/v1/understand/check/parts/{first}",
            new { answers = new Dictionary<string, int?> { [content.ItemsBySection[first][0].Id] = 9 }, @continue = false }
        );
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.True(bad.Json.GetProperty("errors").TryGetProperty("answers", out _));
        var negative = await ana.PostAsync(
            $"/api/v1/understand/check/parts/{first}",
            new { answers = new Dictionary<string, int?> { [content.ItemsBySection[first][0].Id] = -1 }, @continue = false }
        );
        Assert.Equal(HttpStatusCode.BadRequest, negative.Status);
        var incomplete = await ana.PostAsync(
            $"/api/v1/understand/check/parts/{first}",
            new { answers = new Dictionary<string, int?> { [content.ItemsBySection[first][0].Id] = 1 }, @continue = true }
        );
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.CheckAttempts.CountAsync(c => c.OwnerId == id)));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await ana.PostAsync(
                    "/api/v1/understand/check/parts/no-such-part",
                    new { answers = new Dictionary<string, int?>(), @continue = false }
                )
            ).Status
        );
        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync("/api/v1/understand/plan")).Status);

        // Saved for later: kept, and shown again.
        var later = await ana.PostAsync(
            $"/api/v1/understand/check/parts/{first}",
            new { answers = new Dictionary<string, int?> { [content.ItemsBySection[first][0].Id] = 2 }, @continue = false }
        );
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.False(later.Json.GetProperty("finished").GetBoolean());
        Assert.Equal(
            2,
            (await ana.GetAsync("/api/v1/understand/check"))
                .Json.GetProperty("answers")
                .GetProperty(content.ItemsBySection[first][0].Id)
                .GetInt32()
        );

        await TakeCheckAsync(ana, CheckJourney.Ordinary);
        var results = await ana.GetAsync("/api/v1/understand/results");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, results.Json.GetProperty("latest").GetProperty("safety").ValueKind);
        Assert.Equal("NoPartner", results.Json.GetProperty("map").GetProperty("stage").GetString());
        Assert.Equal(
            "Strained",
            results
                .Json.GetProperty("latest")
                .GetProperty("domains")
                .EnumerateArray()
                .Single(d => d.GetProperty("key").GetString() == "time-together")
                .GetProperty("level")
                .GetString()
        );

        var plan = await ana.GetAsync("/api/v1/understand/plan");
        Assert.Equal(HttpStatusCode.OK, plan.Status);
        var step = plan.Json.GetProperty("weeks")[0].GetProperty("steps")[0].GetProperty("key").GetString();
        var ticked = await ana.PostAsync($"/api/v1/understand/plan/steps/{step}", new { done = true });
        Assert.Equal(1, ticked.Json.GetProperty("done").GetInt32());
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ana.PostAsync("/api/v1/understand/plan/steps/not-a-step", new { done = true })).Status
        );
        var untick = await ana.PostAsync($"/api/v1/understand/plan/steps/{step}", new { done = false });
        Assert.Equal(0, untick.Json.GetProperty("done").GetInt32());

        // Four weeks on, taking it again is suggested, as on the Understand page (the access token has expired by then: refresh).
        Assert.False(results.Json.GetProperty("retakeDue").GetBoolean());
        app.Clock.Advance(TimeSpan.FromDays(29));
        ana.Use((await ana.PostAsync("/api/v1/auth/refresh", new { refreshToken = ana.RefreshToken })).Json);
        Assert.True((await ana.GetAsync("/api/v1/understand/results")).Json.GetProperty("retakeDue").GetBoolean());
    }

    [Fact]
    public async Task The_map_opens_only_when_both_shared_and_a_safety_concern_changes_nothing_the_partner_gets()
    {
        // Two couples alike but for Kim's safety screen in the first; each Lee's answers must be the same bytes.
        var lees = new List<ApiClient>();
        var kims = new List<ApiClient>();
        foreach (var answers in new Func<CheckItem, int>[] { CheckJourney.WithConcern, CheckJourney.Ordinary })
        {
            var (kim, lee) = await ApiPeople.CoupleAsync(app, "Kim", "Lee");
            await TakeCheckAsync(kim, answers);
            Assert.Equal("PartnerStillChecking", (await kim.GetAsync("/api/v1/understand/map")).Json.GetProperty("stage").GetString());
            Assert.Equal(HttpStatusCode.Conflict, (await kim.PostAsync("/api/v1/understand/map/share", new { })).Status);
            await TakeCheckAsync(lee, CheckJourney.Ordinary);
            var shared = await kim.PostAsync("/api/v1/understand/map/share", new { });
            Assert.Equal(HttpStatusCode.OK, shared.Status);
            Assert.Equal("PartnerNotShared", shared.Json.GetProperty("stage").GetString());
            Assert.Empty(shared.Json.GetProperty("rows").EnumerateArray());
            var leeBefore = await lee.GetAsync("/api/v1/understand/map");
            Assert.Equal("ShareYours", leeBefore.Json.GetProperty("stage").GetString());
            Assert.False(leeBefore.Json.GetProperty("partnerShared").GetBoolean());
            Assert.Equal(HttpStatusCode.OK, (await lee.PostAsync("/api/v1/understand/map/share", new { })).Status);
            kims.Add(kim);
            lees.Add(lee);
        }

        var kimResults = await kims[0].GetAsync("/api/v1/understand/results");
        var note = kimResults.Json.GetProperty("latest").GetProperty("safety");
        Assert.Equal("/safety", note.GetProperty("link").GetString());
        Assert.True(kimResults.Json.GetProperty("latest").GetProperty("wellbeingSuggestsSupport").GetBoolean());
        var kimPlan = await kims[0].GetAsync("/api/v1/understand/plan");
        Assert.True(kimPlan.Json.GetProperty("jointExercisesResting").GetBoolean());
        Assert.DoesNotContain(kimPlan.Json.GetProperty("weeks").EnumerateArray(), w =>
            w.GetProperty("area").GetString() is "repair" or "intimacy"
        );
        Assert.Equal("Ready", (await kims[0].GetAsync("/api/v1/understand/map")).Json.GetProperty("stage").GetString());

        foreach (
            var path in new[]
            {
                "/api/v1/understand/map",
                "/api/v1/understand/plan",
                "/api/v1/understand/results",
                "/api/v1/understand/check",
                "/api/v1/couple",
            }
        )
        {
            var withConcern = Normalise((await lees[0].GetAsync(path)).Body);
            var without = Normalise((await lees[1].GetAsync(path)).Body);
            Assert.Equal(without, withConcern);
            Assert.DoesNotContain("safety\":{", withConcern, StringComparison.Ordinal);
            Assert.DoesNotContain("\"jointExercisesResting\":true", withConcern, StringComparison.Ordinal);
        }

        // Taking the share back closes the map for both; another member cannot touch either.
        var (stranger, _, _) = await ApiPeople.MemberAsync(app, "Sam");
        using var _s = stranger;
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await ApiResponse.ReadAsync(await stranger.Client.DeleteAsync("/api/v1/understand/map/share"))).Status
        );
        Assert.Equal("Ready", (await lees[0].GetAsync("/api/v1/understand/map")).Json.GetProperty("stage").GetString());
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await ApiResponse.ReadAsync(await kims[0].Client.DeleteAsync("/api/v1/understand/map/share"))).Status
        );
        var closed = await lees[0].GetAsync("/api/v1/understand/map");
        Assert.Equal("PartnerNotShared", closed.Json.GetProperty("stage").GetString());
        Assert.Empty(closed.Json.GetProperty("rows").EnumerateArray());
        foreach (var client in lees.Concat(kims))
        {
            client.Dispose();
        }
    }

    /// <summary>Ids and times differ between the two couples; everything else must not.</summary>
    private static string Normalise(string json) => Times().Replace(Ids().Replace(json, "ID"), "TIME");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z?")]
    private static partial Regex Times();

    [Fact]
    public async Task Each_refusal_names_its_kind_and_field()
    {
        var (ana, _, _) = await ApiPeople.MemberAsync(app, "Ana");
        using var _a = ana;
        var content = CheckJourney.Content(app);
        var first = content.Sections[0].Key;
        var item = content.ItemsBySection[first][0].Id;

        ApiProblems.AssertProblem(
            await ana.PostAsync(
                $"/api/v1/understand/check/parts/{first}",
                new { answers = new Dictionary<string, int?> { [item] = 9 }, @continue = false }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "answers"
        );
        ApiProblems.AssertProblem(
            await ana.PostAsync(
                $"/api/v1/understand/check/parts/{first}",
                new
                {
                    answers = new Dictionary<string, int?>(),
                    @continue = true,
                    skip = true,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "skip"
        );
        ApiProblems.AssertProblem(
            await ana.PostAsync(
                "/api/v1/understand/check/parts/no-such-part",
                new { answers = new Dictionary<string, int?>(), @continue = false }
            ),
            HttpStatusCode.NotFound,
            "notFound"
        );
        ApiProblems.AssertProblem(await ana.GetAsync("/api/v1/understand/plan"), HttpStatusCode.NotFound, "notFound");
        ApiProblems.AssertProblem(
            await ana.PostAsync("/api/v1/understand/plan/steps/no-such-step", new { done = true }),
            HttpStatusCode.NotFound,
            "notFound"
        );

        // On her own there is no map to share yet (her own state), and nothing to take back.
        ApiProblems.AssertProblem(await ana.PostAsync("/api/v1/understand/map/share", new { }), HttpStatusCode.Conflict, "conflict");
        ApiProblems.AssertProblem(
            await ApiResponse.ReadAsync(await ana.Client.DeleteAsync("/api/v1/understand/map/share")),
            HttpStatusCode.NotFound,
            "notFound"
        );
    }
}

public sealed class UnderstandApiTestsOnSqlite(SqliteApp app) : UnderstandApiTests(app), IClassFixture<SqliteApp>;

public sealed class UnderstandApiTestsOnPostgres(PostgresApp app) : UnderstandApiTests(app), IClassFixture<PostgresApp>;
