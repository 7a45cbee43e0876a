using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.TimeTogether;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.TimeTogether.DateJourney;

namespace Rekindle.Tests.TimeTogether;

/// <summary>Proposing, answering, moving and cancelling dates; how it went (blind reveal); another couple never reaches any of
/// it.</summary>
public abstract class DateTests(RekindleFactory app)
{
    [Fact]
    public async Task A_proposal_with_two_times_is_accepted_by_the_partner_and_lands_in_both_plans_and_a_calendar_file()
    {
        var (a, aEmail, b, bEmail) = await CoupleAsync(app);
        var proposed = await ProposeAsync(a, "Walkmarker by the river", (Day(app, 2), "19:30"), (Day(app, 3), "18:00"));
        var id = IdOf(proposed);
        Assert.Contains("Proposed", proposed.TextOf("#date-message"), StringComparison.Ordinal);
        Assert.Empty(proposed.Document.QuerySelectorAll("button[name=optionId]")); // one's own times wait for the partner

        // The partner sees it waiting for them, with both times to pick from.
        Assert.NotNull((await b.GetAsync("/time-together")).Find($"#waiting-for-you #date-{id}"));
        Assert.Contains("Walkmarker", (await b.GetAsync("/")).TextOf("#waiting"), StringComparison.Ordinal);
        Assert.Null((await a.GetAsync("/")).Find("#waiting"));
        var page = await b.GetAsync($"/time-together/dates/{id}");
        var options = page.Document.QuerySelectorAll("button[name=optionId]").Select(o => o.GetAttribute("value")!).ToList();
        Assert.Equal(2, options.Count);
        var accepted = await b.SubmitAsync(page, "accept", new Dictionary<string, string> { ["optionId"] = options[1] });
        Assert.Contains("You both said yes", accepted.TextOf("#date-message"), StringComparison.Ordinal);

        var plan = await app.WithDbAsync(db => db.DatePlans.Include(p => p.Options).SingleAsync(p => p.Id == id));
        Assert.Equal(DateStatus.Agreed, plan.Status);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(3).AddHours(18), plan.StartsAt);
        Assert.All(plan.Options, o => Assert.True(o.Closed));
        Assert.DoesNotContain("Walkmarker", plan.Title.Envelope, StringComparison.Ordinal);

        foreach (var browser in new[] { a, b })
        {
            Assert.Contains("Walkmarker", (await browser.GetAsync("/time-together")).TextOf("#coming-up"), StringComparison.Ordinal);
            Assert.Contains("Coming up", (await browser.GetAsync("/")).TextOf("#together"), StringComparison.Ordinal);
        }

        // The calendar file: one event at the agreed time, with the date's name.
        var file = await a.Client.GetAsync($"/time-together/dates/{id}/calendar.ics");
        Assert.Equal("text/calendar", file.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await file.Content.ReadAsStringAsync())!;
        var calendarEvent = Assert.Single(calendar.Events);
        Assert.Equal("Walkmarker by the river", calendarEvent.Summary);
        Assert.Equal(plan.StartsAt, calendarEvent.Start!.AsUtc);
        Assert.Equal(plan.StartsAt!.Value.AddMinutes(120), calendarEvent.End!.AsUtc);

        // Each partner hears of the other's move by an email that names nothing.
        await RunJobAsync(app);
        Assert.Single(app.Mail.All, m => m.To.Mailboxes.Any(x => x.Address == bEmail) && m.Subject == "News about your plans together");
        Assert.Single(app.Mail.All, m => m.To.Mailboxes.Any(x => x.Address == aEmail) && m.Subject == "News about your plans together");
        Assert.All(app.Mail.All, m => Assert.DoesNotContain("Walkmarker", m.TextBody + m.HtmlBody, StringComparison.Ordinal));

