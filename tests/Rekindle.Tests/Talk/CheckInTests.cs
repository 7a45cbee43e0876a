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
    public async Task Only_the_pulse_and_one_line_are_required_each_named_beside_its_field_and_nothing_is_saved_until_then()
    {
        var (a, aEmail) = await MemberAsync(app, "Eli");
        var (b, _) = await MemberAsync(app, "Fen");
        await JoinAsync(b, await InviteAsync(a));
        var eli = await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Id).SingleAsync());
        var page = await a.GetAsync("/talk/check-in");
        Assert.Contains("(required)", page.TextOf("fieldset.pulse legend"), StringComparison.Ordinal);

        // No pulse: the pulse's own step, marked as the field at fault, what was typed kept.
        var noPulse = await a.SubmitAsync(page, "check-in", new Dictionary<string, string> { ["wentWell"] = "x", ["go"] = "save" });
        Assert.Contains("Please choose how close you feel", noPulse.TextOf("#checkin-message"), StringComparison.Ordinal);
        Assert.Equal("Step 1 of 4", noPulse.TextOf("#checkin-step"));
        Assert.Equal("true", noPulse.Find("fieldset.pulse")!.GetAttribute("aria-invalid"));
        Assert.Equal("x", noPulse.Find("input[type=hidden][name=wentWell]")!.GetAttribute("value"));

        // No line about what went well: its step, its field.
        var noLine = await a.SubmitAsync(page, "check-in", new Dictionary<string, string> { ["pulse"] = "5", ["go"] = "save" });
        Assert.Contains("Please write one line here", noLine.TextOf("#checkin-message"), StringComparison.Ordinal);
        Assert.Equal("Step 2 of 4", noLine.TextOf("#checkin-step"));
        Assert.Equal("true", noLine.Find("#went-well")!.GetAttribute("aria-invalid"));
        Assert.Contains("(required)", noLine.TextOf("label[for=went-well]"), StringComparison.Ordinal);

        var badPulse = await CheckInAsync(a, "Eli", 11);
        Assert.Contains("from 0 to 10", badPulse.Text, StringComparison.Ordinal);
        var tooLong = await a.SubmitAsync(
            page,
            "check-in",
            new Dictionary<string, string>
            {
                ["pulse"] = "5",
                ["wentWell"] = "ok",
                ["feelLoved"] = new string('a', 501),
                ["go"] = "save",
            }
        );
        Assert.Equal("Step 4 of 4", tooLong.TextOf("#checkin-step"));
        Assert.Equal("true", tooLong.Find("#feel-loved")!.GetAttribute("aria-invalid"));
        Assert.Contains("(optional)", tooLong.TextOf("label[for=feel-loved]"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.OwnerId == eli)));

        // The pulse and one line are enough: everything else may stay blank.
        var saved = await a.SubmitAsync(
            page,
            "check-in",
            new Dictionary<string, string>
            {
                ["pulse"] = "3",
                ["wentWell"] = "We walked",
                ["go"] = "save",
            }
        );
        Assert.Contains("Yours is saved", saved.TextOf("#checkin-status"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.OwnerId == eli)));

        var helper = await a.SubmitAsync(
            page,
            "check-in",
            new Dictionary<string, string> { ["wentWell"] = "You always forget", ["go"] = "check" }
        );
        Assert.Contains("You always", helper.TextOf("#soft-startup-check-in"), StringComparison.Ordinal);

        // Once both are done, what Eli left out says so instead of showing nothing.
        var both = await CheckInAsync(b, "Fen", 8);
        Assert.Contains("We walked", both.TextOf("#checkin-both"), StringComparison.Ordinal);
        Assert.Contains("(left blank)", both.TextOf("#checkin-both"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_in_goes_in_four_short_steps_carrying_answers_and_writing_only_at_the_end()
    {
        var (a, aEmail) = await MemberAsync(app, "Gil");
        var (b, _) = await MemberAsync(app, "Hob");
        await JoinAsync(b, await InviteAsync(a));
        var gil = await app.WithDbAsync(db => db.Users.Where(u => u.Email == aEmail).Select(u => u.Id).SingleAsync());
        var step1 = await a.GetAsync("/talk/check-in");
        Assert.Equal("Step 1 of 4", step1.TextOf("#checkin-step"));
        Assert.NotNull(step1.Find("input[type=radio][name=pulse]"));
        Assert.Null(step1.Find("textarea"));

        // Next without a pulse stays, and says which field.
        var stay = await a.SubmitAsync(step1, "check-in", new Dictionary<string, string> { ["go"] = "next" });
        Assert.Equal("Step 1 of 4", stay.TextOf("#checkin-step"));
        Assert.Contains("Please choose how close you feel", stay.TextOf("#checkin-message"), StringComparison.Ordinal);

        var step2 = await a.SubmitAsync(step1, "check-in", new Dictionary<string, string> { ["pulse"] = "6", ["go"] = "next" });
        Assert.Equal("Step 2 of 4", step2.TextOf("#checkin-step"));
        Assert.Equal("6", step2.Find("input[type=hidden][name=pulse]")!.GetAttribute("value"));
        var empty = await a.SubmitAsync(step2, "check-in", new Dictionary<string, string> { ["wentWell"] = " ", ["go"] = "next" });
        Assert.Equal("Step 2 of 4", empty.TextOf("#checkin-step"));
        Assert.Equal("true", empty.Find("#went-well")!.GetAttribute("aria-invalid"));

        var step3 = await a.SubmitAsync(
            step2,
            "check-in",
            new Dictionary<string, string> { ["wentWell"] = "Gilstepmarker dinner\nand a walk", ["go"] = "next" }
        );
        Assert.Equal("Step 3 of 4", step3.TextOf("#checkin-step"));
        Assert.Equal(3, step3.Document.QuerySelectorAll("textarea[name=appreciations]").Length);
        Assert.Contains("(optional)", step3.TextOf("#checkin-form legend"), StringComparison.Ordinal);

        // Back keeps what was typed, and so does Next again.
        var back = await a.SubmitAsync(step3, "check-in", new Dictionary<string, string> { ["go"] = "back" });
        Assert.Equal("Step 2 of 4", back.TextOf("#checkin-step"));
        Assert.Equal("Gilstepmarker dinner\nand a walk", back.TextOf("#went-well"));
        var step4 = await a.SubmitAsync(
            step3,
            "check-in",
            new Dictionary<string, string> { ["appreciations"] = "Gilstepmarker tea", ["go"] = "next" }
        );
        Assert.Equal("Step 4 of 4", step4.TextOf("#checkin-step"));
        Assert.Equal("Gilstepmarker tea", step4.Find("input[type=hidden][name=appreciations]")!.GetAttribute("value"));

        // Nothing is written between steps: no half-written row.
        Assert.False(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.OwnerId == gil)));

        var done = await a.SubmitAsync(step4, "check-in", new Dictionary<string, string> { ["go"] = "save" });
        Assert.Contains("Yours is saved", done.TextOf("#checkin-status"), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.CheckIns.AnyAsync(c => c.OwnerId == gil)));
        Assert.Equal("6", done.Find("input[name=pulse][checked]")!.GetAttribute("value"));
        Assert.Equal("Gilstepmarker tea", done.Find("input[type=hidden][name=appreciations]")!.GetAttribute("value"));
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
