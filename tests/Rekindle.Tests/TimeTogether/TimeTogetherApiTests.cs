using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Tests.TimeTogether;

/// <summary>Time together through the JSON API: dates beyond propose/accept, date ideas, our evening, the calendar address.</summary>
public abstract class TimeTogetherApiTests(RekindleFactory app)
{
    private string Day(int daysAhead) =>
        DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(daysAhead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_date_is_moved_reflected_on_blind_and_cancelled_and_another_couple_gets_404()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var proposed = await member.PostAsync(
            "/api/v1/dates",
            new
            {
                title = "Supper on the balcony",
                minutes = 90,
                times = new List<object> { new { day = Day(2), time = "19:00" } },
            }
        );
        var dateId = proposed.Json.GetProperty("id").GetGuid();
        var url = $"/api/v1/dates/{dateId}";

        using var strangers = await AreaApiCouples.CoupleAsync(app, "Cyd", "Dee");
        Assert.Equal(HttpStatusCode.NotFound, (await strangers.Member.GetAsync(url)).Status);
        foreach (
            var (path, body) in new (string, object)[]
            {
                ("/suggest", new { day = Day(3), time = "18:00" }),
                ("/cancel", new { }),
                ("/reflection", new { rating = "good" }),
            }
        )
        {
            var foreign = await strangers.Member.PostAsync(url + path, body);
            Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
            Assert.Equal("application/problem+json", foreign.ContentType);
        }

        var noDay = await partner.PostAsync(url + "/suggest", new { day = "soon", time = "18:00" });
        Assert.True(noDay.Json.GetProperty("errors").TryGetProperty("day", out _));
        var past = await partner.PostAsync(url + "/suggest", new { day = Day(-3), time = "18:00" });
        Assert.True(past.Json.GetProperty("errors").TryGetProperty("time", out _));
        var suggested = await partner.PostAsync(url + "/suggest", new { day = Day(3), time = "18:00" });
        Assert.Equal(HttpStatusCode.OK, suggested.Status);
        Assert.Equal(2, suggested.Json.GetProperty("options").GetArrayLength());
        Assert.Equal(
            2,
            await app.WithDbAsync(db => db.Set<Rekindle.Web.Features.TimeTogether.DateOption>().CountAsync(o => o.PlanId == dateId))
        );

        var theirs = (await member.GetAsync(url))
            .Json.GetProperty("options")
            .EnumerateArray()
            .Single(o => !o.GetProperty("mine").GetBoolean());
        var accepted = await member.PostAsync(url + "/accept", new { optionId = theirs.GetProperty("id").GetGuid() });
        Assert.Equal("Agreed", accepted.Json.GetProperty("status").GetString());

        // Moving an agreed date is suggesting a new time; the partner accepts it.
        var moved = await member.PostAsync(url + "/suggest", new { day = Day(4), time = "20:00" });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        var move = moved.Json.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("mine").GetBoolean());
        var agreedAgain = await partner.PostAsync(url + "/accept", new { optionId = move.GetProperty("id").GetGuid() });
        Assert.Equal(
            DateTime.Parse(Day(4) + "T20:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
            agreedAgain.Json.GetProperty("startsAt").GetDateTime()
        );

        var file = await partner.GetAsync(url + "/calendar.ics");
        Assert.Equal("text/calendar", file.ContentType);
        Assert.Contains("BEGIN:VCALENDAR", file.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await strangers.Member.GetAsync(url + "/calendar.ics")).Status);

        var tooSoon = await member.PostAsync(url + "/reflection", new { rating = "good", highlight = "x" });
        Assert.True(tooSoon.Json.GetProperty("errors").TryGetProperty("date", out _));
        app.Clock.Advance(TimeSpan.FromDays(5));
        await couple.RefreshAsync();
        await strangers.RefreshAsync();

