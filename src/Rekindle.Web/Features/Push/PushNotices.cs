using System.Globalization;
using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Push;

/// <summary>
/// Sends a notice to each of the member's devices with notifications on, as <see cref="SendDueNotices"/>
/// decides (the same notice, after the same per-kind switches and quiet hours, under the same claim, so
/// once across servers). The payload is encrypted for the device by the push library (RFC 8291) and holds
/// one fixed line and a path on this site: no name, nothing anyone wrote, no kind. A device the push
/// service no longer knows (404 or 410) is forgotten.
/// </summary>
public sealed class PushNotices(
    AppDbContext db,
    Sealer sealer,
    PushKeys keys,
    IOptions<PushOptions> options,
    IHttpClientFactory httpClients,
    PublicAddress address,
    ILogger<PushNotices> logger
)
{
    internal const string HttpClientName = "push";

    /// <summary>How many devices were sent the notice.</summary>
    public async Task<int> SendAsync(Notice notice, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        // A paused sign-in is about the account, not something waiting: it stays an email (decisions/0034).
        if (!options.Value.Enabled || notice.Kind == NoticeKind.SignInPaused)
        {
            return 0;
        }

        var devices = await db
            .PushDevices.AsNoTracking()
            .Where(d => d.MemberId == notice.MemberId && db.MemberSessions.Any(s => s.Id == d.SessionId && s.EndedAt == null))
            .ToListAsync(cancellationToken);
        if (devices.Count == 0)
        {
            return 0;
        }

        string body;
        using (CultureScope.Use(culture))
        {
            body = Text.Of("Something is waiting for you in Rekindle.");
        }

        var payload = JsonSerializer.Serialize(new PushPayload("Rekindle", body, PathOf(notice.Kind)), PushJson.Default.PushPayload);
        var vapid = await keys.GetAsync(cancellationToken);
        using var authentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = Subject() };
        var client = new PushServiceClient(httpClients.CreateClient(HttpClientName))
        {
            DefaultAuthentication = authentication,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false,
        };

        var sent = 0;
        foreach (var device in devices)
        {
            var subscription = PushEndpoint.FromJson(
                await sealer.OpenAsync(device.Subscription, PushDevice.SubscriptionPlace(device.Id, device.MemberId), cancellationToken)
            );
            if (subscription is null)
            {
                continue;
            }

            var target = new PushSubscription { Endpoint = subscription.Endpoint };
            target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
            target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
            try
            {
                await client.RequestPushMessageDeliveryAsync(
                    target,
                    new PushMessage(payload) { TimeToLive = 24 * 60 * 60, Urgency = PushMessageUrgency.Normal },
                    cancellationToken
                );
                sent++;
            }
            catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                // The browser unsubscribed, or the push service dropped it: nothing will ever arrive there again.
                await db.PushDevices.Where(d => d.Id == device.Id).ExecuteDeleteAsync(cancellationToken);
                logger.LogInformation("Push device {Device} is gone at its push service; forgotten", device.Id);
            }
            catch (Exception e)
                when (e is PushServiceClientException or HttpRequestException or TaskCanceledException
                    && !cancellationToken.IsCancellationRequested
                )
            {
                // Ids and the type only. The email has its own retries; a notification is not worth a second try.
                logger.LogWarning("Push to device {Device} failed ({Error})", device.Id, e.GetType().Name);
            }
        }

        return sent;
    }

    /// <summary>Where a notification opens: the area it is about, never more (no ids, nothing private).</summary>
    internal static string PathOf(NoticeKind kind) =>
        kind switch
        {
            NoticeKind.DailyQuestionWaiting or NoticeKind.PartnerAnswered => "/talk",
            NoticeKind.PartnerCheckedIn or NoticeKind.CheckInWaiting => "/talk/check-in",
            NoticeKind.DateNews or NoticeKind.DateTomorrow or NoticeKind.DateSoon => "/time-together",
            NoticeKind.Nudge => "/spontaneity",
            NoticeKind.ConversationWaiting => "/talk/conversation",
            NoticeKind.ProgramSession => "/program",
            _ => "/",
        };

    private string Subject()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Contact))
        {
            return options.Value.Contact;
        }

        var site = address.ForBackground();
        return site.StartsWith("https://", StringComparison.Ordinal) ? site : "mailto:postmaster@localhost";
    }
}

public static class PushFeature
{
    public static WebApplicationBuilder AddPush(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PushOptions>().BindConfiguration(PushOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PushKeys>();
        builder.Services.AddScoped<PushDevices>();
        builder.Services.AddScoped<SubscribeDevice>();
        builder.Services.AddScoped<RemoveDevice>();
        builder.Services.AddScoped<PushNotices>();
        builder.Services.AddScoped<MyData.IExportSection, PushExport>();
        builder
            .Services.AddHttpClient(PushNotices.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            // Never followed elsewhere: the server posts only to the push service the address names.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return builder;
    }

    /// <summary>Makes the instance's VAPID key at the first start (when push is on), so every server finds it ready.</summary>
    public static async Task MakePushKeysAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<PushOptions>>().Value.Enabled)
        {
            await app.Services.GetRequiredService<PushKeys>().GetAsync();
        }
    }
}
