using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.TimeTogether.DateJourney;

namespace Rekindle.Tests.TimeTogether;

/// <summary>Gentle nudges, with the job run hour by hour through a week: as many as chosen, inside the window, never in quiet
/// hours.</summary>
public abstract class NudgeTests(RekindleFactory app)
{
    [Fact]
    public async Task A_week_of_nudges_comes_as_chosen_inside_the_window_and_only_to_those_who_asked()
    {
        var (a, aEmail, _, bEmail) = await CoupleAsync(app, "Ivo", "Jem");
        await SetZoneAsync(
            a,
            "America/New_York",
            new Dictionary<string, string>
            {
                ["nudges"] = "3",
                ["nudgeFrom"] = "18",
                ["nudgeTo"] = "21",
                ["quietFrom"] = "20",
                ["quietTo"] = "8",
            }
        );
        var (alone, aloneEmail) = await MemberAsync(app, "Kai");
        await SetZoneAsync(alone, "UTC", new Dictionary<string, string> { ["nudges"] = "3" });

        // A whole week from Monday: a pass every ten minutes around the window, hourly elsewhere (the
        // real job runs every 30 seconds; a nudge is sent at most an hour after its moment, never in quiet hours).
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var monday = new DateTime(2026, 11, 30, 5, 0, 0, DateTimeKind.Utc); // Monday 00:00 in New York
        app.Clock.SetUtcNow(monday);
        while (app.Clock.GetUtcNow().UtcDateTime < monday.AddDays(7))
        {
            await RunJobAsync(app);
            var local = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, zone);
            app.Clock.Advance(local.Hour is >= 17 and <= 21 ? TimeSpan.FromMinutes(10) : TimeSpan.FromHours(1));
        }

        var nudges = await app.WithDbAsync(db => db.Notices.Where(n => n.Kind == NoticeKind.Nudge).ToListAsync());
        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Id).SingleAsync());
        var mine = nudges.Where(n => n.MemberId == memberId).ToList();
        var sent = app.Mail.All.Where(m => m.Subject == "A small idea for today").ToList();
        Assert.Equal(3, sent.Count(m => m.To.Mailboxes.Any(x => x.Address == aEmail)));
        Assert.DoesNotContain(sent, m => m.To.Mailboxes.Any(x => x.Address == bEmail || x.Address == aloneEmail));
        Assert.Equal(3, mine.Count);
        Assert.All(mine, n =>
        {
            // The window is 18:00–21:00 but quiet hours start at 20:00: so 18:00–20:00 local, and sent within the hour.
            var due = TimeZoneInfo.ConvertTimeFromUtc(n.DueAt, zone);
            var at = TimeZoneInfo.ConvertTimeFromUtc(n.SentAt!.Value, zone);
            Assert.InRange(due.Hour, 18, 19);
            Assert.InRange(at.Hour, 18, 19);
            Assert.InRange(n.SentAt.Value - n.DueAt, TimeSpan.Zero, TimeSpan.FromHours(1));
        });
        Assert.Equal(3, mine.Select(n => TimeZoneInfo.ConvertTimeFromUtc(n.DueAt, zone).Date).Distinct().Count());
        Assert.All(sent, m => Assert.Contains("/spontaneity", m.TextBody, StringComparison.Ordinal));
    }
}

public sealed class NudgeTestsOnSqlite(SqliteApp app) : NudgeTests(app), IClassFixture<SqliteApp>;

public sealed class NudgeTestsOnPostgres(PostgresApp app) : NudgeTests(app), IClassFixture<PostgresApp>;