        // Another couple: the page and the file are not found, and their posts change nothing.
        var (stranger, _) = await MemberAsync(app, "Stranger");
        var (strangersPartner, _) = await MemberAsync(app, "Other");
        await JoinAsync(strangersPartner, await InviteAsync(stranger));
        Assert.Equal(404, (int)(await stranger.GetAsync($"/time-together/dates/{id}")).Status);
        Assert.Equal(404, (int)(await stranger.Client.GetAsync($"/time-together/dates/{id}/calendar.ics")).StatusCode);
        var token = (await stranger.GetAsync("/account/data")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (
            var (form, field, value) in new[]
            {
                ("cancel-date", "cancel", "1"),
                ("suggest", "day", Day(app, 5)),
                ("accept", "optionId", options[0]),
                ("reflect", "rating", "good"),
            }
        )
        {
            var response = await stranger.PostAsync(
                $"/time-together/dates/{id}",
                [new("_handler", form), new("__RequestVerificationToken", token), new(field, value), new("time", "10:00")]
            );
            Assert.True((int)response.Status < 500);
            Assert.DoesNotContain("Walkmarker", response.Html, StringComparison.Ordinal);
        }

        var after = await app.WithDbAsync(db => db.DatePlans.Include(p => p.Options).SingleAsync(p => p.Id == id));
        Assert.Equal(
            (DateStatus.Agreed, plan.StartsAt, plan.Revision, 2),
            (after.Status, after.StartsAt, after.Revision, after.Options.Count)
        );
        Assert.Null((await stranger.GetAsync("/time-together")).Find($"#date-{id}"));
    }

    [Fact]
    public async Task Either_partner_suggests_another_time_only_the_other_accepts_and_a_cancelled_date_stays_cancelled()
    {
        var (a, _, b, _) = await CoupleAsync(app);
        var id = IdOf(await ProposeAsync(a, "Picnic", (Day(app, 2), "12:00")));
        var own = (await app.WithDbAsync(db => db.DatePlans.Include(p => p.Options).SingleAsync(p => p.Id == id))).Options.Single().Id;

        // Accepting one's own time, by a crafted post, is refused with a reason.
        var refused = await a.SubmitAsync(
            await a.GetAsync($"/time-together/dates/{id}"),
            "accept",
            new Dictionary<string, string> { ["optionId"] = own.ToString() }
        );
        Assert.Contains("time you offered", refused.TextOf("#date-message"), StringComparison.Ordinal);

        // The partner suggests another; the proposer accepts it.
        var suggested = await b.SubmitAsync(
            await b.GetAsync($"/time-together/dates/{id}"),
            "suggest",
            new Dictionary<string, string> { ["day"] = Day(app, 5), ["time"] = "20:00" }
        );
        Assert.Contains("Suggested", suggested.TextOf("#date-message"), StringComparison.Ordinal);
        var page = await a.GetAsync($"/time-together/dates/{id}");
        var theirs = Assert.Single(page.Document.QuerySelectorAll("button[name=optionId]")).GetAttribute("value")!;
        await a.SubmitAsync(page, "accept", new Dictionary<string, string> { ["optionId"] = theirs });
        var plan = await app.WithDbAsync(db => db.DatePlans.SingleAsync(p => p.Id == id));
        Assert.Equal(
            (DateStatus.Agreed, app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(5).AddHours(20)),
            (plan.Status, plan.StartsAt!.Value)
        );

        // Moving an agreed date keeps it where it is until the other accepts the new time.
        var moved = await b.SubmitAsync(
            await b.GetAsync($"/time-together/dates/{id}"),
            "suggest",
            new Dictionary<string, string> { ["day"] = Day(app, 6), ["time"] = "09:15" }
        );
        Assert.Contains("Suggested", moved.TextOf("#date-message"), StringComparison.Ordinal);
        Assert.Equal(plan.StartsAt, (await app.WithDbAsync(db => db.DatePlans.SingleAsync(p => p.Id == id))).StartsAt);
        page = await a.GetAsync($"/time-together/dates/{id}");
        Assert.Contains("A new time was suggested", page.Text, StringComparison.Ordinal);
        await a.SubmitAsync(
            page,
            "accept",
            new Dictionary<string, string> { ["optionId"] = page.Find("button[name=optionId]")!.GetAttribute("value")! }
        );
        Assert.Equal(
            app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(6).AddHours(9).AddMinutes(15),
            (await app.WithDbAsync(db => db.DatePlans.SingleAsync(p => p.Id == id))).StartsAt
        );

        // The same time twice is not offered twice.
        page = await b.GetAsync($"/time-together/dates/{id}");
        var twice = await b.SubmitAsync(page, "suggest", new Dictionary<string, string> { ["day"] = Day(app, 6), ["time"] = "09:15" });
        Assert.Contains("already on the table", twice.TextOf("#date-message"), StringComparison.Ordinal);

        // Cancelled: both see it, the file is gone, and a late answer from an old page gets a message.
        var stale = await a.GetAsync($"/time-together/dates/{id}");
        var cancelled = await b.SubmitAsync(
            await b.GetAsync($"/time-together/dates/{id}"),
            "cancel-date",
            new Dictionary<string, string> { ["cancel"] = "1" }
        );
        Assert.Contains("cancelled", cancelled.TextOf("#date-status"), StringComparison.Ordinal);
        Assert.Equal(404, (int)(await a.Client.GetAsync($"/time-together/dates/{id}/calendar.ics")).StatusCode);
        var late = await a.SubmitAsync(stale, "suggest", new Dictionary<string, string> { ["day"] = Day(app, 7), ["time"] = "10:00" });
        Assert.Contains("was cancelled", late.TextOf("#date-message"), StringComparison.Ordinal);
        Assert.Equal(DateStatus.Cancelled, (await app.WithDbAsync(db => db.DatePlans.SingleAsync(p => p.Id == id))).Status);
        Assert.Null((await a.GetAsync("/time-together")).Find($"#date-{id}"));
    }

