using System.Net;
using Npgsql;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Reliability;

/// <summary>
/// Several servers behave as one: two processes on one PostgreSQL database (and one key store), on
/// their own loopback ports. A sign-in on one is good on the other, a form shown by one is accepted by
/// the other, and the background job runs on both yet sends each email once.
/// </summary>
public sealed class TwoServersTests
{
    [Fact]
    public async Task Two_servers_on_one_database_share_sign_ins_forms_and_send_each_email_once()
    {
        await using var instances = new Instances();
        var settings = instances.Settings(TestProvider.Postgres);
        settings["Jobs:IntervalSeconds"] = "5";
        // Each server has its own folder, as on two machines: only the databases are shared.
        var otherSettings = new Dictionary<string, string?>(settings)
        {
            ["Rekindle:DataPath"] = instances.NewFolder(),
            ["Keys:MasterKeyPath"] = Path.Combine(settings["Rekindle:DataPath"]!, "keys", "master.key"),
            ["Keys:CreateIfMissing"] = "false",
        };
        await using var one = new AppProcess(settings);
        await one.StartAsync();
        await using var two = new AppProcess(otherSettings);
        await two.StartAsync();

        // Ana registers on one, confirms and signs in on two, then carries on on one.
        var ana = one.NewBrowser();
        var anasEmail = NewEmail("ana");
        await RegisterAsync(ana, "Ana", anasEmail);
        var anaOnTwo = two.NewBrowser(ana.Cookies);
        await ConfirmAsync(instances.Mail, anaOnTwo, anasEmail);
        Assert.Contains("Hello, Ana", (await SignInAsync(anaOnTwo, anasEmail)).Text, StringComparison.Ordinal);
        var home = await ana.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Hello, Ana", home.Text, StringComparison.Ordinal);

        // Ben joins through the other server; a form shown by one server is posted to the other.
        var (ben, bensEmail) = await MemberAsync(() => two.NewBrowser(), instances.Mail, "Ben");
        var code = await InviteAsync(ana);
        await JoinAsync(ben, code);
        // No quiet hours, whatever the hour this runs at: emails are held during them.
        await TimeTogether.DateJourney.SetZoneAsync(ana, "UTC");
        await TimeTogether.DateJourney.SetZoneAsync(ben, "UTC");
        var benOnOne = one.NewBrowser(ben.Cookies);
        var plan = await benOnOne.GetAsync("/time-together/plan");
        var day = TimeProvider
            .System.GetUtcNow()
            .UtcDateTime.Date.AddDays(3)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var proposed = await ben.PostAsync(
            "/time-together/plan",
            [
                new("__RequestVerificationToken", plan.Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
                new("_handler", "propose"),
                new("title", "Two servers picnic"),
                new("minutes", "120"),
                new("times[0].day", day),
                new("times[0].time", "19:00"),
            ]
        );
        Assert.Contains("Two servers picnic", proposed.Text, StringComparison.Ordinal);
        var id = Guid.Parse(proposed.Url.AbsolutePath.Split('/')[^1]);

        // Ana hears of it once, though both servers run the job every five seconds.
        await instances.Mail.WaitForAsync(anasEmail, "News about your plans together", TimeSpan.FromSeconds(30));

        // Ana accepts on two; then the date is moved to start in two hours and a few seconds, so the
        // "two hours before" reminders fall due now, for both of them.
        var page = await anaOnTwo.GetAsync($"/time-together/dates/{id}");
        var option = page.Find("button[name=optionId]")!.GetAttribute("value")!;
        var accepted = await anaOnTwo.SubmitAsync(page, "accept", new Dictionary<string, string> { ["optionId"] = option });
        Assert.Contains("You both said yes", accepted.TextOf("#date-message"), StringComparison.Ordinal);
        await using (var db = new NpgsqlConnection(settings["Database:ConnectionString"]))
        {
            await db.OpenAsync();
            await using var move = db.CreateCommand();
            move.CommandText =
                "UPDATE \"DatePlans\" SET \"StartsAt\" = now() at time zone 'utc' + interval '2 hours 3 seconds' WHERE \"Id\" = @id";
            move.Parameters.AddWithValue("id", id);
            Assert.Equal(1, await move.ExecuteNonQueryAsync());
        }

        await instances.Mail.WaitForAsync(anasEmail, "starts soon", TimeSpan.FromSeconds(40));
        await instances.Mail.WaitForAsync(bensEmail, "starts soon", TimeSpan.FromSeconds(40));
        // A few more rounds of both jobs: still once each.
        await Task.Delay(TimeSpan.FromSeconds(11));
        int Count(string to, string subject) =>
            instances.Mail.All.Count(m =>
                m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal)
            );
        Assert.Equal(1, Count(anasEmail, "News about your plans together"));
        Assert.Equal(1, Count(anasEmail, "starts soon"));
        Assert.Equal(1, Count(bensEmail, "starts soon"));
        Assert.Equal(1, Count(anasEmail, "Confirm your email"));

        // Signing out on one ends the session on both.
        var signedIn = await ana.GetAsync("/account/activity");
        await ana.SubmitAsync(signedIn, "/account/logout");
        var after = await anaOnTwo.GetAsync("/account/activity");
        Assert.DoesNotContain("Hello, Ana", after.Text, StringComparison.Ordinal);
        Assert.Contains("/account/login", after.Url.AbsolutePath, StringComparison.Ordinal);
    }
}
