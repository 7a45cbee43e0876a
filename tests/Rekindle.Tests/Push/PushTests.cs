using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Push;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Push;

/// <summary>
/// Web Push (issue 24 point 2, decisions/0034), against a stand-in push service on loopback that checks the
/// VAPID signature and decrypts each payload with the subscription's own keys (RFC 8291): a device is turned
/// on, listed and stopped through the pages; the same notices as email reach it once, content-free, under the
/// same switches and quiet hours; a device the push service no longer knows is forgotten; nobody else can
/// see or stop a member's device.
/// </summary>
public abstract class PushTests(RekindleFactory app)
{
    /// <summary>The stand-in push service is on this machine's loopback: the one host it may send to besides the real services.</summary>
    internal static readonly Dictionary<string, string?> Settings = new() { ["Push:ServiceHosts"] = "127.0.0.1" };

    private static readonly Dictionary<string, string> Fixed = new()
    {
        ["timeZone"] = "UTC",
        ["noticeAnswered"] = "yes",
        ["quietFrom"] = "0",
        ["quietTo"] = "0",
    };

    private async Task<(TestBrowser Asker, TestBrowser Partner, string PartnerEmail)> CoupleAsync(string first, string second)
    {
        var (a, _) = await MemberAsync(app, first);
        var (b, bEmail) = await MemberAsync(app, second);
        await JoinAsync(b, await InviteAsync(a));
        return (a, b, bEmail);
    }

    private static async Task<Page> PreferencesAsync(TestBrowser browser, Dictionary<string, string> fields) =>
        await browser.SubmitAsync(await browser.GetAsync("/account/notifications"), "preferences", fields);

    private static async Task<Page> SubscribeAsync(TestBrowser browser, TestPushSubscription subscription) =>
        await browser.SubmitAsync(await browser.GetAsync("/account/notifications"), "push-subscribe", subscription.Form());

    private static async Task AnswerAsync(TestBrowser browser, string text) =>
        await browser.SubmitAsync(
            await browser.GetAsync("/talk"),
            "daily",
            new Dictionary<string, string> { ["text"] = text, ["go"] = "answer" }
        );

