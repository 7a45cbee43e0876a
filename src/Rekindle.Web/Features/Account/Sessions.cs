using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Account;

/// <summary>What the member's own pages show of a session or an event, with the device opened.</summary>
public sealed record SessionView(
    Guid Id,
    string Device,
    DateTime CreatedAt,
    DateTime LastSeenAt,
    DateTime? EndedAt,
    SessionKind Kind = SessionKind.Browser
);

public sealed record SecurityEventView(DateTime At, SecurityEventKind Kind, string Device, int? Detail = null, Guid? ConnectionId = null);

/// <summary>
/// What every session use case shares: the claims that tie a sign-in to its server-side session, and
/// the device a request comes from. The use cases are <see cref="StartSession"/>, <see cref="CheckSession"/>,
/// <see cref="EndSession"/>, <see cref="EndOtherSessions"/>, <see cref="GetSessions"/> and <see cref="GetSecurityLog"/>;
/// <see cref="SecurityLog"/> writes the member's own security log.
/// </summary>
public static class Sessions
{
    public const string ClaimType = "rekindle:sid";

    internal const string UnknownDevice = "an unknown device";

    /// <summary>On a professional's requests only (decisions/0044): their <see cref="Practice.MemberRole"/>, read with the session
    /// check on every request, never kept from sign-in.</summary>
    public const string RoleClaimType = "rekindle:role";

    /// <summary>On a professional's requests only: "off" while they have no authenticator app.</summary>
    public const string SecondFactorClaimType = "rekindle:second-factor";

    /// <summary>Puts the holder's role on this request's principal; a partner's principal stays as it was.</summary>
    public static void Describe(ClaimsPrincipal principal, SessionHolder holder)
    {
        if (principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        // A renewed cookie may carry the last request's claims: replace them, never add twice.
        foreach (var old in identity.Claims.Where(c => c.Type is RoleClaimType or SecondFactorClaimType).ToList())
        {
            identity.RemoveClaim(old);
        }

        if (holder.Role != Practice.MemberRole.Partner)
        {
            identity.AddClaim(new Claim(RoleClaimType, holder.Role.ToString()));
            identity.AddClaim(new Claim(SecondFactorClaimType, holder.SecondFactor ? "on" : "off"));
        }
    }

    public static Guid? SessionIdOf(ClaimsPrincipal? user) => Guid.TryParse(user?.FindFirstValue(ClaimType), out var id) ? id : null;

    public static Guid? MemberIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>"Firefox on Android": enough for a member to recognise their own devices, no more.</summary>
    public static string DeviceOf(HttpContext? context)
    {
        var agent = context?.Request.Headers.UserAgent.ToString() ?? "";
        string browser = agent switch
        {
            _ when agent.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when agent.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when agent.Contains("Chrome/", StringComparison.Ordinal) || agent.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when agent.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => "A browser",
        };
        string system = agent switch
        {
            _ when agent.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal) =>
                "iPhone or iPad",
            _ when agent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when agent.Contains("Mac OS", StringComparison.Ordinal) => "Mac",
            _ when agent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => "an unknown system",
        };
        return $"{browser} on {system}";
    }
}

/// <summary>The member's own security log: what happened to their account, from which device. Shared by every use case that writes to
/// it.</summary>
public sealed class SecurityLog(AppDbContext db, TimeProvider clock, IHttpContextAccessor accessor, Sealer sealer)
{
    /// <summary>What an operator's action shows as its device (decisions/0045): never the operator's own browser.</summary>
    public const string ServerDevice = "the server";