    [Fact]
    public async Task Bad_input_gets_a_friendly_message_and_writes_nothing()
    {
        var (alone, _) = await MemberAsync(app, "Alone");
        Assert.NotNull((await alone.GetAsync("/time-together/plan")).Find("#plan-alone"));
        var (a, _, _, _) = await CoupleAsync(app);
        var before = await app.WithDbAsync(db => db.DatePlans.CountAsync());

        var cases = new (string Title, string Day, string Time, string Minutes, string Expect)[]
        {
            ("", Day(app, 2), "19:00", "120", "Give your date a name"),
            ("Dinner", Day(app, -1), "19:00", "120", "already passed"),
            ("Dinner", "2026-13-45", "19:00", "120", "choose a day"),
            ("Dinner", Day(app, 2), "25:00", "120", "time of day"),
            ("Dinner", Day(app, 2), "19:00", "7", "how long"),
            ("Dinner", Day(app, 400), "19:00", "120", "within the next year"),
            ("Dinner", "", "", "120", "at least one"),
            (new string('x', 101), Day(app, 2), "19:00", "120", "100 characters"),
        };
        foreach (var (title, day, time, minutes, expect) in cases)
        {
            var page = await a.GetAsync("/time-together/plan");
            var answer = await a.SubmitAsync(
                page,
                "propose",
                new Dictionary<string, string>
                {
                    ["title"] = title,
                    ["times[0].day"] = day,
                    ["times[0].time"] = time,
                    ["minutes"] = minutes,
                }
            );
            Assert.Equal(200, (int)answer.Status);
            Assert.Contains(expect, answer.TextOf("#plan-message"), StringComparison.Ordinal);
        }

        Assert.Equal(before, await app.WithDbAsync(db => db.DatePlans.CountAsync()));

        // A date page that does not exist, and a malformed one.
        Assert.Equal(404, (int)(await a.GetAsync($"/time-together/dates/{Guid.NewGuid()}")).Status);
        Assert.Equal(404, (int)(await a.GetAsync("/time-together/dates/not-a-date")).Status);
    }