    private async Task RunJobAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
    }

    private Task<int> DevicesOfAsync(string email) =>
        app.WithDbAsync(db => db.PushDevices.CountAsync(d => db.Users.Any(u => u.Id == d.MemberId && u.Email == email)));

    [Fact]
    public async Task A_device_is_turned_on_listed_and_stopped_through_the_pages_and_sealed_at_rest()
    {
        using var push = new TestPushService();
        var (browser, email) = await MemberAsync(app, "Noor");
        var page = await browser.GetAsync("/account/notifications");
        var form = page.Find("#push-subscribe")!;
        var key = System.Buffers.Text.Base64Url.DecodeFromChars(form.GetAttribute("data-key")!);
        Assert.Equal(65, key.Length);
        Assert.Equal(0x04, key[0]);
        Assert.Contains("never what, or from whom", page.TextOf("#push-reveals"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("#push-no-script"));

        var subscription = push.Subscribe();
        page = await SubscribeAsync(browser, subscription);
        Assert.Equal("Notifications are on for this device.", page.TextOf("#push-message"));
        Assert.NotNull(page.Find("#push-stop"));
        Assert.Null(page.Find("#push-subscribe"));
        Assert.Equal(1, await DevicesOfAsync(email));

        // Sealed with the member's key: the push address and keys are not in the database in the clear.
        var stored = await app.WithDbAsync(db =>
            db.PushDevices.Where(d => db.Users.Any(u => u.Id == d.MemberId && u.Email == email)).Select(d => d.Subscription).SingleAsync()
        );
        Assert.StartsWith("rk1.", stored.Envelope, StringComparison.Ordinal);
        var raw = await app.WithDbAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT \"Subscription\" AS \"Value\" FROM \"PushDevices\"").ToListAsync()
        );
        Assert.All(raw, value => Assert.DoesNotContain("127.0.0.1", value, StringComparison.Ordinal));
        Assert.All(raw, value => Assert.DoesNotContain(subscription.Auth, value, StringComparison.Ordinal));

        // The same browser subscribing again replaces its row.
        await browser.SubmitAsync(page, "push-stop");
        Assert.Equal(0, await DevicesOfAsync(email));
        await SubscribeAsync(browser, subscription);
        var again = app.NewBrowser();
        await SignInAsync(again, email);
        await SubscribeAsync(again, subscription);
        Assert.Equal(1, await DevicesOfAsync(email));

        // Listed under this device in "Where you're signed in", and stopped there.
        var activity = await browser.GetAsync("/account/activity");
        Assert.Single(activity.Document.QuerySelectorAll("form.push-stop"));
        Assert.Contains("Shows Rekindle's notifications", activity.Text, StringComparison.Ordinal);
        activity = await browser.SubmitAsync(activity, "stop-push");
        Assert.Contains("That device won't show notifications any more.", activity.Text, StringComparison.Ordinal);
        Assert.Empty(activity.Document.QuerySelectorAll("form.push-stop"));
        Assert.Equal(0, await DevicesOfAsync(email));
    }

    [Fact]
    public async Task An_address_outside_the_push_services_is_refused()
    {
        var (browser, email) = await MemberAsync(app, "Ines");
        foreach (var endpoint in new[] { "https://attacker.example/steal", "http://10.0.0.7/push/x", "javascript:alert(1)", "" })
        {
            var fields = new Dictionary<string, string>
            {
                ["endpoint"] = endpoint,
                ["p256dh"] = System.Buffers.Text.Base64Url.EncodeToString([0x04, .. new byte[64]]),
                ["auth"] = System.Buffers.Text.Base64Url.EncodeToString(new byte[16]),
            };
            var page = await browser.SubmitAsync(await browser.GetAsync("/account/notifications"), "push-subscribe", fields);
            Assert.Contains("couldn't be used", page.TextOf("#push-message"), StringComparison.Ordinal);
        }

        Assert.Equal(0, await DevicesOfAsync(email));
    }

    [Fact]
    public async Task A_notice_reaches_each_device_once_encrypted_signed_and_content_free_even_with_two_senders()
    {
        using var push = new TestPushService();
        var (asker, partner, partnerEmail) = await CoupleAsync("Ottoline", "Bartholomew");
        await PreferencesAsync(partner, Fixed);
        var phone = push.Subscribe();
        var laptop = push.Subscribe();
        await SubscribeAsync(partner, phone);
        var second = app.NewBrowser();
        await SignInAsync(second, partnerEmail);
        await SubscribeAsync(second, laptop);
        Assert.Null((await partner.GetAsync("/")).Find("#push-ask"));

        await AnswerAsync(asker, "Pushmarker answer written by Ottoline");
        // The partner's first turn: home asks once, kindly, on a device without notifications (push.js shows it).
        var third = app.NewBrowser();
        await SignInAsync(third, partnerEmail);
        Assert.NotNull((await third.GetAsync("/")).Find("#push-ask"));
        Assert.Null((await partner.GetAsync("/")).Find("#push-ask"));

        await Task.WhenAll(RunJobAsync(), RunJobAsync(), RunJobAsync());
        await RunJobAsync();

        Assert.Empty(push.Refused);
        foreach (var device in new[] { phone, laptop })
        {
            var received = Assert.Single(push.For(device));
            var payload = JsonDocument.Parse(received.Plaintext).RootElement;
            Assert.Equal("Rekindle", payload.GetProperty("title").GetString());
            Assert.Equal("Something is waiting for you in Rekindle.", payload.GetProperty("body").GetString());
            Assert.Equal("/talk", payload.GetProperty("path").GetString());
            Assert.Equal(3, payload.EnumerateObject().Count());
            foreach (var secret in new[] { "Pushmarker", "Ottoline", "Bartholomew", partnerEmail, "answer", "partner" })
            {
                Assert.DoesNotContain(secret, received.Plaintext, StringComparison.OrdinalIgnoreCase);
            }

            Assert.StartsWith("http://127.0.0.1", received.Claims.GetProperty("aud").GetString(), StringComparison.Ordinal);
            Assert.NotNull(received.Ttl);
        }

        // Signed by the instance's one VAPID key, the one the page gives browsers to subscribe with.
        var pageKey = (await partner.GetAsync("/account/notifications")).Find("#push-subscribe")?.GetAttribute("data-key");
        var keys = await app.Services.GetRequiredService<PushKeys>().GetAsync();
        Assert.All(push.Received, r => Assert.Equal(keys.PublicKey, r.VapidPublicKey));
        Assert.True(pageKey is null || pageKey == keys.PublicKey);

        // The email went too, once.
        Assert.Single(app.Mail.All, m => TheirTurn(m, partnerEmail));
    }

    private static bool TheirTurn(MimeKit.MimeMessage mail, string to) =>
        mail.To.Mailboxes.Any(x => x.Address == to) && (mail.Subject ?? "").Contains("their turn", StringComparison.Ordinal);

    [Fact]
    public async Task Quiet_hours_hold_a_push_as_they_hold_the_email_and_a_kind_turned_off_sends_none()
    {
        using var push = new TestPushService();
        var (asker, partner, _) = await CoupleAsync("Quinn", "Rafe");
        var hour = app.Clock.GetUtcNow().UtcDateTime.Hour;
        await PreferencesAsync(
            partner,
            new Dictionary<string, string>(Fixed)
            {
                ["quietFrom"] = hour.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["quietTo"] = ((hour + 2) % 24).ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
        var quiet = push.Subscribe();
        await SubscribeAsync(partner, quiet);

        var (otherAsker, offPartner, _) = await CoupleAsync("Saoirse", "Tomas");
        await PreferencesAsync(offPartner, new Dictionary<string, string>(Fixed) { ["noticeAnswered"] = "no" });
        var off = push.Subscribe();
        await SubscribeAsync(offPartner, off);

        await AnswerAsync(asker, "Quiet hours");
        await AnswerAsync(otherAsker, "Turned off");
        await RunJobAsync();
        Assert.Empty(push.For(quiet));
        Assert.Empty(push.For(off));

        // When the quiet hours end, the held notice goes to the device, once; the one turned off never does.
        app.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        await RunJobAsync();
        await RunJobAsync();
        Assert.Single(push.For(quiet));
        Assert.Empty(push.For(off));
        Assert.Empty(push.Refused);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task A_device_the_push_service_no_longer_knows_is_forgotten(HttpStatusCode answer)
    {
        using var push = new TestPushService();
        var (asker, partner, partnerEmail) = await CoupleAsync("Uma", "Vik");
        await PreferencesAsync(partner, Fixed);
        var gone = push.Subscribe();
        await SubscribeAsync(partner, gone);
        gone.Answer = answer;
        Assert.Equal(1, await DevicesOfAsync(partnerEmail));

        await AnswerAsync(asker, "Gone");
        await RunJobAsync();

        Assert.Equal(0, await DevicesOfAsync(partnerEmail));
        Assert.Empty((await partner.GetAsync("/account/activity")).Document.QuerySelectorAll("form.push-stop"));
        // The email is not held back by a device that is gone.
        Assert.Single(app.Mail.All, m => TheirTurn(m, partnerEmail));
    }

    [Fact]
    public async Task Nobody_else_sees_or_stops_a_members_device_and_signing_a_device_out_stops_it()
    {
        using var push = new TestPushService();
        var (asker, partner, partnerEmail) = await CoupleAsync("Wren", "Xavi");
        var (stranger, _) = await MemberAsync(app, "Yara");
        await SubscribeAsync(partner, push.Subscribe());
        await SubscribeAsync(asker, push.Subscribe());
        await SubscribeAsync(stranger, push.Subscribe());
        var device = await app.WithDbAsync(db =>
            db.PushDevices.Where(d => db.Users.Any(u => u.Id == d.MemberId && u.Email == partnerEmail))
                .Select(d => new { d.Id, d.SessionId })
                .SingleAsync()
        );
        var partnerDevice = device.Id;

        foreach (var other in new[] { asker, stranger })
        {
            var activity = await other.GetAsync("/account/activity");
            Assert.Single(activity.Document.QuerySelectorAll("form.push-stop"));
            Assert.DoesNotContain(partnerDevice.ToString(), activity.Html, StringComparison.OrdinalIgnoreCase);
            activity = await other.SubmitAsync(
                activity,
                "stop-push",
                new Dictionary<string, string> { ["deviceId"] = partnerDevice.ToString() }
            );
            Assert.Contains("wasn't found", activity.Text, StringComparison.Ordinal);
            var notifications = await other.GetAsync("/account/notifications");
            await other.SubmitAsync(notifications, "push-stop", new Dictionary<string, string> { ["deviceId"] = partnerDevice.ToString() });
        }

        Assert.Equal(1, await DevicesOfAsync(partnerEmail));

        // Signed out from another device: that device shows nothing any more.
        var second = app.NewBrowser();
        await SignInAsync(second, partnerEmail);
        var activityPage = await second.GetAsync("/account/activity");
        await second.SubmitAsync(activityPage, "revoke", new Dictionary<string, string> { ["sessionId"] = device.SessionId.ToString() });
        Assert.Equal(0, await DevicesOfAsync(partnerEmail));
    }
}

public abstract class PushDataTests(RekindleFactory app)
{
    [Fact]
    public async Task The_export_lists_notified_devices_without_their_keys_and_deleting_the_account_removes_them()
    {
        using var push = new TestPushService();
        using var subscription = push.Subscribe();
        var (browser, email) = await MemberAsync(app, "Ines");
        await browser.SubmitAsync(await browser.GetAsync("/account/notifications"), "push-subscribe", subscription.Form());
        Assert.Equal(
            1,
            await app.WithDbAsync(db => db.PushDevices.CountAsync(d => db.Users.Any(u => u.Id == d.MemberId && u.Email == email)))
        );

        var page = await browser.GetAsync("/account/data");
        var token = page.Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var response = await browser.Client.PostAsync("/account/export/json", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        using (var document = JsonDocument.Parse(json))
        {
            var devices = document.RootElement.GetProperty("notifications").GetProperty("notifiedDevices");
            Assert.Equal(1, devices.GetArrayLength());
            Assert.Equal(JsonValueKind.String, devices[0].GetProperty("turnedOn").ValueKind);
            Assert.Equal(JsonValueKind.String, devices[0].GetProperty("signedIn").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(devices[0].GetProperty("device").GetString()));
        }

        Assert.DoesNotContain(subscription.Endpoint, json, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.P256dh, json, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Auth, json, StringComparison.Ordinal);

        var html = await browser.SubmitAsync(await browser.GetAsync("/account/data"), "/account/export/html");
        Assert.Contains("Notified devices", html.Text, StringComparison.Ordinal);
        Assert.Contains("Turned on", html.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Endpoint, html.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(subscription.Auth, html.Html, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var confirm = await browser.GetAsync("/account/delete");
        var delete = await browser.SubmitAsync(
            confirm,
            "confirm-password",
            new Dictionary<string, string> { ["Input.Password"] = GoodPassword }
        );
        var done = await browser.SubmitAsync(delete, "delete-account", new Dictionary<string, string> { ["confirmDelete"] = "yes" });
        Assert.Contains("Your account is deleted", done.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountMembersAsync(app, email));
        Assert.False(await app.WithDbAsync(db => db.PushDevices.AnyAsync(d => !db.Users.Any(u => u.Id == d.MemberId))));
    }
}

public sealed class PushDataTestsOnSqlite(PushSqliteApp app) : PushDataTests(app), IClassFixture<PushSqliteApp>;

public sealed class PushDataTestsOnPostgres(PushPostgresApp app) : PushDataTests(app), IClassFixture<PushPostgresApp>;

public sealed class PushSqliteApp() : RekindleFactory(TestProvider.Sqlite, PushTests.Settings);

public sealed class PushPostgresApp() : RekindleFactory(TestProvider.Postgres, PushTests.Settings);

public sealed class PushTestsOnSqlite(PushSqliteApp app) : PushTests(app), IClassFixture<PushSqliteApp>;

public sealed class PushTestsOnPostgres(PushPostgresApp app) : PushTests(app), IClassFixture<PushPostgresApp>;