    /// <summary>Writes one line; <c>byOperator</c> when the operator did this (the admin page or the command line): its device
    /// is then <see cref="ServerDevice"/>, not the browser of the request.</summary>
    public async Task RecordAsync(
        Guid memberId,
        SecurityEventKind kind,
        int? detail = null,
        Guid? connectionId = null,
        bool byOperator = false
    )
    {
        var id = Guid.NewGuid();
        var device = await sealer.SealAsync(
            byOperator ? ServerDevice : Sessions.DeviceOf(accessor.HttpContext),
            SecurityEvent.DevicePlace(id, memberId)
        );
        db.SecurityEvents.Add(
            new SecurityEvent
            {
                Id = id,
                MemberId = memberId,
                At = clock.GetUtcNow().UtcDateTime,
                Kind = kind,
                Detail = detail,
                ConnectionId = connectionId,
                Device = device,
            }
        );
        await db.SaveChangesAsync();
    }
}

/// <summary>Starts a server-side session; an API client's carries the hash of its first refresh token (ApiTokens).</summary>
public sealed class StartSession(AppDbContext db, TimeProvider clock, IHttpContextAccessor accessor, Sealer sealer, SecurityLog log)
{
    public async Task<Guid> HandleAsync(
        Guid memberId,
        SessionKind kind = SessionKind.Browser,
        string? refreshTokenHash = null,
        DateTime? refreshExpiresAt = null,
        Guid? id = null
    )
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sessionId = id ?? Guid.NewGuid();
        var device = await sealer.SealAsync(Sessions.DeviceOf(accessor.HttpContext), MemberSession.DevicePlace(sessionId, memberId));
        var session = new MemberSession
        {
            Id = sessionId,
            MemberId = memberId,
            Device = device,
            CreatedAt = now,
            LastSeenAt = now,
            Kind = kind,
            RefreshTokenHash = refreshTokenHash,
            RefreshExpiresAt = refreshExpiresAt,
        };
        db.MemberSessions.Add(session);
        await db.SaveChangesAsync();
        await log.RecordAsync(memberId, SecurityEventKind.SignedIn);
        return session.Id;
    }
}

/// <summary>Who holds an open session: what the professional guard needs (decisions/0044), read with the session check itself.</summary>
public sealed record SessionHolder(Practice.MemberRole Role, bool SecondFactor);

/// <summary>True while the session is open and its member not turned off; notes that it was seen.</summary>
public sealed class CheckSession(AppDbContext db, TimeProvider clock)
{
    // Last-seen times are rounded to this, so a busy member costs one write every few minutes, not per request.
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    public async Task<bool> HandleAsync(Guid memberId, Guid sessionId) => await HolderAsync(memberId, sessionId) is not null;

    /// <summary>The session's member's role and second factor while it is open, or null: one query, so knowing the role costs
    /// no more than checking the session did.</summary>
    public async Task<SessionHolder?> HolderAsync(Guid memberId, Guid sessionId)
    {
        var seen = await db
            .MemberSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MemberId == memberId && s.EndedAt == null)
            .Join(
                db.Users,
                s => s.MemberId,
                m => m.Id,
                (s, m) =>
                    new
                    {
                        s.LastSeenAt,
                        m.Role,
                        m.TwoFactorEnabled,
                        m.DisabledAt,
                    }
            )
            .FirstOrDefaultAsync();

        // A member the operator turned off (decisions/0045) has no open session, from the next request on.
        if (seen is null || seen.DisabledAt is not null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - seen.LastSeenAt > SeenResolution)
        {
            await db.MemberSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }

        return new SessionHolder(seen.Role, seen.TwoFactorEnabled);
    }
}

/// <summary>Ends one of the member's own sessions. Another member's session id is simply not found.</summary>
public sealed class EndSession(AppDbContext db, TimeProvider clock, SecurityLog log, Push.PushDevices push)
{
    public async Task<bool> HandleAsync(Guid memberId, Guid sessionId, SecurityEventKind why)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db
            .MemberSessions.Where(s => s.Id == sessionId && s.MemberId == memberId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        if (ended > 0)
        {
            // A signed-out device shows no more notifications.
            await push.ForgetEndedAsync(memberId);
            await log.RecordAsync(memberId, why);
        }

        return ended > 0;
    }
}

