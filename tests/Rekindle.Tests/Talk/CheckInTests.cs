using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Talk;

/// <summary>The weekly check-in through HTTP on both databases.</summary>
public abstract class CheckInTests(RekindleFactory app)
{
    private static Dictionary<string, string> Fields(string marker, int pulse) =>
        new()
        {
            ["wentWell"] = marker + " went well",
            ["toTalkAbout"] = "Holidays",
            ["feelLoved"] = "A note in my bag",
            ["pulse"] = pulse.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["go"] = "save",
        };

    private static async Task<Page> CheckInAsync(TestBrowser browser, string marker, int pulse)
    {
        var page = await browser.GetAsync("/talk/check-in");
        var fields = Fields(marker, pulse).ToList();
        var values = fields
            .Concat(Enumerable.Range(1, 3).Select(i => new KeyValuePair<string, string>("appreciations", $"{marker} thanks {i}")))
            .ToList();
        var token = page.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        values.Add(new("__RequestVerificationToken", token));
        values.Add(new("_handler", "check-in"));
        return await browser.PostAsync("/talk/check-in", values);
    }

    [Fact]
    public async Task Both_see_both_check_ins_only_when_both_are_done_and_then_they_are_kept()
    {
        var (a, _) = await MemberAsync(app, "Cam");
        var (b, bEmail) = await MemberAsync(app, "Dee");
        await JoinAsync(b, await InviteAsync(a));

        var saved = await CheckInAsync(a, "Camweekmarker", 7);
        Assert.Contains("Yours is saved", saved.TextOf("#checkin-status"), StringComparison.Ordinal);
        Assert.Equal("7", saved.Find("input[name=pulse][checked]")!.GetAttribute("value"));

        var waiting = await b.GetAsync("/talk/check-in");
        Assert.Contains("Cam has done theirs", waiting.TextOf("#checkin-status"), StringComparison.Ordinal);
        Assert.DoesNotContain("Camweekmarker", waiting.Html, StringComparison.Ordinal);

        // The partner is told by email, with nothing of what was written.
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
        }

        var message = await app.Mail.WaitForAsync(bEmail, "check-in");
        Assert.DoesNotContain("Camweekmarker", message.TextBody, StringComparison.Ordinal);

        var both = await CheckInAsync(b, "Deeweekmarker", 4);
        Assert.Contains("Camweekmarker thanks 2", both.TextOf("#checkin-both"), StringComparison.Ordinal);
        Assert.Contains("You: 4 of 10", both.TextOf("#pulses"), StringComparison.Ordinal);
        Assert.Contains("Cam: 7 of 10", both.TextOf("#pulses"), StringComparison.Ordinal);
        Assert.Contains("Deeweekmarker went well", (await a.GetAsync("/talk/check-in")).TextOf("#checkin-both"), StringComparison.Ordinal);

        // Kept as it is once both are done.
        var late = await CheckInAsync(a, "Rewrite", 1);
        Assert.Contains("kept as it is", late.Text, StringComparison.Ordinal);
        Assert.Contains("Cam: 7 of 10", (await b.GetAsync("/talk/check-in")).TextOf("#pulses"), StringComparison.Ordinal);

        // And in each one's export, sealed in the database.
        var stored = await app.WithDbAsync(db => db.CheckIns.AsNoTracking().Select(c => c.Answers).ToListAsync());
        Assert.All(stored, s => Assert.DoesNotContain("weekmarker", s.Envelope, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_part_or_a_pulse_out_of_range_gets_a_message_and_saves_nothing()
    {
        var (a, aEmail) = await MemberAsync(app, "Eli");
        var (b, _) = await MemberAsync(app, "Fen");
        await JoinAsync(b, await InviteAsync(a));
        var page = await a.GetAsync("/talk/check-in");
        var missing = await a.SubmitAsync(
            page,
            "check-in",
            new Dictionary<string, string>
            {
                ["wentWell"] = "x",
                ["pulse"] = "5",
                ["go"] = "save",
            }
        );
        Assert.Contains("Please fill in every part", missing.Text, StringComparison.Ordinal);
        Assert.Equal("x", missing.Find("#went-well")!.TextContent);

        var badPulse = await CheckInAsync(a, "Eli", 11);
        Assert.Contains("from 0 to 10", badPulse.Text, StringComparison.Ordinal);
        var eli = await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Id).SingleAsync());
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.OwnerId == eli)));

        var helper = await a.SubmitAsync(
            page,
            "check-in",
            new Dictionary<string, string> { ["wentWell"] = "You always forget", ["go"] = "check" }
        );
        Assert.Contains("You always", helper.TextOf("#soft-startup-check-in"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sunday_reminder_goes_out_once_when_the_check_in_is_still_waiting()
    {
        var (a, aEmail) = await MemberAsync(app, "Max");
        var (b, _) = await MemberAsync(app, "Ned");
        await JoinAsync(b, await InviteAsync(a));
        var prefs = await a.GetAsync("/account/notifications");
        await a.SubmitAsync(
            prefs,
            "preferences",
            new Dictionary<string, string>
            {
                ["timeZone"] = "UTC",
                ["noticeCheckIn"] = "yes",
                ["dailyHour"] = "0",
                ["quietFrom"] = "0",
                ["quietTo"] = "0",
            }
        );

        var now = app.Clock.GetUtcNow();
        var untilSunday = ((int)DayOfWeek.Sunday - (int)now.DayOfWeek + 7) % 7;
        app.Clock.Advance(TimeSpan.FromDays(untilSunday == 0 ? 7 : untilSunday) - now.TimeOfDay + TimeSpan.FromHours(10));
        for (var i = 0; i < 3; i++)
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
        }

        var reminder = await app.Mail.WaitForAsync(aEmail, "This week's check-in is waiting");
        Assert.Contains("/talk/check-in", reminder.TextBody, StringComparison.Ordinal);
        Assert.Single(app.Mail.All, m =>
            m.To.Mailboxes.Any(x => x.Address == aEmail) && (m.Subject ?? "").Contains("check-in is waiting", StringComparison.Ordinal)
        );
    }
}

public sealed class CheckInTestsOnSqlite(SqliteApp app) : CheckInTests(app), IClassFixture<SqliteApp>;

public sealed class CheckInTestsOnPostgres(PostgresApp app) : CheckInTests(app), IClassFixture<PostgresApp>;