        var badRating = await member.PostAsync(url + "/reflection", new { rating = "meh" });
        Assert.Equal(HttpStatusCode.BadRequest, badRating.Status);
        Assert.True(badRating.Json.GetProperty("errors").TryGetProperty("rating", out _));
        var longHighlight = await member.PostAsync(url + "/reflection", new { rating = "good", highlight = new string('h', 5000) });
        Assert.True(longHighlight.Json.GetProperty("errors").TryGetProperty("highlight", out _));
        Assert.Equal(
            0,
            await app.WithDbAsync(db =>
                db.DateReflections.CountAsync(r => r.CoupleId == db.DatePlans.Where(p => p.Id == dateId).Select(p => p.CoupleId).First())
            )
        );

        var reflected = await member.PostAsync(url + "/reflection", new { rating = "wonderful", highlight = "Reflectionapimarker" });
        Assert.Equal(HttpStatusCode.OK, reflected.Status);
        var blind = await partner.GetAsync(url);
        Assert.DoesNotContain("Reflectionapimarker", blind.Body, StringComparison.Ordinal);
        // As on the page: nothing of the member's reflection (not even that it exists) until the partner wrote theirs.
        Assert.False(blind.Json.GetProperty("reflection").GetProperty("partnerDone").GetBoolean());
        Assert.Equal(JsonValueKind.Null, blind.Json.GetProperty("reflection").GetProperty("theirRating").ValueKind);
        Assert.DoesNotContain("Reflectionapimarker", (await strangers.Member.GetAsync("/api/v1/dates")).Body, StringComparison.Ordinal);
        var both = await partner.PostAsync(url + "/reflection", new { rating = "good" });
        Assert.Equal("Reflectionapimarker", both.Json.GetProperty("reflection").GetProperty("theirHighlight").GetString());

        var weeks = (await member.GetAsync("/api/v1/dates/weeks")).Json;
        Assert.Equal(8, weeks.GetArrayLength());
        Assert.Contains(weeks.EnumerateArray(), w => w.GetProperty("together").GetBoolean());
        Assert.DoesNotContain((await strangers.Member.GetAsync("/api/v1/dates/weeks")).Json.EnumerateArray(), w =>
            w.GetProperty("together").GetBoolean()
        );

