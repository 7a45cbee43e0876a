using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Push;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Talk;

/// <summary>
/// "Something is waiting for you" when the partner invites a member to a guided conversation (issue 24): one
/// content-free email through the real loopback SMTP and one push to the stand-in push service, under the
/// "partner waiting" switch, and nothing once the invitation is over or either member rests (decisions/0027).
/// </summary>
public abstract class ConversationNoticeTests(RekindleFactory app)
{
    private const string Subject = "Something is waiting for you in Rekindle";

    private static Dictionary<string, string> Prefs(bool on, int quietFrom = 0, int quietTo = 0) =>
        new()
        {
            ["timeZone"] = "UTC",
            ["noticeAnswered"] = on ? "yes" : "no",
            ["quietFrom"] = quietFrom.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["quietTo"] = quietTo.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

    private async Task<(TestBrowser Inviter, TestBrowser Partner, string PartnerEmail, TestPushSubscription Device)> CoupleAsync(
        TestPushService push,
        string first,
        string second,
        Dictionary<string, string> prefs
    )
    {
        var (a, _) = await MemberAsync(app, first);
        var (b, bEmail) = await MemberAsync(app, second);
        await JoinAsync(b, await InviteAsync(a));
        await b.SubmitAsync(await b.GetAsync("/account/notifications"), "preferences", prefs);
        var device = push.Subscribe();
        await b.SubmitAsync(await b.GetAsync("/account/notifications"), "push-subscribe", device.Form());
        return (a, b, bEmail, device);
    }

    private static async Task<Page> ActAsync(TestBrowser browser, string act, Dictionary<string, string>? extra = null)
    {
        var page = await browser.GetAsync("/talk/conversation");
        var fields = new Dictionary<string, string>(extra ?? []) { ["go"] = act };
        return await browser.SubmitAsync(page, "floor", fields);
    }

    private static Task<Page> InviteToTalkAsync(TestBrowser browser) =>
        ActAsync(browser, "start", new() { ["topic"] = "money", ["oneDevice"] = "false" });

    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
    }

    private int MailsTo(string email) =>
        app.Mail.All.Count(m =>
            m.To.Mailboxes.Any(x => x.Address == email) && (m.Subject ?? "").Contains(Subject, StringComparison.Ordinal)
        );

    private int HourNow => app.Clock.GetUtcNow().UtcDateTime.Hour;

    [Fact]
    public async Task An_invitation_sends_the_partner_one_email_and_one_push_with_no_content()
    {
        using var push = new TestPushService();
        var (inviter, partner, partnerEmail, device) = await CoupleAsync(push, "Philippa", "Casimir", Prefs(on: true));
        var started = await InviteToTalkAsync(inviter);
        Assert.NotNull(started.Find("#waiting"));

        await Task.WhenAll(RunJobAsync(), RunJobAsync());
        await RunJobAsync();

        var received = Assert.Single(push.For(device));
        var payload = JsonDocument.Parse(received.Plaintext).RootElement;
        Assert.Equal("Something is waiting for you in Rekindle.", payload.GetProperty("body").GetString());
        Assert.Equal("/talk/conversation", payload.GetProperty("path").GetString());
        Assert.Equal(3, payload.EnumerateObject().Count());

        Assert.Equal(1, MailsTo(partnerEmail));
        var mail = app.Mail.All.Single(m =>
            m.To.Mailboxes.Any(x => x.Address == partnerEmail) && (m.Subject ?? "").Contains(Subject, StringComparison.Ordinal)
        );
        var topic = (await partner.GetAsync("/talk/conversation")).TextOf("#open");
        Assert.Contains("Money", topic, StringComparison.OrdinalIgnoreCase);
        foreach (var text in new[] { received.Plaintext, mail.Subject ?? "", mail.TextBody ?? "", mail.HtmlBody ?? "" })
        {
            foreach (var secret in new[] { "Philippa", "Casimir", "money", "partner" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Contains("/talk/conversation", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("/email/stop/", mail.TextBody, StringComparison.Ordinal);
        Assert.Empty(push.Refused);
    }

    [Fact]
    public async Task With_the_partner_waiting_switch_off_nothing_is_sent()
    {
        using var push = new TestPushService();
        var (inviter, _, partnerEmail, device) = await CoupleAsync(push, "Rosalind", "Sebastian", Prefs(on: false));
        await InviteToTalkAsync(inviter);
        await RunJobAsync();
        Assert.Empty(push.For(device));
        Assert.Equal(0, MailsTo(partnerEmail));
    }

    [Fact]
    public async Task An_invitation_cancelled_or_taken_up_before_the_notice_is_due_sends_nothing()
    {
        using var push = new TestPushService();
        // Quiet hours now for both partners, so the notices wait.
        var quiet = Prefs(on: true, HourNow, (HourNow + 2) % 24);
        var (cancelling, _, cancelledEmail, cancelledDevice) = await CoupleAsync(push, "Tamsin", "Ulrich", quiet);
        var (inviting, joining, joinedEmail, joinedDevice) = await CoupleAsync(push, "Valentina", "Wendell", quiet);
        await InviteToTalkAsync(cancelling);
        await InviteToTalkAsync(inviting);
        await RunJobAsync();

        Assert.Null((await ActAsync(cancelling, "End")).Find("#waiting"));
        await ActAsync(joining, "Join");

        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await RunJobAsync();
        await RunJobAsync();
        Assert.Empty(push.For(cancelledDevice));
        Assert.Empty(push.For(joinedDevice));
        Assert.Equal(0, MailsTo(cancelledEmail));
        Assert.Equal(0, MailsTo(joinedEmail));
    }

    [Fact]
    public async Task When_the_inviter_rests_nothing_is_sent_and_the_partner_sees_a_concern_as_a_pause()
    {
        using var push = new TestPushService();
        var partnerViews = new List<List<string>>();
        foreach (var concern in new[] { false, true })
        {
            var (inviter, partner, partnerEmail, device) = await CoupleAsync(push, "Xanthe", "Yannick", Prefs(on: true));
            await InviteToTalkAsync(inviter);

            // decisions/0027: a concern is compared with the inviter's own neutral pause, not with no rest at all.
            await TakeCheckAsync(app, inviter, concern ? WithConcern : Ordinary);
            if (!concern)
            {
                await inviter.SubmitAsync(
                    await inviter.GetAsync("/repair"),
                    "pause-for-two",
                    new Dictionary<string, string> { ["pause"] = "on" }
                );
            }

            await RunJobAsync();
            Assert.Empty(push.For(device));
            Assert.Equal(0, MailsTo(partnerEmail));

            var views = new List<string>();
            foreach (var page in new[] { "/", "/talk", "/talk/conversation" })
            {
                views.Add(SamePage.AcrossCouples((await partner.GetAsync(page)).Html));
            }

            partnerViews.Add(views);
        }

        for (var i = 0; i < partnerViews[0].Count; i++)
        {
            Assert.True(partnerViews[0][i] == partnerViews[1][i], SamePage.Difference(partnerViews[0][i], partnerViews[1][i]));
        }
    }
}

public sealed class ConversationNoticeTestsOnSqlite(PushSqliteApp app) : ConversationNoticeTests(app), IClassFixture<PushSqliteApp>;

public sealed class ConversationNoticeTestsOnPostgres(PushPostgresApp app) : ConversationNoticeTests(app), IClassFixture<PushPostgresApp>;
