using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Spontaneity;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Tests.TimeTogether;

/// <summary>Pure scheduling rules: local times across DST changes, the evening's weeks, reminder and nudge moments.</summary>
public sealed class SchedulingRulesTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTime Utc(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Utc);

    [Theory]
    // Ordinary winter and summer times.
    [InlineData("Europe/Berlin", "2027-01-14 19:30", "2027-01-14 18:30")]
    [InlineData("Europe/Berlin", "2027-07-15 19:30", "2027-07-15 17:30")]
    // Spring forward in Berlin (28 March 2027, 02:00 -> 03:00): 02:30 does not exist and becomes 03:30.
    [InlineData("Europe/Berlin", "2027-03-28 02:30", "2027-03-28 01:30")]
    // Fall back (31 October 2027, 03:00 -> 02:00): 02:30 happens twice; the first one is meant.
    [InlineData("Europe/Berlin", "2027-10-31 02:30", "2027-10-31 00:30")]
    // New York changes on other days (14 March and 7 November 2027).
    [InlineData("America/New_York", "2027-03-14 02:30", "2027-03-14 07:30")]
    [InlineData("America/New_York", "2027-11-07 01:30", "2027-11-07 05:30")]
    [InlineData("UTC", "2027-03-28 02:30", "2027-03-28 02:30")]
    public void A_local_time_becomes_the_right_utc_even_when_it_is_skipped_or_repeated(string zone, string local, string expectedUtc)
    {
        var utc = EveningRules.ToUtc(
            DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById(zone)
        );
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void The_evening_stays_at_its_local_time_across_a_dst_change_and_skips_are_left_out()
    {
        var evening = new OurEvening
        {
            Day = DayOfWeek.Thursday,
            Time = new TimeOnly(19, 30),
            TimeZone = "Europe/Berlin",
            StartsOn = new DateOnly(2027, 3, 1),
        };
        evening.Skips.Add(new EveningSkip { Day = new DateOnly(2027, 4, 8) });
        var weeks = EveningRules.Occurrences(evening, Utc(2027, 3, 15, 0), Utc(2027, 4, 20, 0)).ToList();

        Assert.Equal(
            [
                (new DateOnly(2027, 3, 18), Utc(2027, 3, 18, 18, 30)),
                (new DateOnly(2027, 3, 25), Utc(2027, 3, 25, 18, 30)),
                (new DateOnly(2027, 4, 1), Utc(2027, 4, 1, 17, 30)),
                (new DateOnly(2027, 4, 15), Utc(2027, 4, 15, 17, 30)),
            ],
            weeks
        );
        Assert.All(weeks, w =>
            Assert.Equal(new TimeOnly(19, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(w.StartsAt, Berlin)))
        );
        Assert.Contains(EveningRules.Occurrences(evening, Utc(2027, 3, 15, 0), Utc(2027, 4, 20, 0), includeSkipped: true), w =>
            w.Day == new DateOnly(2027, 4, 8)
        );
    }

    [Fact]
    public void The_evening_never_falls_before_it_starts_and_a_window_is_half_open()
    {
        var evening = new OurEvening
        {
            Day = DayOfWeek.Monday,
            Time = new TimeOnly(20, 0),
            TimeZone = "America/New_York",
            StartsOn = new DateOnly(2027, 11, 10),
        };
        var weeks = EveningRules.Occurrences(evening, Utc(2027, 11, 1, 0), Utc(2027, 11, 23, 1)).ToList();
        // Mondays from the 15th: 20:00 in New York is 01:00 UTC the next day; the 22nd's starts exactly at the window's end.
        Assert.Equal([Utc(2027, 11, 16, 1)], weeks.Select(w => w.StartsAt));
        Assert.Equal(new DateOnly(2027, 11, 15), weeks[0].Day);
        Assert.Equal(new TimeOnly(20, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(weeks[0].StartsAt, NewYork)));
    }

    [Fact]
    public void Reminders_are_due_a_day_and_two_hours_before_unless_agreed_later()
    {
        var start = Utc(2027, 3, 28, 17, 30);
        var item = new ScheduledItem(Guid.NewGuid(), Guid.NewGuid(), false, null, start, 120, "Europe/Berlin", start.AddDays(-3), 1);
        Assert.Equal(start.AddHours(-24), DateReminders.DueAt(item, NoticeKind.DateTomorrow));
        Assert.Equal(start.AddHours(-2), DateReminders.DueAt(item, NoticeKind.DateSoon));

        // Agreed five hours before: no "tomorrow" reminder, but the two-hour one still comes.
        var late = item with { AgreedAt = start.AddHours(-5) };
        Assert.Null(DateReminders.DueAt(late, NoticeKind.DateTomorrow));
        Assert.Equal(start.AddHours(-2), DateReminders.DueAt(late, NoticeKind.DateSoon));

        // The key names member, item and start: a moved date is a new reminder, the same one never is.
        var member = Guid.NewGuid();
        Assert.Equal(
            DateReminders.KeyFor(NoticeKind.DateSoon, member, item),
            DateReminders.KeyFor(NoticeKind.DateSoon, member, item with { Revision = 9 })
        );
        Assert.NotEqual(
            DateReminders.KeyFor(NoticeKind.DateSoon, member, item),
            DateReminders.KeyFor(NoticeKind.DateSoon, member, item with { StartsAt = start.AddHours(1) })
        );
        Assert.True(
            DateReminders.KeyFor(NoticeKind.DateSoon, member, item with { IsEvening = true, EveningDay = new DateOnly(2027, 3, 28) }).Length
                <= 120
        );
    }

    [Theory]
    [InlineData(1, 18, 21, 22, 8, "Europe/Berlin")]
    [InlineData(3, 18, 21, 22, 8, "Europe/Berlin")]
    [InlineData(3, 20, 2, 23, 7, "America/New_York")]
    [InlineData(2, 7, 23, 22, 8, "UTC")]
    public void Nudges_fall_inside_the_window_on_different_days_never_in_quiet_hours(
        int perWeek,
        int from,
        int to,
        int quietFrom,
        int quietTo,
        string zone
    )
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        for (var w = 0; w < 60; w++)
        {
            // Sixty weeks, so the spring and autumn changes are crossed.
            var week = new DateOnly(2027, 1, 4).AddDays(7 * w);
            var member = Guid.NewGuid();
            var prefs = new MemberPreferences
            {
                MemberId = member,
                TimeZone = zone,
                NudgesPerWeek = perWeek,
                NudgeFromHour = from,
                NudgeToHour = to,
                QuietFromHour = quietFrom,
                QuietToHour = quietTo,
            };
            var moments = NudgePlanner.MomentsFor(member, week, prefs);

            Assert.Equal(perWeek, moments.Count);
            Assert.Equal(moments, NudgePlanner.MomentsFor(member, week, prefs));
            var locals = moments.Select(m => TimeZoneInfo.ConvertTimeFromUtc(m, tz)).ToList();
            Assert.Equal(perWeek, locals.Select(l => l.Date).Distinct().Count());
            Assert.All(locals, l =>
            {
                Assert.False(prefs.IsQuiet(l.Hour), $"{l} is in quiet hours");
                Assert.InRange(l.Minute, 0, NudgePlanner.MinutesIntoHour - 1); // time for the job before the hour ends
                Assert.Contains(l.Hour, NudgePlanner.WindowHours(prefs));
                Assert.InRange(DateOnly.FromDateTime(l), week, week.AddDays(7));
            });
        }
    }

    [Fact]
    public void No_nudges_when_turned_off_or_when_the_window_is_all_quiet_hours()
    {
        var member = Guid.NewGuid();
        Assert.Empty(NudgePlanner.MomentsFor(member, new DateOnly(2027, 1, 4), new MemberPreferences { NudgesPerWeek = 0 }));
        Assert.Empty(
            NudgePlanner.MomentsFor(
                member,
                new DateOnly(2027, 1, 4),
                new MemberPreferences
                {
                    NudgesPerWeek = 3,
                    NudgeFromHour = 22,
                    NudgeToHour = 24,
                    QuietFromHour = 21,
                    QuietToHour = 7,
                }
            )
        );
        Assert.Equal(
            MemberPreferences.MaxNudgesPerWeek,
            NudgePlanner.MomentsFor(member, new DateOnly(2027, 1, 4), new MemberPreferences { NudgesPerWeek = 9 }).Count
        );
    }
}