        var another = (
            await member.PostAsync(
                "/api/v1/dates",
                new
                {
                    title = "Museum",
                    minutes = 120,
                    times = new List<object> { new { day = Day(3), time = "11:00" } },
                }
            )
        ).Json.GetProperty("id").GetGuid();
        var cancelled = await partner.PostAsync($"/api/v1/dates/{another}/cancel", new { });
        Assert.Equal("Cancelled", cancelled.Json.GetProperty("status").GetString());
        var again = await member.PostAsync($"/api/v1/dates/{another}/suggest", new { day = Day(4), time = "11:00" });
        Assert.True(again.Json.GetProperty("errors").TryGetProperty("date", out _));
    }

    [Fact]
    public async Task Idea_ratings_stay_private_until_both_enjoy_an_idea_and_filters_work_as_on_the_page()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var home = (await member.GetAsync("/api/v1/date-ideas?place=home")).Json;
        Assert.True(home.GetProperty("ideas").GetArrayLength() > 0);
        Assert.All(home.GetProperty("ideas").EnumerateArray(), i =>
            Assert.Equal("home", i.GetProperty("idea").GetProperty("place").GetString())
        );
        Assert.Equal(
            home.GetProperty("total").GetInt32(),
            (await member.GetAsync("/api/v1/date-ideas?place=nowhere")).Json.GetProperty("total").GetInt32()
        );
        var key = home.GetProperty("ideas")[0].GetProperty("idea").GetProperty("key").GetString()!;

        var badRating = await member.PostAsync("/api/v1/date-ideas/ratings", new { key, rating = "adore" });
        Assert.True(badRating.Json.GetProperty("errors").TryGetProperty("rating", out _));
        var badKey = await member.PostAsync("/api/v1/date-ideas/ratings", new { key = "no-such-idea", rating = "love" });
        Assert.True(badKey.Json.GetProperty("errors").TryGetProperty("key", out _));
        var memberId = await couple.MemberIdAsync();
        Assert.Equal(0, (await app.AnswerSetsAsync(AnswerList.Ideas)).GetValueOrDefault(memberId)?.Count ?? 0);

        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync("/api/v1/date-ideas/ratings", new { key, rating = "love" })).Status);
        Assert.Equal(
            "love",
            (await member.GetAsync("/api/v1/date-ideas?place=home")).Json.GetProperty("ideas")[0].GetProperty("myRating").GetString()
        );
        // The partner learns nothing of it: their own rating is empty, and nothing is enjoyed by both yet.
        Assert.Equal(
            JsonValueKind.Null,
            (await partner.GetAsync("/api/v1/date-ideas?place=home")).Json.GetProperty("ideas")[0].GetProperty("myRating").ValueKind
        );
        var none = await partner.GetAsync("/api/v1/date-ideas/both-enjoy");
        Assert.True(none.Json.GetProperty("hasPartner").GetBoolean());
        Assert.Equal(0, none.Json.GetProperty("ideas").GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/api/v1/date-ideas/ratings", new { key, rating = "like" })).Status);
        Assert.Equal(
            key,
            (await member.GetAsync("/api/v1/date-ideas/both-enjoy")).Json.GetProperty("ideas")[0].GetProperty("key").GetString()
        );

        var noTitle = await member.PostAsync(
            "/api/v1/date-ideas",
            new
            {
                title = " ",
                place = "out",
                cost = "low",
            }
        );
        Assert.True(noTitle.Json.GetProperty("errors").TryGetProperty("title", out _));
        var added = await member.PostAsync(
            "/api/v1/date-ideas",
            new
            {
                title = "Ideaapimarker picnic",
                place = "out",
                cost = "low",
            }
        );
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.True(added.Json.GetProperty("custom").GetBoolean());
        Assert.Contains("Ideaapimarker", (await partner.GetAsync("/api/v1/date-ideas?place=out")).Body, StringComparison.Ordinal);

        using var strangers = await AreaApiCouples.CoupleAsync(app, "Cyd", "Dee");
        Assert.DoesNotContain(
            "Ideaapimarker",
            (await strangers.Member.GetAsync("/api/v1/date-ideas?place=out")).Body,
            StringComparison.Ordinal
        );
        var foreign = await strangers.Member.PostAsync(
            "/api/v1/date-ideas/ratings",
            new { key = added.Json.GetProperty("key").GetString(), rating = "love" }
        );
        Assert.True(foreign.Json.GetProperty("errors").TryGetProperty("key", out _));
        Assert.Equal(0, (await strangers.Member.GetAsync("/api/v1/date-ideas/both-enjoy")).Json.GetProperty("ideas").GetArrayLength());
    }

    [Fact]
    public async Task Our_evening_is_proposed_agreed_skipped_and_stopped_and_another_couple_changes_nothing()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var empty = (await member.GetAsync("/api/v1/evening")).Json;
        Assert.True(empty.GetProperty("hasPartner").GetBoolean());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("evening").ValueKind);

        var badDay = await member.PostAsync(
            "/api/v1/evening",
            new
            {
                day = "Someday",
                time = "19:30",
                minutes = 90,
            }
        );
        Assert.True(badDay.Json.GetProperty("errors").TryGetProperty("day", out _));
        var badMinutes = await member.PostAsync(
            "/api/v1/evening",
            new
            {
                day = "Friday",
                time = "19:30",
                minutes = 7,
            }
        );
        Assert.True(badMinutes.Json.GetProperty("errors").TryGetProperty("minutes", out _));
        var memberId = await couple.MemberIdAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.OurEvenings.CountAsync(e => e.SetBy == memberId)));

        var set = await member.PostAsync(
            "/api/v1/evening",
            new
            {
                day = "Friday",
                time = "19:30",
                minutes = 90,
            }
        );
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.False(set.Json.GetProperty("evening").GetProperty("agreed").GetBoolean());
        var own = await member.PostAsync("/api/v1/evening/agree", new { });
        Assert.True(own.Json.GetProperty("errors").TryGetProperty("evening", out _));

        using var strangers = await AreaApiCouples.CoupleAsync(app, "Cyd", "Dee");
        Assert.Equal(JsonValueKind.Null, (await strangers.Member.GetAsync("/api/v1/evening")).Json.GetProperty("evening").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await strangers.Partner.PostAsync("/api/v1/evening/agree", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await strangers.Partner.PostAsync("/api/v1/evening/stop", new { })).Status);

        var agreed = await partner.PostAsync("/api/v1/evening/agree", new { });
        Assert.True(agreed.Json.GetProperty("evening").GetProperty("agreed").GetBoolean());
        var week = agreed.Json.GetProperty("evening").GetProperty("next")[1].GetProperty("day").GetString();
        var notOnList = await partner.PostAsync("/api/v1/evening/skips", new { day = "2001-01-05", skip = true });
        Assert.True(notOnList.Json.GetProperty("errors").TryGetProperty("day", out _));
        var skipped = await partner.PostAsync("/api/v1/evening/skips", new { day = week, skip = true });
        Assert.True(skipped.Json.GetProperty("evening").GetProperty("next")[1].GetProperty("skipped").GetBoolean());
        var back = await member.PostAsync("/api/v1/evening/skips", new { day = week, skip = false });
        Assert.False(back.Json.GetProperty("evening").GetProperty("next")[1].GetProperty("skipped").GetBoolean());

        Assert.Contains("BEGIN:VCALENDAR", (await member.GetAsync("/api/v1/evening/calendar.ics")).Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await strangers.Member.GetAsync("/api/v1/evening/calendar.ics")).Status);
        var stopped = await member.PostAsync("/api/v1/evening/stop", new { });
        Assert.Equal(JsonValueKind.Null, stopped.Json.GetProperty("evening").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await partner.GetAsync("/api/v1/evening")).Json.GetProperty("evening").ValueKind);
    }

    [Fact]
    public async Task The_calendar_address_is_the_members_alone()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var created = await couple.Member.PostAsync("/api/v1/calendar-feed", new { showNames = false });
        Assert.True(created.Json.GetProperty("on").GetBoolean());
        var address = created.Json.GetProperty("url").GetString()!;
        var secret = address[(address.LastIndexOf('/') + 1)..^4];
        Assert.True((await couple.Member.Client.GetAsync(new Uri(address).PathAndQuery)).IsSuccessStatusCode);

        var partners = await couple.Partner.GetAsync("/api/v1/calendar-feed");
        Assert.False(partners.Json.GetProperty("on").GetBoolean());
        Assert.DoesNotContain(secret, partners.Body, StringComparison.Ordinal);
        Assert.True(
            (await couple.Member.PostAsync("/api/v1/calendar-feed/names", new { showNames = true }))
                .Json.GetProperty("showNames")
                .GetBoolean()
        );

        var off = await couple.Member.PostAsync("/api/v1/calendar-feed/off", new { });
        Assert.False(off.Json.GetProperty("on").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await couple.Member.Client.GetAsync(new Uri(address).PathAndQuery)).StatusCode);
    }

    /// <summary>The status, the field under "errors" (for invalid input) and the kind a client can act on (decisions/0032).</summary>
    private static void AssertProblem(ApiResponse response, HttpStatusCode status, string kind, string? field = null)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(kind, response.Json.GetProperty("kind").GetString());
        if (field is not null)
        {
            Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), response.Body);
        }
    }

    [Fact]
    public async Task Each_refusal_answers_with_its_kind_and_field_whatever_the_words()
    {
        var (alone, aloneBrowser, _) = await ApiPeople.MemberAsync(app, "Solo");
        using (alone)
        using (aloneBrowser)
        {
            AssertProblem(
                await alone.PostAsync(
                    "/api/v1/dates",
                    new
                    {
                        title = "Walk",
                        minutes = 60,
                        times = new List<object> { new { day = Day(2), time = "19:00" } },
                    }
                ),
                HttpStatusCode.Conflict,
                "conflict"
            );
            AssertProblem(
                await alone.PostAsync(
                    "/api/v1/evening",
                    new
                    {
                        day = "Friday",
                        time = "19:30",
                        minutes = 90,
                    }
                ),
                HttpStatusCode.Conflict,
                "conflict"
            );
            AssertProblem(
                await alone.PostAsync("/api/v1/date-ideas/ratings", new { key = "d001", rating = "love" }),
                HttpStatusCode.Conflict,
                "conflict"
            );
            AssertProblem(
                await alone.PostAsync(
                    "/api/v1/date-ideas",
                    new
                    {
                        title = "Picnic",
                        place = "out",
                        cost = "low",
                    }
                ),
                HttpStatusCode.Conflict,
                "conflict"
            );
        }

        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var times = new List<object> { new { day = Day(2), time = "19:00" } };
        AssertProblem(
            await member.PostAsync(
                "/api/v1/dates",
                new
                {
                    title = " ",
                    minutes = 60,
                    times,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "title"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/dates",
                new
                {
                    title = "Walk",
                    minutes = 7,
                    times,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "minutes"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/dates",
                new
                {
                    title = "Walk",
                    minutes = 60,
                    times = new List<object>(),
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "times"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/dates",
                new
                {
                    title = "Walk",
                    minutes = 60,
                    times = new List<object> { new { day = Day(2), time = "25:00" } },
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "times"
        );

        var id = (
            await member.PostAsync(
                "/api/v1/dates",
                new
                {
                    title = "Walk",
                    minutes = 60,
                    times,
                }
            )
        ).Json.GetProperty("id").GetGuid();
        var url = $"/api/v1/dates/{id}";
        var own = (await member.GetAsync(url)).Json.GetProperty("options")[0].GetProperty("id").GetGuid();
        AssertProblem(await member.PostAsync(url + "/accept", new { optionId = own }), HttpStatusCode.BadRequest, "invalid", "optionId");
        AssertProblem(
            await partner.PostAsync(url + "/accept", new { optionId = Guid.NewGuid() }),
            HttpStatusCode.BadRequest,
            "invalid",
            "optionId"
        );
        AssertProblem(
            await partner.PostAsync($"/api/v1/dates/{Guid.NewGuid()}/accept", new { optionId = own }),
            HttpStatusCode.NotFound,
            "notFound"
        );
        AssertProblem(await member.GetAsync($"/api/v1/dates/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "notFound");
        AssertProblem(
            await partner.PostAsync(url + "/suggest", new { day = Day(3), time = "soon" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "time"
        );
        AssertProblem(await partner.PostAsync(url + "/reflection", new { rating = "good" }), HttpStatusCode.BadRequest, "invalid", "date");
        AssertProblem(await member.GetAsync(url + "/calendar.ics"), HttpStatusCode.NotFound, "notFound");

        // Once both have said how it went, it is kept as it is: the member's own state, not their input.
        await partner.PostAsync(url + "/accept", new { optionId = own });
        app.Clock.Advance(TimeSpan.FromDays(3));
        await couple.RefreshAsync();
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync(url + "/reflection", new { rating = "good" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync(url + "/reflection", new { rating = "okay" })).Status);
        AssertProblem(await member.PostAsync(url + "/reflection", new { rating = "hard" }), HttpStatusCode.Conflict, "conflict");
        AssertProblem(await member.PostAsync(url + "/cancel", new { }), HttpStatusCode.BadRequest, "invalid", "date");

        AssertProblem(await member.PostAsync("/api/v1/evening/agree", new { }), HttpStatusCode.BadRequest, "invalid", "evening");
        AssertProblem(
            await member.PostAsync(
                "/api/v1/evening",
                new
                {
                    day = "Friday",
                    time = "7pm",
                    minutes = 90,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "time"
        );
        AssertProblem(
            await member.PostAsync("/api/v1/evening/skips", new { day = "soon", skip = true }),
            HttpStatusCode.BadRequest,
            "invalid",
            "day"
        );
        AssertProblem(await member.GetAsync("/api/v1/evening/calendar.ics"), HttpStatusCode.NotFound, "notFound");
        AssertProblem(
            await member.PostAsync("/api/v1/date-ideas/ratings", new { key = "d001" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "rating"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/date-ideas",
                new
                {
                    title = new string('x', 200),
                    place = "out",
                    cost = "low",
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "title"
        );
    }
}

public sealed class TimeTogetherApiTestsOnSqlite(SqliteApp app) : TimeTogetherApiTests(app), IClassFixture<SqliteApp>;

public sealed class TimeTogetherApiTestsOnPostgres(PostgresApp app) : TimeTogetherApiTests(app), IClassFixture<PostgresApp>;
