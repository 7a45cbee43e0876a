using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Tests.Api;

namespace Rekindle.Tests.Talk;

/// <summary>The rest of Talk through the JSON API: replies, the archive, the soft start-up check and the guided conversation.</summary>
public abstract class TalkApiTests(RekindleFactory app)
{
    [Fact]
    public async Task Replies_open_once_both_answered_reach_the_partner_and_another_couple_gets_404()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var questionId = (await member.GetAsync("/api/v1/talk/today")).Json.GetProperty("id").GetGuid();
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await member.PostAsync(
                    "/api/v1/talk/today/answer",
                    new
                    {
                        questionId,
                        text = "Talkarchivemarker answer",
                        pass = false,
                    }
                )
            ).Status
        );

        // Before the partner answers: no reply yet, and the archive shows the partner nothing of the member's answer.
        var early = await member.PostAsync(
            "/api/v1/talk/answers/reply",
            new
            {
                questionId,
                reply = "Too soon",
                reaction = "Heart",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.True(early.Json.GetProperty("errors").TryGetProperty("questionId", out _));
        var partnersArchive = await partner.GetAsync("/api/v1/talk/archive");
        Assert.Equal(HttpStatusCode.OK, partnersArchive.Status);
        Assert.DoesNotContain("Talkarchivemarker", partnersArchive.Body, StringComparison.Ordinal);

        Assert.Equal(
            HttpStatusCode.OK,
            (
                await partner.PostAsync(
                    "/api/v1/talk/today/answer",
                    new
                    {
                        questionId,
                        text = "Partner said yes",
                        pass = false,
                    }
                )
            ).Status
        );

        var badReaction = await member.PostAsync(
            "/api/v1/talk/answers/reply",
            new
            {
                questionId,
                reply = "x",
                reaction = "Shrug",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, badReaction.Status);
        Assert.Equal("application/problem+json", badReaction.ContentType);
        Assert.True(badReaction.Json.GetProperty("errors").TryGetProperty("reaction", out _));
        var numberReaction = await member.PostAsync(
            "/api/v1/talk/answers/reply",
            new
            {
                questionId,
                reply = "x",
                reaction = "7",
            }
        );
        Assert.True(numberReaction.Json.GetProperty("errors").TryGetProperty("reaction", out _));
        var tooLong = await member.PostAsync(
            "/api/v1/talk/answers/reply",
            new
            {
                questionId,
                reply = new string('a', 5000),
                reaction = "Hug",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.True(tooLong.Json.GetProperty("errors").TryGetProperty("reply", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.DailyAnswers.CountAsync(a => a.DailyQuestionId == questionId && a.Reply != null)));

        var replied = await member.PostAsync(
            "/api/v1/talk/answers/reply",
            new
            {
                questionId,
                reply = "Talkreplymarker",
                reaction = "Heart",
            }
        );
        Assert.Equal(HttpStatusCode.OK, replied.Status);
        Assert.Equal("Talkreplymarker", replied.Json.GetProperty("mine").GetProperty("reply").GetString());
        var seen = (await partner.GetAsync("/api/v1/talk/today")).Json.GetProperty("partners");
        Assert.Equal("Talkreplymarker", seen.GetProperty("reply").GetString());
        Assert.Equal("Heart", seen.GetProperty("reaction").GetString());

        // The archive: the day with both answers, a search that finds it and one that does not.
        var archive = (await partner.GetAsync("/api/v1/talk/archive?q=talkarchivemarker")).Json;
        Assert.Equal(1, archive.GetProperty("days").GetArrayLength());
        Assert.Equal("Talkarchivemarker answer", archive.GetProperty("days")[0].GetProperty("partners").GetProperty("text").GetString());
        Assert.Equal(1, archive.GetProperty("daysBothAnsweredThisMonth").GetInt32());
        Assert.Equal(
            0,
            (await partner.GetAsync("/api/v1/talk/archive?q=nothinglikethis&page=9999999")).Json.GetProperty("days").GetArrayLength()
        );
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync("/api/v1/talk/archive?page=first")).Status);

        // Another couple: the member's question is not found, and their reply did not change it.
        using var strangers = await AreaApiCouples.CoupleAsync(app, "Cyd", "Dee");
        var foreign = await strangers.Member.PostAsync(
            "/api/v1/talk/answers/reply",
            new
            {
                questionId,
                reply = "Strangerreply",
                reaction = "Laugh",
            }
        );
        Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
        Assert.Equal("application/problem+json", foreign.ContentType);
        var theirArchive = await strangers.Member.GetAsync("/api/v1/talk/archive?q=talk");
        Assert.DoesNotContain("Talkarchivemarker", theirArchive.Body, StringComparison.Ordinal);
        var after = (await member.GetAsync("/api/v1/talk/today")).Json.GetProperty("mine");
        Assert.Equal("Talkreplymarker", after.GetProperty("reply").GetString());
        Assert.Equal("Heart", after.GetProperty("reaction").GetString());

        // A member without a couple has no archive.
        var (loner, lonerEmail) = await Journeys.MemberAsync(app, "Lou");
        loner.Dispose();
        using var lonerApi = await ApiClient.SignInAsync(app, lonerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await lonerApi.GetAsync("/api/v1/talk/archive")).Status);
    }

    [Fact]
    public async Task The_soft_startup_check_points_out_blame_and_stores_nothing()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var harsh = await couple.Member.PostAsync("/api/v1/talk/soft-startup", new { text = "You never listen to me" });
        Assert.Equal(HttpStatusCode.OK, harsh.Status);
        Assert.False(harsh.Json.GetProperty("readsKindly").GetBoolean());
        Assert.Contains(harsh.Json.GetProperty("flags").EnumerateArray(), f =>
            f.GetProperty("phrase").GetString() == "You never" && f.GetProperty("kind").GetString() == "absolutes"
        );
        var kind = await couple.Member.PostAsync(
            "/api/v1/talk/soft-startup",
            new { text = "I feel lonely in the evenings and I need a walk with you" }
        );
        Assert.True(kind.Json.GetProperty("readsKindly").GetBoolean());
        Assert.Equal("Kind", kind.Json.GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrEmpty(kind.Json.GetProperty("frame").GetString()));
    }

    [Theory]
    [InlineData("Whatever. Fine. Do what you want.", "stonewalling")]
    [InlineData("I'm done talking about this.", "stonewalling")]
    [InlineData("I'm sorry you feel that way", "non-apology")]
    [InlineData("I'm sorry if I was harsh", "non-apology")]
    [InlineData("I shouted, but only because you ignored me", "defensiveness")]
    public async Task The_soft_startup_check_no_longer_calls_these_kind(string text, string kind)
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var reading = (await couple.Member.PostAsync("/api/v1/talk/soft-startup", new { text })).Json;
        Assert.Equal("Harsh", reading.GetProperty("verdict").GetString());
        Assert.False(reading.GetProperty("readsKindly").GetBoolean());
        var flag = reading.GetProperty("flags").EnumerateArray().First(f => f.GetProperty("kind").GetString() == kind);
        Assert.False(string.IsNullOrEmpty(flag.GetProperty("note").GetString()));
        Assert.False(string.IsNullOrEmpty(flag.GetProperty("kinder").GetString()));
    }

    [Fact]
    public async Task When_unsure_the_soft_startup_check_says_what_to_look_at()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        foreach (var text in new[] { "Ok.", "", "Dinner was at eight." })
        {
            var reading = (await couple.Member.PostAsync("/api/v1/talk/soft-startup", new { text })).Json;
            Assert.Equal("Unsure", reading.GetProperty("verdict").GetString());
            Assert.False(reading.GetProperty("readsKindly").GetBoolean());
            Assert.NotEqual(0, reading.GetProperty("lookAt").GetArrayLength());
        }
    }

    [Fact]
    public async Task A_guided_conversation_runs_through_the_api_on_two_devices_and_another_couple_changes_nothing()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var start = await member.GetAsync("/api/v1/talk/conversation");
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal(JsonValueKind.Null, start.Json.GetProperty("floor").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync("/api/v1/talk/conversation/state")).Status);
        var topic = start.Json.GetProperty("topics")[0].GetProperty("key").GetString();

        var noTopic = await member.PostAsync("/api/v1/talk/conversation", new { topic = "no-such-topic", oneDevice = false });
        Assert.Equal(HttpStatusCode.BadRequest, noTopic.Status);
        Assert.True(noTopic.Json.GetProperty("errors").TryGetProperty("topic", out _));
        var memberId = await couple.MemberIdAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.Conversations.CountAsync(c => c.OwnerId == memberId)));

        var started = await member.PostAsync("/api/v1/talk/conversation", new { topic, oneDevice = false });
        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Equal("Invited", started.Json.GetProperty("floor").GetProperty("phase").GetString());
        Assert.Equal(["End"], started.Json.GetProperty("floor").GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        var invited = (await partner.GetAsync("/api/v1/talk/conversation")).Json;
        Assert.Equal(["Join", "Decline"], invited.GetProperty("floor").GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var version = (await partner.GetAsync("/api/v1/talk/conversation/state")).Json.GetProperty("version").GetInt32();
        Assert.Equal(invited.GetProperty("version").GetInt32(), version);

        // Another couple has no ids to name: their steps act on their own (absent) conversation, never this one.
        using var strangers = await AreaApiCouples.CoupleAsync(app, "Cyd", "Dee");
        var foreign = await strangers.Partner.PostAsync("/api/v1/talk/conversation/steps", new { action = "Join", version });
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);
        Assert.Equal(
            JsonValueKind.Null,
            (await strangers.Member.GetAsync("/api/v1/talk/conversation")).Json.GetProperty("floor").ValueKind
        );
        Assert.Equal(version, (await partner.GetAsync("/api/v1/talk/conversation/state")).Json.GetProperty("version").GetInt32());

        var unknown = await partner.PostAsync("/api/v1/talk/conversation/steps", new { action = "Shout", version });
        Assert.True(unknown.Json.GetProperty("errors").TryGetProperty("action", out _));
        var stale = await partner.PostAsync("/api/v1/talk/conversation/steps", new { action = "Join", version = version + 5 });
        Assert.True(stale.Json.GetProperty("errors").TryGetProperty("version", out _));
        var joined = await partner.PostAsync("/api/v1/talk/conversation/steps", new { action = "Join", version });
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.Equal("Speaking", joined.Json.GetProperty("floor").GetProperty("phase").GetString());
        Assert.False(joined.Json.GetProperty("floor").GetProperty("iAmSpeaker").GetBoolean());

        var mine = (await member.GetAsync("/api/v1/talk/conversation")).Json;
        Assert.True(mine.GetProperty("floor").GetProperty("iAmSpeaker").GetBoolean());
        var notYours = await partner.PostAsync(
            "/api/v1/talk/conversation/steps",
            new { action = "DoneSpeaking", version = mine.GetProperty("version").GetInt32() }
        );
        Assert.True(notYours.Json.GetProperty("errors").TryGetProperty("action", out _));
        var saidIt = await member.PostAsync(
            "/api/v1/talk/conversation/steps",
            new { action = "DoneSpeaking", version = mine.GetProperty("version").GetInt32() }
        );
        Assert.Equal("SayingBack", saidIt.Json.GetProperty("floor").GetProperty("phase").GetString());

        var tooEarly = await member.PostAsync("/api/v1/talk/conversation/summary", new { summary = "Early" });
        Assert.True(tooEarly.Json.GetProperty("errors").TryGetProperty("summary", out _));
        var ended = await member.PostAsync(
            "/api/v1/talk/conversation/steps",
            new { action = "End", version = saidIt.Json.GetProperty("version").GetInt32() }
        );
        Assert.Equal("Ended", ended.Json.GetProperty("floor").GetProperty("phase").GetString());
        Assert.False(ended.Json.GetProperty("open").GetBoolean());

        var summary = await member.PostAsync("/api/v1/talk/conversation/summary", new { summary = "Conversationsummarymarker" });
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Equal(
            "Conversationsummarymarker",
            (await partner.GetAsync("/api/v1/talk/conversation")).Json.GetProperty("floor").GetProperty("summary").GetString()
        );
        Assert.DoesNotContain(
            "Conversationsummarymarker",
            (await strangers.Member.GetAsync("/api/v1/talk/conversation")).Body,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Answering_works_out_todays_question_once_and_gives_the_day_as_it_now_reads()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var questionId = (await couple.Member.GetAsync("/api/v1/talk/today")).Json.GetProperty("id").GetGuid();

        // Working out today's question reads the couple's row for the day (and may insert it): once per answer (issue 23, item 8).
        app.Work.Watch(sql =>
            sql.Contains("\"DailyQuestions\"", StringComparison.Ordinal) && sql.Contains("\"Day\" = ", StringComparison.Ordinal)
        );
        var answered = await couple.Member.PostAsync(
            "/api/v1/talk/today/answer",
            new
            {
                questionId,
                text = "Onceonlymarker",
                pass = false,
            }
        );
        var computed = app.Work.Matches;
        app.Work.Watch(_ => false);
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal(1, computed);
        Assert.Equal("Onceonlymarker", answered.Json.GetProperty("mine").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Talk_problems_carry_their_kind_and_the_request_field_they_are_about()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var questionId = (await member.GetAsync("/api/v1/talk/today")).Json.GetProperty("id").GetGuid();

        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/today/answer",
                new
                {
                    questionId = Guid.NewGuid(),
                    text = "x",
                    pass = false,
                }
            ),
            HttpStatusCode.NotFound,
            "notFound"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/today/answer",
                new
                {
                    questionId,
                    text = "  ",
                    pass = false,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "text"
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await member.PostAsync(
                    "/api/v1/talk/today/answer",
                    new
                    {
                        questionId,
                        text = "Kindsmarker",
                        pass = false,
                    }
                )
            ).Status
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (
                await partner.PostAsync(
                    "/api/v1/talk/today/answer",
                    new
                    {
                        questionId,
                        text = "Partner too",
                        pass = false,
                    }
                )
            ).Status
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/today/answer",
                new
                {
                    questionId,
                    text = "Rewritten",
                    pass = false,
                }
            ),
            HttpStatusCode.Conflict,
            "conflict"
        );

        // A reaction is a reaction's name: a number is refused, as on the page.
        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/answers/reply",
                new
                {
                    questionId,
                    reply = "x",
                    reaction = "2",
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "reaction"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/answers/reply",
                new
                {
                    questionId = Guid.NewGuid(),
                    reply = "x",
                    reaction = "Hug",
                }
            ),
            HttpStatusCode.NotFound,
            "notFound"
        );

        // The check-in names the field that needs something, and a pulse not chosen is not 0.
        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/check-in",
                new
                {
                    appreciations = new List<string> { "a", "b", "c" },
                    wentWell = "w",
                    toTalkAbout = "t",
                    feelLoved = "f",
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "pulse"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/check-in",
                new
                {
                    appreciations = new List<string> { "a", "b", "c", "d" },
                    wentWell = "w",
                    toTalkAbout = "t",
                    feelLoved = "f",
                    pulse = 5,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "appreciations"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/talk/check-in",
                new
                {
                    appreciations = new List<string> { "a", "b", "c" },
                    wentWell = " ",
                    toTalkAbout = "t",
                    feelLoved = "f",
                    pulse = 5,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "wentWell"
        );

        // The conversation: a topic, one open at a time, steps by name at the current version, and resting as 409 (decisions/0032).
        var topic = (await member.GetAsync("/api/v1/talk/conversation")).Json.GetProperty("topics")[0].GetProperty("key").GetString();
        AssertProblem(
            await member.PostAsync("/api/v1/talk/conversation", new { topic = "", oneDevice = true }),
            HttpStatusCode.BadRequest,
            "invalid",
            "topic"
        );
        var started = await member.PostAsync("/api/v1/talk/conversation", new { topic, oneDevice = true });
        Assert.Equal(HttpStatusCode.OK, started.Status);
        var version = started.Json.GetProperty("version").GetInt32();
        AssertProblem(
            await member.PostAsync("/api/v1/talk/conversation", new { topic, oneDevice = true }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await member.PostAsync("/api/v1/talk/conversation/steps", new { action = "2", version }),
            HttpStatusCode.BadRequest,
            "invalid",
            "action"
        );
        AssertProblem(
            await member.PostAsync("/api/v1/talk/conversation/steps", new { action = "Pause", version = version + 1 }),
            HttpStatusCode.BadRequest,
            "invalid",
            "version"
        );
        AssertProblem(
            await member.PostAsync("/api/v1/talk/conversation/summary", new { summary = "Too early" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "summary"
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await member.PostAsync("/api/v1/talk/conversation/steps", new { action = "End", version })).Status
        );

        await Understand.CheckJourney.TakeCheckAsync(app, couple.MemberBrowser, Understand.CheckJourney.WithConcern);
        AssertProblem(
            await member.PostAsync("/api/v1/talk/conversation", new { topic, oneDevice = true }),
            HttpStatusCode.Conflict,
            "resting"
        );
        AssertProblem(
            await partner.PostAsync("/api/v1/talk/conversation", new { topic, oneDevice = true }),
            HttpStatusCode.Conflict,
            "resting"
        );

        // Without a couple space: nothing to answer.
        var (loner, lonerEmail) = await Journeys.MemberAsync(app, "Lou");
        loner.Dispose();
        using var lonerApi = await ApiClient.SignInAsync(app, lonerEmail);
        AssertProblem(
            await lonerApi.PostAsync(
                "/api/v1/talk/today/answer",
                new
                {
                    questionId,
                    text = "x",
                    pass = false,
                }
            ),
            HttpStatusCode.NotFound,
            "notFound"
        );
        AssertProblem(
            await lonerApi.PostAsync("/api/v1/talk/conversation/steps", new { action = "End", version = 1 }),
            HttpStatusCode.NotFound,
            "notFound"
        );
    }

    private static void AssertProblem(ApiResponse response, HttpStatusCode status, string kind, string? field = null)
    {
        Assert.True(response.Status == status, $"{(int)response.Status} instead of {(int)status}: {response.Body}");
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(kind, response.Json.GetProperty("kind").GetString());
        if (field is not null)
        {
            Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), $"no error about {field}: {response.Body}");
        }
    }
}

public sealed class TalkApiTestsOnSqlite(SqliteApp app) : TalkApiTests(app), IClassFixture<SqliteApp>;

public sealed class TalkApiTestsOnPostgres(PostgresApp app) : TalkApiTests(app), IClassFixture<PostgresApp>;