/// <summary>
/// Ends every open session of the member, browsers and API clients alike, except the one making this
/// request when it is the member's own. Their cookies and access tokens stop on their next request,
/// and their refresh tokens are refused. Returns how many were ended.
/// </summary>
public sealed class EndOtherSessions(
    AppDbContext db,
    TimeProvider clock,
    IHttpContextAccessor accessor,
    SecurityLog log,
    Push.PushDevices push
)
{
    public async Task<int> HandleAsync(Guid memberId)
    {
        var user = accessor.HttpContext?.User;
        var keep = Sessions.MemberIdOf(user) == memberId ? Sessions.SessionIdOf(user) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db
            .MemberSessions.Where(s => s.MemberId == memberId && s.EndedAt == null && (keep == null || s.Id != keep))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        if (ended > 0)
        {
            await push.ForgetEndedAsync(memberId);
            await log.RecordAsync(memberId, SecurityEventKind.OtherDevicesSignedOut, ended);
        }

        return ended;
    }
}

/// <summary>The member's sessions, newest first, with their devices opened; only the open ones when asked.</summary>
public sealed class GetSessions(AppDbContext db, Sealer sealer)
{
    public async Task<List<SessionView>> HandleAsync(Guid memberId, bool openOnly = false)
    {
        var rows = await db
            .MemberSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && (!openOnly || s.EndedAt == null))
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync();
        var views = new List<SessionView>(rows.Count);
        foreach (var s in rows)
        {
            var device = await sealer.OpenAsync(s.Device, MemberSession.DevicePlace(s.Id, memberId)) ?? Sessions.UnknownDevice;
            views.Add(new SessionView(s.Id, device, s.CreatedAt, s.LastSeenAt, s.EndedAt, s.Kind));
        }

        return views;
    }
}

/// <summary>The member's own security log, newest first.</summary>
public sealed class GetSecurityLog(AppDbContext db, Sealer sealer)
{
    public async Task<List<SecurityEventView>> HandleAsync(Guid memberId, int count = 50)
    {
        var rows = await db
            .SecurityEvents.AsNoTracking()
            .Where(e => e.MemberId == memberId)
            .OrderByDescending(e => e.At)
            .Take(count)
            .ToListAsync();
        var views = new List<SecurityEventView>(rows.Count);
        foreach (var e in rows)
        {
            views.Add(
                new SecurityEventView(
                    e.At,
                    e.Kind,
                    await sealer.OpenAsync(e.Device, SecurityEvent.DevicePlace(e.Id, memberId)) ?? Sessions.UnknownDevice,
                    e.Detail,
                    e.ConnectionId
                )
            );
        }

        return views;
    }
}

/// <summary>
/// Ties the Identity cookie to a server-side session: every sign-in path (password, code, passkey)
/// passes through SigningIn, where the session starts; every request checks it is still open.
/// </summary>
public sealed class SessionCookieEvents(StartSession start, CheckSession check) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || Sessions.MemberIdOf(context.Principal) is not { } memberId)
        {
            return;
        }

        // A refresh of an existing sign-in (after changing the password, say) keeps its session.
        var current = context.HttpContext.User;
        var sessionId =
            Sessions.MemberIdOf(current) == memberId
            && Sessions.SessionIdOf(current) is { } existing
            && await check.HandleAsync(memberId, existing)
                ? existing
                : await start.HandleAsync(memberId);
        identity.AddClaim(new Claim(Sessions.ClaimType, sessionId.ToString()));
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (
            Sessions.MemberIdOf(context.Principal) is not { } memberId
            || Sessions.SessionIdOf(context.Principal) is not { } sessionId
            || await check.HolderAsync(memberId, sessionId) is not { } holder
        )
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        Sessions.Describe(context.Principal!, holder);

        // The open session is the one authority (decisions/0025): a password change, a reset or a change
        // of second factor ends the other sessions explicitly (EndOtherSessions), so a member who
        // chose to stay signed in elsewhere stays signed in, and /account/activity tells the truth.
        // Identity's security-stamp check would sign those devices out later anyway, unseen.
    }
}
