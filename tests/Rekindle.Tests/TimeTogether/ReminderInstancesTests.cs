using Rekindle.Testing;
using static Rekindle.Tests.TimeTogether.DateJourney;

namespace Rekindle.Tests.TimeTogether;

/// <summary>
/// Reminders before "our evening", on a real SMTP server on loopback, with the clock moved across
/// Berlin's spring change: each comes once at the right moment, with two instances on one PostgreSQL
/// database running the job together, and after one of them is replaced by a fresh one (a restart).
/// </summary>
public sealed class ReminderInstancesTests(PostgresApp first) : IClassFixture<PostgresApp>
{
    private const string Tomorrow = "Your time together is tomorrow";
    private const string Soon = "Your time together starts soon";

    private RekindleFactory Instance() =>
        new(
            TestProvider.Postgres,
            new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = first.Settings["Database:ConnectionString"],
                ["KeyStore:ConnectionString"] = first.Settings["KeyStore:ConnectionString"],
                ["Keys:MasterKeyPath"] = Path.Combine(first.DataPath, "keys", "master.key"),
            }
        );

    [Fact]
    public async Task Each_reminder_goes_out_once_at_the_right_local_time_across_two_instances_a_restart_and_a_dst_change()
    {
        var (a, aEmail, b, bEmail) = await CoupleAsync(first, "Gil", "Hal");
        await SetZoneAsync(
            a,
            "Europe/Berlin",
            new Dictionary<string, string>
            {
                ["noticeDayBefore"] = "yes",
                ["noticeTwoHours"] = "yes",
                ["noticeDateNews"] = "yes",
            }
        );
        await SetZoneAsync(b, "Europe/Berlin", new Dictionary<string, string> { ["noticeDayBefore"] = "yes", ["noticeTwoHours"] = "yes" });

        // Every Sunday at 19:30 in Berlin; and a date on Saturday evening that is cancelled again.
        await a.SubmitAsync(
            await a.GetAsync("/time-together/evening"),
            "evening",
            new Dictionary<string, string>
            {
                ["day"] = "Sunday",
                ["time"] = "19:30",
                ["minutes"] = "120",
            }
        );
        await b.SubmitAsync(await b.GetAsync("/time-together/evening"), "agree-evening");
        var cancelled = await AgreeAsync(a, b, "Called off", "2027-03-27", "20:00");
        await b.SubmitAsync(
            await b.GetAsync($"/time-together/dates/{cancelled}"),
            "cancel-date",
            new Dictionary<string, string> { ["cancel"] = "1" }
        );

        await using var second = Instance();
        _ = second.Services;
        int Count(string subject, string email) =>
            first.Mail.All.Concat(second.Mail.All).Count(m => m.Subject == subject && m.To.Mailboxes.Any(x => x.Address == email));
        async Task BothAsync(RekindleFactory other, DateTime utc)
        {
            first.Clock.SetUtcNow(utc);
            other.Clock.SetUtcNow(utc);
            for (var round = 0; round < 2; round++)
            {
                await Task.WhenAll(RunJobAsync(first), RunJobAsync(other), RunJobAsync(first), RunJobAsync(other));
            }
        }

        // Sunday 28 March 2027, 19:30 in Berlin, is 17:30 UTC: the clocks went forward that night.
        // Ten minutes before the day-before moment: nothing yet.
        await BothAsync(second, new DateTime(2027, 3, 27, 17, 20, 0, DateTimeKind.Utc));
        Assert.Equal(0, Count(Tomorrow, aEmail) + Count(Tomorrow, bEmail));

        // Just after it: one each, however many passes ran on however many instances.
        await BothAsync(second, new DateTime(2027, 3, 27, 17, 31, 0, DateTimeKind.Utc));
        Assert.Equal((1, 1), (Count(Tomorrow, aEmail), Count(Tomorrow, bEmail)));

        // A restart: the second instance is replaced by a fresh one, which knows nothing but the database.
        await second.DisposeAsync();
        await using var third = Instance();
        _ = third.Services;
        await BothAsync(third, new DateTime(2027, 3, 28, 15, 29, 0, DateTimeKind.Utc));
        Assert.Equal(0, first.Mail.All.Concat(third.Mail.All).Count(m => m.Subject == Soon));
        await BothAsync(third, new DateTime(2027, 3, 28, 15, 31, 0, DateTimeKind.Utc));
        await BothAsync(third, new DateTime(2027, 3, 28, 16, 10, 0, DateTimeKind.Utc));
        var all = first.Mail.All.Concat(second.Mail.All).Concat(third.Mail.All).ToList();
        Assert.Equal(1, all.Count(m => m.Subject == Soon && m.To.Mailboxes.Any(x => x.Address == aEmail)));
        Assert.Equal(1, all.Count(m => m.Subject == Soon && m.To.Mailboxes.Any(x => x.Address == bEmail)));
        Assert.Equal(1, all.Count(m => m.Subject == Tomorrow && m.To.Mailboxes.Any(x => x.Address == aEmail)));

        // The cancelled date sent nothing, and no reminder names anything.
        Assert.All(all.Where(m => m.Subject is Tomorrow or Soon), m =>
        {
            Assert.DoesNotContain("Called off", m.TextBody + m.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("19:30", m.TextBody, StringComparison.Ordinal);
        });
        Assert.Equal(4, all.Count(m => m.Subject is Tomorrow or Soon));
    }
}
