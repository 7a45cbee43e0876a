using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Features.Intimacy;
using Rekindle.Web.Features.Spontaneity;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Tests.Trust;

/// <summary>
/// docs/TRUST.md T17: the work a request does for a member (database commands, rows read, sealed values
/// opened and their length) is the same whatever the partner answered: nothing, everything "no" or
/// a firm limit, everything yes, or a mix. Work rather than wall time, so the test is exact and
/// steady: timing can only differ where the work does. Each list's pages and API routes that read
/// the partner's answers are measured: intimacy matches, date ideas "you both would enjoy", and the
/// gesture hints and "surprise me" (decisions/0026).
/// </summary>
public abstract class WorkPerRequestTests(RekindleFactory app)
{
    private sealed record Work(long Commands, long Rows, long Opened, long OpenedChars);

    private sealed record Member(ApiClient Api, TestBrowser Browser) : IDisposable
    {
        public void Dispose()
        {
            Api.Dispose();
            Browser.Dispose();
        }
    }

    private async Task<(Member Ana, Member Ben)> CoupleAsync()
    {
        var (anaApi, anaBrowser, _) = await ApiPeople.MemberAsync(app, "Ana");
        var (benApi, benBrowser, _) = await ApiPeople.MemberAsync(app, "Ben");
        var code = (await anaApi.PostAsync("/api/v1/couple/invite", new { })).Json.GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.OK, (await benApi.PostAsync("/api/v1/couple/join", new { code })).Status);
        return (new Member(anaApi, anaBrowser), new Member(benApi, benBrowser));
    }

    private Work Now()
    {
        var stats = app.Services.GetRequiredService<SealingStats>();
        return new Work(app.Work.Commands, app.Work.Rows, stats.Opened, stats.OpenedChars);
    }

    /// <summary>The work of each probe, after one warm-up call (caches, first-use keys), as "probe: work".</summary>
    private async Task<List<string>> MeasureAsync(IEnumerable<(string Name, Func<Task<HttpStatusCode>> Call)> probes)
    {
        var measured = new List<string>();
        foreach (var (name, call) in probes)
        {
            Assert.Equal(HttpStatusCode.OK, await call());
            var before = Now();
            Assert.Equal(HttpStatusCode.OK, await call());
            var after = Now();
            measured.Add(
                $"{name}: {after.Commands - before.Commands} commands, {after.Rows - before.Rows} rows, {after.Opened - before.Opened} opened, {after.OpenedChars - before.OpenedChars} characters opened"
            );
        }

        return measured;
    }

    private static async Task AnswerAllAsync(
        ApiClient api,
        string path,
        string keyName,
        string answerName,
        List<string> keys,
        Func<int, string> answer
    )
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var saved = await api.PostAsync(path, new Dictionary<string, string> { [keyName] = keys[i], [answerName] = answer(i) });
            Assert.True(saved.Status == HttpStatusCode.OK, saved.Body);
        }
    }

    private async Task AssertSameWorkAsync(
        IEnumerable<(string Name, Func<Task<HttpStatusCode>> Call)> probes,
        IReadOnlyList<(string State, Func<int, string>? Answer)> states,
        Func<Func<int, string>, Task> answerAll
    )
    {
        var list = probes.ToList();
        string? first = null;
        foreach (var (state, answer) in states)
        {
            if (answer is not null)
            {
                await answerAll(answer);
            }

            var work = string.Join("\n", await MeasureAsync(list));
            if (first is null)
            {
                first = work;
                Assert.DoesNotContain(", 0 opened", work, StringComparison.Ordinal); // every probe does read sealed values
            }
            else
            {
                Assert.True(
                    first == work,
                    $"With the partner's answers {state}, the work changed:\n{work}\nagainst, with none answered:\n{first}"
                );
            }
        }
    }

    private static Func<Task<HttpStatusCode>> Page(TestBrowser browser, string path) =>
        async () => (await browser.Client.GetAsync(path)).StatusCode;

    private static Func<Task<HttpStatusCode>> Api(ApiClient api, string path) => async () => (await api.GetAsync(path)).Status;

    [Fact]
    public async Task Intimacy_matches_do_the_same_work_whatever_the_partner_answered()
    {
        var (ana, ben) = await CoupleAsync();
        using var _ = ana;
        using var __ = ben;
        Assert.Equal(HttpStatusCode.OK, (await ana.Api.PostAsync("/api/v1/intimacy/opt-in", new { adult = true })).Status);
        Assert.Equal(HttpStatusCode.OK, (await ben.Api.PostAsync("/api/v1/intimacy/opt-in", new { adult = true })).Status);
        var items = app.Services.GetRequiredService<IntimacyContent>().Items.Select(i => i.Id).ToList();
        // Ana's own answers hold still: a few, none a yes, so no state of Ben's makes a match.
        await AnswerAllAsync(ana.Api, "/api/v1/intimacy/answers", "key", "answer", items.Take(5).ToList(), _ => "no");

        string[] mix = ["yes", "maybe", "talk", "no", "limit"];
        await AssertSameWorkAsync(
            [("matches page", Page(ana.Browser, "/intimacy/matches")), ("matches API", Api(ana.Api, "/api/v1/intimacy/matches"))],
            [
                ("none answered", null),
                ("all a firm limit", _ => "limit"),
                ("all no", _ => "no"),
                ("all yes", _ => "yes"),
                ("a mix", i => mix[i % mix.Length]),
            ],
            answer => AnswerAllAsync(ben.Api, "/api/v1/intimacy/answers", "key", "answer", items, answer)
        );
    }

    [Fact]
    public async Task Date_ideas_you_both_would_enjoy_do_the_same_work_whatever_the_partner_rated()
    {
        var (ana, ben) = await CoupleAsync();
        using var _ = ana;
        using var __ = ben;
        var ideas = app.Services.GetRequiredService<DateIdeaLibrary>().Ideas.Select(i => i.Id).ToList();
        await AnswerAllAsync(ana.Api, "/api/v1/date-ideas/ratings", "key", "rating", ideas.Take(5).ToList(), _ => "no");

        string[] mix = ["love", "like", "no"];
        await AssertSameWorkAsync(
            [
                ("time together page", Page(ana.Browser, "/time-together")),
                ("both enjoy API", Api(ana.Api, "/api/v1/date-ideas/both-enjoy")),
            ],
            [("none rated", null), ("all no", _ => "no"), ("all loved", _ => "love"), ("a mix", i => mix[i % mix.Length])],
            answer => AnswerAllAsync(ben.Api, "/api/v1/date-ideas/ratings", "key", "rating", ideas, answer)
        );
    }

    [Fact]
    public async Task Gesture_hints_and_surprise_me_do_the_same_work_whatever_the_partner_marked()
    {
        var (ana, ben) = await CoupleAsync();
        using var _ = ana;
        using var __ = ben;
        var gestures = app.Services.GetRequiredService<GestureLibrary>().Gestures.Select(g => g.Id).ToList();

        string[] mix = ["love", "no"];
        await AssertSameWorkAsync(
            [
                ("spontaneity page", Page(ana.Browser, "/spontaneity")),
                ("another surprise", Page(ana.Browser, "/spontaneity?n=3&budget=free")),
                ("spontaneity API", Api(ana.Api, "/api/v1/spontaneity")),
            ],
            [("none marked", null), ("all not for me", _ => "no"), ("all loved", _ => "love"), ("a mix", i => mix[i % mix.Length])],
            answer => AnswerAllAsync(ben.Api, "/api/v1/spontaneity/gestures/marks", "gestureId", "mark", gestures, answer)
        );
    }
}

public sealed class WorkPerRequestTestsOnSqlite(SqliteApp app) : WorkPerRequestTests(app), IClassFixture<SqliteApp>;

public sealed class WorkPerRequestTestsOnPostgres(PostgresApp app) : WorkPerRequestTests(app), IClassFixture<PostgresApp>;
