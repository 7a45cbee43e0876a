using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.TimeTogether;
using static Rekindle.Tests.TimeTogether.DateJourney;

namespace Rekindle.Tests.TimeTogether;

/// <summary>"Our evening" with its skips, and the calendar files: the secret feed, and iCalendar read back by two independent parsers
/// across a DST change.</summary>
public abstract class EveningAndCalendarTests(RekindleFactory app)
{
    private static async Task<Page> SetEveningAsync(TestBrowser browser, string day, string time, string minutes = "120") =>
        await browser.SubmitAsync(
            await browser.GetAsync("/time-together/evening"),
            "evening",
            new Dictionary<string, string>
            {
                ["day"] = day,
                ["time"] = time,
                ["minutes"] = minutes,
            }
        );

    [Fact]
    public async Task Our_evening_is_agreed_by_the_partner_skipped_for_a_week_and_brought_back()
    {
        var (a, _, b, _) = await CoupleAsync(app);
        var set = await SetEveningAsync(a, "Thursday", "19:30");
        Assert.NotNull(set.Find("#evening-waiting"));
        Assert.Null(set.Find("#weeks"));
        Assert.NotNull((await b.GetAsync("/time-together")).Find("#evening-asks"));

        // Only the partner agrees; a crafted post from the one who set it gets a reason.
        var token = set.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var own = await a.PostAsync(
            "/time-together/evening",
            [new("_handler", "agree-evening"), new("__RequestVerificationToken", token), new("agree", "1")]
        );
        Assert.Contains("your partner agrees", own.TextOf("#evening-message"), StringComparison.Ordinal);
        var agreed = await b.SubmitAsync(await b.GetAsync("/time-together/evening"), "agree-evening");
        Assert.Contains("Agreed", agreed.TextOf("#evening-message"), StringComparison.Ordinal);

        // Eight coming Thursdays; skip the second, and it is out of the calendar file too.
        var page = await a.GetAsync("/time-together/evening");
        var weeks = page.Document.QuerySelectorAll("#weeks li").ToList();
        Assert.Equal(8, weeks.Count);
        var second = weeks[1].Id!["week-".Length..];
        Assert.Equal(DayOfWeek.Thursday, DateOnly.ParseExact(second, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek);
        var skipped = await a.SubmitAsync(page, "skip", new Dictionary<string, string> { ["go"] = second + "|skip" });
        Assert.Contains("skipped", skipped.Find($"#week-{second}")!.ClassName, StringComparison.Ordinal);
        var file = await (await b.Client.GetAsync("/time-together/evening/calendar.ics")).Content.ReadAsStringAsync();
        var evening = Assert.Single(Ical.Net.Calendar.Load(file)!.Events);
        Assert.Equal("Our evening", evening.Summary);
        var from = new Ical.Net.DataTypes.CalDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var starts = evening.GetOccurrences(from).Take(3).Select(o => DateOnly.FromDateTime(o.Period.StartTime.AsUtc)).ToList();
        Assert.DoesNotContain(DateOnly.ParseExact(second, "yyyy-MM-dd", CultureInfo.InvariantCulture), starts);
        Assert.Equal(3, starts.Count);

        var back = await b.SubmitAsync(
            await b.GetAsync("/time-together/evening"),
            "skip",
            new Dictionary<string, string> { ["go"] = second + "|back" }
        );
        Assert.DoesNotContain("skipped", back.Find($"#week-{second}")!.ClassName ?? "", StringComparison.Ordinal);

        // Skipping a day that is not one of the evenings is refused.
        var wrong = await b.SubmitAsync(back, "skip", new Dictionary<string, string> { ["go"] = "2031-01-01|skip" });
        Assert.Contains("isn't on your list", wrong.TextOf("#evening-message"), StringComparison.Ordinal);

        // A change goes back to the partner; stopping ends it for both.
        var changed = await SetEveningAsync(b, "Friday", "20:00", "90");
        Assert.NotNull(changed.Find("#evening-waiting"));
        Assert.NotNull((await a.GetAsync("/time-together/evening")).Find("#agree-evening"));
        Assert.Equal(404, (int)(await a.Client.GetAsync("/time-together/evening/calendar.ics")).StatusCode);
        var bad = await SetEveningAsync(a, "Someday", "19:00");
        Assert.Contains("day of the week", bad.TextOf("#evening-message"), StringComparison.Ordinal);
        bad = await SetEveningAsync(a, "Friday", "7pm");
        Assert.Contains("time of day", bad.TextOf("#evening-message"), StringComparison.Ordinal);
        await a.SubmitAsync(await a.GetAsync("/time-together/evening"), "stop-evening", new Dictionary<string, string> { ["stop"] = "1" });
        Assert.Null((await b.GetAsync("/time-together/evening")).Find("#evening-rule"));

        // Another couple sees only their own (none), and never this one's.
        var (stranger, _, _, _) = await CoupleAsync(app, "Cy", "Dee");
        await SetEveningAsync(a, "Monday", "18:00");
        Assert.Null((await stranger.GetAsync("/time-together/evening")).Find("#evening-rule"));
        Assert.Equal(404, (int)(await stranger.Client.GetAsync("/time-together/evening/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task The_calendar_feed_is_secret_revocable_each_members_own_and_names_dates_only_when_asked()
    {
        var (a, _, b, _) = await CoupleAsync(app);
        await AgreeAsync(a, b, "Secretname dinner", Day(app, 4), "19:00");
        await SetEveningAsync(a, "Tuesday", "19:00");
        await b.SubmitAsync(await b.GetAsync("/time-together/evening"), "agree-evening");

        var page = await a.SubmitAsync(
            await a.GetAsync("/time-together/calendar"),
            "feed",
            new Dictionary<string, string> { ["go"] = "create" }
        );
        var url = new Uri(page.Find("#feed-url")!.GetAttribute("value")!);
        using var anonymous = app.NewBrowser();
        var feed = await anonymous.Client.GetAsync(url.PathAndQuery);
        Assert.Equal(200, (int)feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var text = await feed.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Secretname", text, StringComparison.Ordinal);
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.Equal(2, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.Equal("Time together", e.Summary));
        Assert.Single(calendar.Events, e => e.RecurrenceRule is not null);

        // Names on: the date's own name.
        page = await a.SubmitAsync(
            await a.GetAsync("/time-together/calendar"),
            "feed",
            new Dictionary<string, string> { ["go"] = "names", ["showNames"] = "true" }
        );
        Assert.Contains("SUMMARY:Secretname dinner", await anonymous.Client.GetStringAsync(url.PathAndQuery), StringComparison.Ordinal);

        // The partner's address is their own; replacing mine stops the old one at once, and so does turning it off.
        var theirs = new Uri(
            (await b.SubmitAsync(await b.GetAsync("/time-together/calendar"), "feed", new Dictionary<string, string> { ["go"] = "create" }))
                .Find("#feed-url")!
                .GetAttribute("value")!
        );
        Assert.NotEqual(url, theirs);
        page = await a.SubmitAsync(page, "feed", new Dictionary<string, string> { ["go"] = "replace", ["showNames"] = "true" });
        var replaced = new Uri(page.Find("#feed-url")!.GetAttribute("value")!);
        Assert.Equal(404, (int)(await anonymous.Client.GetAsync(url.PathAndQuery)).StatusCode);
        Assert.Equal(200, (int)(await anonymous.Client.GetAsync(replaced.PathAndQuery)).StatusCode);
        await a.SubmitAsync(page, "feed", new Dictionary<string, string> { ["go"] = "off" });
        Assert.Equal(404, (int)(await anonymous.Client.GetAsync(replaced.PathAndQuery)).StatusCode);
        Assert.Equal(200, (int)(await anonymous.Client.GetAsync(theirs.PathAndQuery)).StatusCode);

        // Guesses and junk are the same 404; the secret is not stored in the clear.
        foreach (
            var guess in new[]
            {
                "/calendar/x.ics",
                "/calendar/" + new string('A', 43) + ".ics",
                "/calendar/" + new string('%', 3) + ".ics",
            }
        )
        {
            Assert.Equal(404, (int)(await anonymous.Client.GetAsync(guess)).StatusCode);
        }

        var secret = theirs.AbsolutePath["/calendar/".Length..^".ics".Length];
        Assert.All(await app.WithDbAsync(db => db.CalendarFeeds.ToListAsync()), f =>
            Assert.DoesNotContain(secret, f.Token.Envelope + f.TokenHash, StringComparison.Ordinal)
        );

        // After the partner leaves, my feed holds none of the old couple's plans.
        await b.SubmitAsync(
            await b.GetAsync("/time-together/calendar"),
            "feed",
            new Dictionary<string, string> { ["go"] = "names", ["showNames"] = "true" }
        );
        await a.SubmitAsync(await a.GetAsync("/couple"), "leave", new Dictionary<string, string> { ["confirm"] = "true" });
        var after = await anonymous.Client.GetStringAsync(theirs.PathAndQuery);
        Assert.DoesNotContain("Secretname", after, StringComparison.Ordinal);
        Assert.Empty(Ical.Net.Calendar.Load(after)!.Events);
    }

    [Fact]
    public async Task Calendar_files_read_the_same_in_two_independent_parsers_across_a_dst_change()
    {
        // Both in Berlin; the clocks go forward there on Sunday 28 March 2027.
        var (a, _, b, _) = await CoupleAsync(app, "Eli", "Fay");
        await SetZoneAsync(a, "Europe/Berlin");
        await SetZoneAsync(b, "Europe/Berlin");
        var before = await AgreeAsync(a, b, "Before the change", "2027-03-27", "19:30");
        var after = await AgreeAsync(a, b, "After the change", "2027-03-28", "19:30");
        await SetEveningAsync(a, "Thursday", "19:30");
        await b.SubmitAsync(await b.GetAsync("/time-together/evening"), "agree-evening");
        var page = await a.SubmitAsync(
            await a.GetAsync("/time-together/calendar"),
            "feed",
            new Dictionary<string, string> { ["go"] = "create", ["showNames"] = "true" }
        );
        var text = await a.Client.GetStringAsync(new Uri(page.Find("#feed-url")!.GetAttribute("value")!).PathAndQuery);

        // What the app itself says: 19:30 in Berlin is 18:30 UTC before the change and 17:30 after.
        var expected = new Dictionary<string, DateTime>
        {
            [$"date-{before:N}@rekindle"] = new(2027, 3, 27, 18, 30, 0, DateTimeKind.Utc),
            [$"date-{after:N}@rekindle"] = new(2027, 3, 28, 17, 30, 0, DateTimeKind.Utc),
        };
        var evening = await app.WithDbAsync(db => db.OurEvenings.Include(e => e.Skips).SingleAsync(e => e.TimeZone == "Europe/Berlin"));
        var windowFrom = new DateTime(2027, 3, 15, 0, 0, 0, DateTimeKind.Utc);
        var windowTo = new DateTime(2027, 4, 12, 0, 0, 0, DateTimeKind.Utc);
        var eveningStarts = EveningRules.Occurrences(evening, windowFrom, windowTo).Select(o => o.StartsAt).ToList();
        Assert.Equal(
            [
                new(2027, 3, 18, 18, 30, 0, DateTimeKind.Utc),
                new(2027, 3, 25, 18, 30, 0, DateTimeKind.Utc),
                new(2027, 4, 1, 17, 30, 0, DateTimeKind.Utc),
                new(2027, 4, 8, 17, 30, 0, DateTimeKind.Utc),
            ],
            eveningStarts
        );

        // Parser one: Ical.Net.
        var calendar = Ical.Net.Calendar.Load(text)!;
        Assert.NotEmpty(calendar.TimeZones);
        foreach (var (uid, start) in expected)
        {
            Assert.Equal(start, calendar.Events.Single(e => e.Uid == uid).Start!.AsUtc);
        }

        var weekly = calendar.Events.Single(e => e.RecurrenceRule is not null);
        Assert.Equal(
            eveningStarts,
            weekly
                .GetOccurrences(new Ical.Net.DataTypes.CalDateTime(windowFrom))
                .Select(o => o.Period.StartTime.AsUtc)
                .TakeWhile(s => s < windowTo)
                .ToList()
        );

        // Parser two: Python's icalendar with dateutil, from Debian's packages (scripts/test.sh installs them).
        var lines = await PythonReadAsync(text, windowFrom, windowTo);
        foreach (var (uid, start) in expected)
        {
            Assert.Contains($"{uid} {start:yyyy-MM-ddTHH:mm}Z {start.AddMinutes(120):yyyy-MM-ddTHH:mm}Z", lines);
        }

        var pythonWeekly = lines
            .Where(l => l.StartsWith("occurrence ", StringComparison.Ordinal))
            .Select(l =>
                DateTime.ParseExact(
                    l["occurrence ".Length..],
                    "yyyy-MM-ddTHH:mm'Z'",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal
                )
            )
            .ToList();
        Assert.Equal(eveningStarts, pythonWeekly);
    }

    private static async Task<List<string>> PythonReadAsync(string ics, DateTime from, DateTime to)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, ics);
        const string script = """
            import sys, datetime
            import icalendar
            from dateutil.rrule import rrulestr
            utc = datetime.timezone.utc
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            lo = datetime.datetime.fromisoformat(sys.argv[2]).replace(tzinfo=utc)
            hi = datetime.datetime.fromisoformat(sys.argv[3]).replace(tzinfo=utc)
            for ev in cal.walk('VEVENT'):
                start = ev.decoded('DTSTART')
                end = ev.decoded('DTEND')
                f = lambda d: d.astimezone(utc).strftime('%Y-%m-%dT%H:%MZ')
                print(str(ev.get('UID')), f(start), f(end))
                if ev.get('RRULE') is not None:
                    # Expand in wall-clock time, then place each start in the event's zone (pytz needs localize).
                    zone = start.tzinfo
                    place = zone.localize if hasattr(zone, 'localize') else (lambda d: d.replace(tzinfo=zone))
                    rule = rrulestr(ev.get('RRULE').to_ical().decode(), dtstart=start.replace(tzinfo=None))
                    skipped = set()
                    ex = ev.get('EXDATE')
                    for group in (ex if isinstance(ex, list) else [ex] if ex is not None else []):
                        for d in group.dts:
                            skipped.add(d.dt.astimezone(utc))
                    for naive in rule.between(lo.replace(tzinfo=None) - datetime.timedelta(days=1),
                                              hi.replace(tzinfo=None) + datetime.timedelta(days=1), inc=True):
                        occurrence = place(naive).astimezone(utc)
                        if lo <= occurrence < hi and occurrence not in skipped:
                            print('occurrence', f(occurrence))
            """;
        Needs.Python();
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (
            var arg in new[]
            {
                "-c",
                script,
                file,
                from.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                to.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            }
        )
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        File.Delete(file);
        Assert.True(process.ExitCode == 0, "The second parser failed (is python3-icalendar installed?): " + errors);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}

public sealed class EveningAndCalendarTestsOnSqlite(SqliteApp app) : EveningAndCalendarTests(app), IClassFixture<SqliteApp>;

public sealed class EveningAndCalendarTestsOnPostgres(PostgresApp app) : EveningAndCalendarTests(app), IClassFixture<PostgresApp>;
