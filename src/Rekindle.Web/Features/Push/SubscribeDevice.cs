using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Push;

/// <summary>The "Notify this device" form: what the browser's push subscription gave the page's script.</summary>
public sealed record SubscribeDeviceRequest(string? Endpoint, string? P256dh, string? Auth);

/// <summary>
/// Turns notifications on for the device making the request: its subscription is sealed and tied to the
/// member and this session. The same browser subscribing again (for this member or another) replaces its row.
/// </summary>
public sealed class SubscribeDevice(
    AppDbContext db,
    PushDevices devices,
    Sealer sealer,
    IOptions<PushOptions> options,
    IHttpContextAccessor accessor,
    TimeProvider clock
)
{
    /// <summary>A member's devices beyond this many: the oldest stops, so a script cannot fill the table.</summary>
    internal const int MaxDevices = 10;

    internal const int MaxEndpointLength = 800;

    public async Task<Outcome<Guid>> HandleAsync(SubscribeDeviceRequest request, CancellationToken cancellationToken = default)
    {
        var user = accessor.HttpContext?.User;
        if (!options.Value.Enabled || Sessions.MemberIdOf(user) is not { } memberId || Sessions.SessionIdOf(user) is not { } sessionId)
        {
            return Problem.NotFound(Text.Of("Notifications aren't offered on this server."));
        }

        if (!Valid(request, options.Value, out var endpoint))
        {
            return Problem.Invalid(
                "endpoint",
                Text.Of("This browser's answer couldn't be used. Please try again, or use email reminders.")
            );
        }

        var hash = devices.HashOf(endpoint.Endpoint);
        await db
            .PushDevices.Where(d => d.EndpointHash == hash || (d.MemberId == memberId && d.SessionId == sessionId))
            .ExecuteDeleteAsync(cancellationToken);
        var id = Guid.NewGuid();
        db.PushDevices.Add(
            new PushDevice
            {
                Id = id,
                MemberId = memberId,
                SessionId = sessionId,
                EndpointHash = hash,
                Subscription = await sealer.SealAsync(endpoint.ToJson(), PushDevice.SubscriptionPlace(id, memberId), cancellationToken),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            }
        );
        await db.SaveChangesAsync(cancellationToken);

        var extra = await db
            .PushDevices.Where(d => d.MemberId == memberId)
            .OrderByDescending(d => d.CreatedAt)
            .Skip(MaxDevices)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        if (extra.Count > 0)
        {
            await db.PushDevices.Where(d => extra.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return Outcome<Guid>.Ok(id);
    }

    // An https address at one of the configured push services (http only on this machine's loopback, for tests), a
    // P-256 public point and a 16-byte secret: the server never posts anywhere a browser merely names.
    internal static bool Valid(SubscribeDeviceRequest request, PushOptions options, out PushEndpoint endpoint)
    {
        endpoint = new PushEndpoint("", "", "");
        if (
            request.Endpoint is not { Length: > 0 and <= MaxEndpointLength } address
            || !Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || !options.Hosts.Any(h =>
                uri.IdnHost.Equals(h, StringComparison.OrdinalIgnoreCase)
                || uri.IdnHost.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)
            )
            || !Decodes(request.P256dh, 65, out var point)
            || point[0] != 0x04
            || !Decodes(request.Auth, 16, out _)
        )
        {
            return false;
        }

        endpoint = new PushEndpoint(address, request.P256dh!, request.Auth!);
        return true;
    }

    private static bool Decodes(string? text, int length, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length > 100)
        {
            return false;
        }

        try
        {
            bytes = System.Buffers.Text.Base64Url.DecodeFromChars(text.TrimEnd('='));
            return bytes.Length == length;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>Stops notifications on one of the member's own devices. Another member's device is simply not found.</summary>
public sealed class RemoveDevice(AppDbContext db, IHttpContextAccessor accessor)
{
    public async Task<Outcome<bool>> HandleAsync(Guid deviceId, CancellationToken cancellationToken = default)
    {
        var removed =
            Sessions.MemberIdOf(accessor.HttpContext?.User) is { } memberId
            && await db.PushDevices.Where(d => d.Id == deviceId && d.MemberId == memberId).ExecuteDeleteAsync(cancellationToken) > 0;
        return removed
            ? Outcome<bool>.Ok(true)
            : Problem.NotFound(Text.Of("That device wasn't found. Its notifications may already be off."));
    }
}
