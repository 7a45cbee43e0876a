using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Talk;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.TimeTogether.DateJourney;

namespace Rekindle.Tests.TimeTogether;

/// <summary>
/// Issue 24, point 4 (decisions/0035): the zone comes from the device at sign-up and at a sign-in while none is known,
/// or is guessed and asked about; it is shown where times are entered; a 7:30 PM date from New York is 19:30 New York
/// time in the calendar file (read back by Ical.Net); and the couple's day moves on when it has begun for both.
/// </summary>
public abstract class TimeZoneTests(RekindleFactory app)
{
    /// <summary>Registers, confirms and signs in, with what the sign-up form's script would put in its hidden field.</summary>
    private async Task<(TestBrowser Browser, string Email)> MemberFromDeviceAsync(
        string firstName,
        string? deviceZone,
        string? acceptLanguage = null
    )
    {
        var browser = app.NewBrowser();
        if (acceptLanguage is not null)
        {
            browser.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var email = NewEmail(firstName.ToLowerInvariant());
        var form = await browser.GetAsync("/account/register");
        Assert.NotNull(form.Find("input[type=hidden][name='Input.TimeZone'][data-device-zone]"));
        Assert.NotNull(form.Find("script[src='/js/time-zone.js']"));
        await browser.SubmitAsync(
            form,
            "register",
            new Dictionary<string, string>
            {
                ["Input.FirstName"] = firstName,
                ["Input.Email"] = email,
                ["Input.Password"] = GoodPassword,
                ["Input.ConfirmPassword"] = GoodPassword,
                ["Input.TimeZone"] = deviceZone ?? "",
            }
        );
        await ConfirmAsync(app, browser, email);
        await SignInAsync(browser, email);
        return (browser, email);
    }

    private Task<MemberPreferences?> PrefsOfAsync(string email) =>
        app.WithDbAsync(db =>
            db.MemberPreferences.AsNoTracking()
                .Where(p => db.Users.Any(u => u.Id == p.MemberId && u.NormalizedEmail == email.ToUpperInvariant()))
                .FirstOrDefaultAsync()
        );

    [Fact]
    public async Task A_730_pm_date_proposed_in_New_York_is_1930_New_York_time_in_the_calendar_file()
    {
        var (a, aEmail) = await MemberFromDeviceAsync("Nia", "America/New_York");
        Assert.Equal("America/New_York", (await PrefsOfAsync(aEmail))!.TimeZone);
        var (b, _) = await MemberAsync(app, "Theo");
        await JoinAsync(b, await InviteAsync(a));

        // Where the time is entered, the zone is named.
        var plan = await a.GetAsync("/time-together/plan");
        Assert.Contains("Times are in your time zone: New York (America/New_York).", plan.TextOf(".zone-hint"), StringComparison.Ordinal);

        // Late November: New York is on EST (UTC-5), so 19:30 there is 00:30 UTC the next day.
        var day = Day(app, 3);
        var id = await AgreeAsync(a, b, "Supper", day, "19:30");
        var stored = await app.WithDbAsync(db => db.DatePlans.Where(p => p.Id == id).Select(p => p.StartsAt).SingleAsync());
        var expectedUtc = DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture).AddDays(1).AddMinutes(30);
        Assert.Equal(expectedUtc, stored);

        var file = await a.Client.GetAsync($"/time-together/dates/{id}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        var calendar = Ical.Net.Calendar.Load(await file.Content.ReadAsStringAsync())!;
        var start = Assert.Single(calendar.Events).Start!;
        Assert.Equal("America/New_York", start.TzId);
        Assert.Equal((19, 30), (start.Hour, start.Minute));
        Assert.Equal(expectedUtc, start.AsUtc);
        Assert.Single(calendar.TimeZones, z => z.TzId == "America/New_York");
    }

    [Fact]
    public async Task The_device_zone_is_taken_at_sign_up_and_never_asked_about()
    {
        var (member, email) = await MemberFromDeviceAsync("Lena", "Europe/Lisbon");
        var prefs = await PrefsOfAsync(email);
        Assert.Equal(("Europe/Lisbon", TimeZoneSource.Device), (prefs!.TimeZone, prefs.ZoneSource));
        Assert.Null((await member.GetAsync("/")).Find("#time-zone-ask"));

        // A made-up zone from a device is not stored: nothing known, so the member is asked.
        var (other, otherEmail) = await MemberFromDeviceAsync("Omar", "Mars/Olympus_Mons");
        Assert.Equal("UTC", (await PrefsOfAsync(otherEmail))?.TimeZone ?? "UTC");
        Assert.NotNull((await other.GetAsync("/")).Find("#time-zone-ask"));
    }

    [Fact]
    public async Task Without_scripts_the_zone_is_guessed_from_the_browsers_language_and_confirmed_with_one_tap()
    {
        var (member, email) = await MemberFromDeviceAsync("Gus", null, "en-US,en;q=0.8");
        var prefs = await PrefsOfAsync(email);
        Assert.Equal(("America/New_York", TimeZoneSource.Guessed), (prefs!.TimeZone, prefs.ZoneSource));

        var home = await member.GetAsync("/");
        Assert.Contains("Is your time zone New York (America/New_York)?", home.TextOf("#time-zone-ask"), StringComparison.Ordinal);
        Assert.Equal("/account/notifications#time-zone", home.Find("#time-zone-ask a")!.GetAttribute("href"));

        var confirmed = await member.SubmitAsync(home, "time-zone-ask");
        Assert.NotNull(confirmed.Find("#time-zone-saved"));
        Assert.Equal(TimeZoneSource.Chosen, (await PrefsOfAsync(email))!.ZoneSource);
        Assert.Null((await member.GetAsync("/")).Find("#time-zone-ask"));
        Assert.Null((await member.GetAsync("/account/notifications")).Find("#time-zone-ask"));

        // A hostile zone in the form is refused kindly, and nothing changes.
        var (other, otherEmail) = await MemberFromDeviceAsync("Hal", null);
        var refused = await other.SubmitAsync(
            await other.GetAsync("/account/notifications"),
            "time-zone-ask",
            new Dictionary<string, string> { ["zone"] = "../../etc/passwd" }
        );
        Assert.True((int)refused.Status < 500);
        Assert.Contains("Please choose a time zone from the list.", refused.TextOf("#time-zone-ask"), StringComparison.Ordinal);
        Assert.Equal("UTC", (await PrefsOfAsync(otherEmail))?.TimeZone ?? "UTC");
    }

    [Fact]
    public async Task The_first_sign_in_without_a_zone_takes_the_devices_and_a_chosen_zone_is_never_changed()
    {
        var (member, email) = await MemberAsync(app, "Ivo");
        Assert.NotNull((await member.GetAsync("/")).Find("#time-zone-ask"));

        async Task SignInFromAsync(string zone)
        {
            var browser = app.NewBrowser();
            await browser.SubmitAsync(
                await browser.GetAsync("/account/login"),
                "login",
                new Dictionary<string, string>
                {
                    ["Input.Email"] = email,
                    ["Input.Password"] = GoodPassword,
                    ["Input.TimeZone"] = zone,
                }
            );
        }

        await SignInFromAsync("Asia/Tokyo");
        Assert.Equal(
            ("Asia/Tokyo", TimeZoneSource.Device),
            ((await PrefsOfAsync(email))!.TimeZone, (await PrefsOfAsync(email))!.ZoneSource)
        );

        // A later sign-in from a device elsewhere does not silently move it.
        await SignInFromAsync("Europe/Paris");
        Assert.Equal("Asia/Tokyo", (await PrefsOfAsync(email))!.TimeZone);

        // Nor does any device once the member chose one.
        await SetZoneAsync(member, "Africa/Nairobi");
        await SignInFromAsync("Europe/Paris");
        Assert.Equal(
            ("Africa/Nairobi", TimeZoneSource.Chosen),
            ((await PrefsOfAsync(email))!.TimeZone, (await PrefsOfAsync(email))!.ZoneSource)
        );
    }

    [Fact]
    public async Task Partners_25_hours_apart_always_share_one_question_for_the_earlier_date()
    {
        // Kiritimati is UTC+14 and Pago Pago UTC-11: at every moment their dates differ.
        var (a, _) = await MemberFromDeviceAsync("Kiri", "Pacific/Kiritimati");
        var (b, _) = await MemberFromDeviceAsync("Pago", "Pacific/Pago_Pago");
        await JoinAsync(b, await InviteAsync(a));

        var aQuestion = (await a.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value");
        var bQuestion = (await b.GetAsync("/talk")).Find("input[name=questionId]")!.GetAttribute("value");
        Assert.Equal(aQuestion, bQuestion);

        var day = await app.WithDbAsync(db =>
            db.DailyQuestions.Where(q => q.Id == Guid.Parse(aQuestion!)).Select(q => q.Day).SingleAsync()
        );
        var pagoToday = DateOnly.FromDateTime(
            TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago"))
        );
        Assert.Equal(pagoToday, day);
    }
}

/// <summary>The rule itself (decisions/0035), without a database.</summary>
public sealed class CoupleDayTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Lisbon = TimeZoneInfo.FindSystemTimeZoneById("Europe/Lisbon");

    [Theory]
    // 02:00 UTC on a winter Tuesday: Lisbon's Tuesday has begun, New York is still on Monday evening.
    [InlineData("2026-12-08T02:00:00Z", "2026-12-07")]
    // 05:00 UTC: midnight in New York; the day has begun for both.
    [InlineData("2026-12-08T05:00:00Z", "2026-12-08")]
    // 23:30 UTC: both still on the same date (Lisbon 23:30, New York 18:30).
    [InlineData("2026-12-07T23:30:00Z", "2026-12-07")]
    public void The_couples_day_is_the_earlier_of_the_two_dates(string utc, string expected)
    {
        var now = DateTime.Parse(
            utc,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal
        );
        var day = DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(day, CoupleDay.Today(now, Lisbon, NewYork));
        Assert.Equal(day, CoupleDay.Today(now, NewYork, Lisbon));
    }

    [Fact]
    public void Alone_it_is_the_members_own_date() =>
        Assert.Equal(new DateOnly(2026, 12, 8), CoupleDay.Today(new DateTime(2026, 12, 8, 2, 0, 0, DateTimeKind.Utc), Lisbon, null));

    [Theory]
    [InlineData("America/New_York", "New York (America/New_York)")]
    [InlineData("America/Argentina/Buenos_Aires", "Buenos Aires (America/Argentina/Buenos_Aires)")]
    [InlineData("UTC", "UTC")]
    public void Zones_have_names_people_know(string id, string label) => Assert.Equal(label, ZoneNames.Label(id));

    [Theory]
    [InlineData("en-US,en;q=0.9", "America/New_York")]
    [InlineData("pt-PT", "Europe/Lisbon")]
    [InlineData("de", null)]
    [InlineData("", null)]
    [InlineData("xx-ZZ;q=1", null)]
    public void A_zone_is_guessed_only_from_a_language_with_a_region(string header, string? zone) =>
        Assert.Equal(zone, ZoneGuess.FromLanguages(header));
}

public sealed class TimeZoneTestsOnSqlite(SqliteApp app) : TimeZoneTests(app), IClassFixture<SqliteApp>;

public sealed class TimeZoneTestsOnPostgres(PostgresApp app) : TimeZoneTests(app), IClassFixture<PostgresApp>;