    [Fact]
    public async Task After_the_date_each_says_how_it_went_and_sees_the_other_only_once_both_have()
    {
        var (a, _, b, _) = await CoupleAsync(app);
        var id = await AgreeAsync(a, b, "Cinema", Day(app, 1), "20:00");

        // Not before it begins.
        var early = await a.PostAsync(
            $"/time-together/dates/{id}",
            [
                new("_handler", "reflect"),
                new(
                    "__RequestVerificationToken",
                    (await a.GetAsync($"/time-together/dates/{id}")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!
                ),
                new("rating", "good"),
            ]
        );
        Assert.Contains("once the date has begun", early.TextOf("#date-message"), StringComparison.Ordinal);

        // The date took place an hour ago.
        await app.WithDbAsync(db =>
            db.DatePlans.Where(p => p.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StartsAt, app.Clock.GetUtcNow().UtcDateTime.AddHours(-1)))
        );
        Assert.NotNull((await a.GetAsync("/time-together")).Find($"#how-was-it #date-{id}"));

        var saved = await a.SubmitAsync(
            await a.GetAsync($"/time-together/dates/{id}"),
            "reflect",
            new Dictionary<string, string> { ["rating"] = "wonderful", ["highlight"] = "Highlightmarker popcorn fight" }
        );
        Assert.NotNull(saved.Find("#reflection-waiting"));
        var partners = await b.GetAsync($"/time-together/dates/{id}");
        Assert.DoesNotContain("Highlightmarker", partners.Html, StringComparison.Ordinal);
        Assert.Null(partners.Find("#their-reflection"));
        Assert.Empty(partners.Document.QuerySelectorAll("input[name=rating][checked]"));

        var bad = await b.SubmitAsync(partners, "reflect", new Dictionary<string, string> { ["rating"] = "amazing" });
        Assert.Contains("how it was for you", bad.TextOf("#date-message"), StringComparison.Ordinal);
        var both = await b.SubmitAsync(
            await b.GetAsync($"/time-together/dates/{id}"),
            "reflect",
            new Dictionary<string, string> { ["rating"] = "good", ["highlight"] = "Bmarker the walk home" }
        );
        Assert.Contains("Highlightmarker", both.TextOf("#their-reflection"), StringComparison.Ordinal);
        Assert.Contains("Bmarker", (await a.GetAsync($"/time-together/dates/{id}")).TextOf("#their-reflection"), StringComparison.Ordinal);

        // Kept as it is once both are in.
        var token = (await a.GetAsync($"/time-together/dates/{id}")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var locked = await a.PostAsync(
            $"/time-together/dates/{id}",
            [new("_handler", "reflect"), new("__RequestVerificationToken", token), new("rating", "hard")]
        );
        Assert.Contains("kept as it is", locked.TextOf("#date-message"), StringComparison.Ordinal);
        Assert.All(await app.WithDbAsync(db => db.DateReflections.ToListAsync()), r =>
            Assert.DoesNotContain("marker", r.Highlight!.Envelope, StringComparison.OrdinalIgnoreCase)
        );

        // The export carries the date, both halves of how it went (both are in), and the evening when there is one.
        var exportToken = (await a.GetAsync("/account/data"))
            .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent([new("__RequestVerificationToken", exportToken)]))
        {
            var json = await (await a.Client.PostAsync("/account/export/json", content)).Content.ReadAsStringAsync();
            using var document = System.Text.Json.JsonDocument.Parse(json);
            var exported = document.RootElement.GetProperty("timeTogether").GetProperty("dates").EnumerateArray().Single();
            Assert.Equal("Cinema", exported.GetProperty("title").GetString());
            Assert.Equal("Bmarker the walk home", exported.GetProperty("howItWent").GetProperty("theirHighlight").GetString());
            Assert.Equal("wonderful", exported.GetProperty("howItWent").GetProperty("you").GetString());
        }

        // This week now counts as a week with time together, for both.
        foreach (var browser in new[] { a, b })
        {
            Assert.Contains(
                "1 of the last 8",
                (await browser.GetAsync("/time-together")).Find("#weeks-together svg")!.GetAttribute("aria-label")!,
                StringComparison.Ordinal
            );
        }
    }
}

public sealed class DateTestsOnSqlite(SqliteApp app) : DateTests(app), IClassFixture<SqliteApp>;

public sealed class DateTestsOnPostgres(PostgresApp app) : DateTests(app), IClassFixture<PostgresApp>;
