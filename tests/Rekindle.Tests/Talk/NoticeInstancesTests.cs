using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Talk;

/// <summary>
/// Notices with two app instances on one PostgreSQL database (two servers, or a restart): a notice
/// queued by one instance is sent by whichever runs the job, and every notice goes out exactly once
/// even when both run the job at the same moment.
/// </summary>
public sealed class NoticeInstancesTests(PostgresApp first) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task Two_instances_running_the_job_together_send_each_notice_once()
    {
        // The second instance: same database, same key store, same master key; its own mailbox.
        await using var second = new RekindleFactory(
            TestProvider.Postgres,
            new Dictionary<string, string?>
            {
                ["Database:ConnectionString"] = first.Settings["Database:ConnectionString"],
                ["KeyStore:ConnectionString"] = first.Settings["KeyStore:ConnectionString"],
                ["Keys:MasterKeyPath"] = Path.Combine(first.DataPath, "keys", "master.key"),
            }
        );
        _ = first.Services;
        _ = second.Services;

        var partners = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var (a, _) = await MemberAsync(first, "Ora");
            var (b, bEmail) = await MemberAsync(first, "Pim");
            await JoinAsync(b, await InviteAsync(a));
            var prefs = await b.GetAsync("/account/notifications");
            await b.SubmitAsync(
                prefs,
                "preferences",
                new Dictionary<string, string>
                {
                    ["timeZone"] = "UTC",
                    ["noticeAnswered"] = "yes",
                    ["quietFrom"] = "0",
                    ["quietTo"] = "0",
                }
            );
            var talk = await a.GetAsync("/talk");
            await a.SubmitAsync(talk, "daily", new Dictionary<string, string> { ["text"] = "Twoserversmarker", ["go"] = "answer" });
            partners.Add(bEmail);
        }

        // Both instances run the job at once, a few times over.
        for (var round = 0; round < 3; round++)
        {
            await Task.WhenAll(RunAsync(first), RunAsync(second), RunAsync(first), RunAsync(second));
        }

        foreach (var email in partners)
        {
            var sent = first
                .Mail.All.Concat(second.Mail.All)
                .Count(m =>
                    m.To.Mailboxes.Any(x => x.Address == email) && (m.Subject ?? "").Contains("their turn", StringComparison.Ordinal)
                );
            Assert.Equal(1, sent);
        }

        Assert.All(first.Mail.All.Concat(second.Mail.All), m =>
            Assert.DoesNotContain("Twoserversmarker", m.TextBody ?? "", StringComparison.Ordinal)
        );
    }

    private static async Task RunAsync(RekindleFactory app)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
    }
}
