using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Push;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Sealing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Push;

/// <summary>
/// Push:Enabled=false (decisions/0034): for an operator who wants no outside service, no page offers
/// notifications, home never asks, no VAPID key is made, and nothing is sent, even to a device that was
/// turned on before push was switched off. Emails carry on.
/// </summary>
public abstract class PushOffTests(RekindleFactory app)
{
    internal static readonly Dictionary<string, string?> Settings = new()
    {
        ["Push:Enabled"] = "false",
        ["Push:ServiceHosts"] = "127.0.0.1",
    };

    [Fact]
    public async Task With_push_off_no_page_offers_it_and_nothing_is_sent()
    {
        using var push = new TestPushService();
        var (asker, _) = await MemberAsync(app, "Alba");
        var (partner, partnerEmail) = await MemberAsync(app, "Bram");
        await JoinAsync(partner, await InviteAsync(asker));
        await partner.SubmitAsync(
            await partner.GetAsync("/account/notifications"),
            "preferences",
            new Dictionary<string, string>
            {
                ["timeZone"] = "UTC",
                ["noticeAnswered"] = "yes",
                ["quietFrom"] = "0",
                ["quietTo"] = "0",
            }
        );

        var page = await partner.GetAsync("/account/notifications");
        Assert.Null(page.Find("#push"));
        Assert.Null(page.Find("#push-subscribe"));
        Assert.DoesNotContain("/js/push.js", page.Html, StringComparison.Ordinal);

        // A device turned on before the operator switched push off.
        var subscription = push.Subscribe();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var member = await db.Users.SingleAsync(u => u.Email == partnerEmail);
            var session = await db.MemberSessions.Where(s => s.MemberId == member.Id && s.EndedAt == null).Select(s => s.Id).FirstAsync();
            var id = Guid.NewGuid();
            db.PushDevices.Add(
                new PushDevice
                {
                    Id = id,
                    MemberId = member.Id,
                    SessionId = session,
                    EndpointHash = scope.ServiceProvider.GetRequiredService<PushDevices>().HashOf(subscription.Endpoint),
                    Subscription = await scope
                        .ServiceProvider.GetRequiredService<Sealer>()
                        .SealAsync(
                            new PushEndpoint(subscription.Endpoint, subscription.P256dh, subscription.Auth).ToJson(),
                            PushDevice.SubscriptionPlace(id, member.Id)
                        ),
                    CreatedAt = app.Clock.GetUtcNow().UtcDateTime,
                }
            );
            await db.SaveChangesAsync();
        }

        var talk = await asker.GetAsync("/talk");
        await asker.SubmitAsync(talk, "daily", new Dictionary<string, string> { ["text"] = "Push is off", ["go"] = "answer" });
        var other = app.NewBrowser();
        await SignInAsync(other, partnerEmail);
        var home = await other.GetAsync("/");
        Assert.Null(home.Find("#push-ask"));
        Assert.DoesNotContain("/js/push.js", home.Html, StringComparison.Ordinal);

        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
        }

        Assert.Empty(push.Received);
        Assert.Empty(push.Refused);
        Assert.Contains(app.Mail.All, m =>
            m.To.Mailboxes.Any(x => x.Address == partnerEmail) && (m.Subject ?? "").Contains("their turn", StringComparison.Ordinal)
        );
        Assert.False(await app.WithKeyStoreAsync(keys => keys.DataKeys.AnyAsync(k => k.OwnerKind == KeyOwnerKind.Instance)));
    }
}

public sealed class PushOffSqliteApp() : RekindleFactory(TestProvider.Sqlite, PushOffTests.Settings);

public sealed class PushOffPostgresApp() : RekindleFactory(TestProvider.Postgres, PushOffTests.Settings);

public sealed class PushOffTestsOnSqlite(PushOffSqliteApp app) : PushOffTests(app), IClassFixture<PushOffSqliteApp>;

public sealed class PushOffTestsOnPostgres(PushOffPostgresApp app) : PushOffTests(app), IClassFixture<PushOffPostgresApp>;
