using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Account;

/// <summary>Server-side sessions and the member's own security log.</summary>
/// <summary>What the member's own pages show of a session or an event, with the device opened.</summary>
public sealed record SessionView(Guid Id, string Device, DateTime CreatedAt, DateTime LastSeenAt, DateTime? EndedAt, SessionKind Kind = SessionKind.Browser);

public sealed record SecurityEventView(DateTime At, SecurityEventKind Kind, string Device, int? Detail = null);

public sealed class Sessions(AppDbContext db, TimeProvider clock, IHttpContextAccessor accessor, Sealer sealer)
{
    private const string UnknownDevice = "an unknown device";

    public const string ClaimType = "rekindle:sid";

    // Last-seen times are rounded to this, so a busy member costs one write every few minutes, not per request.
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(5);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static Guid? SessionIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimType), out var id) ? id : null;

    public static Guid? MemberIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public Task<Guid> StartAsync(Guid memberId) => StartAsync(memberId, SessionKind.Browser, null, null);

    /// <summary>Starts a session; an API client's carries the hash of its first refresh token (ApiTokens).</summary>
    public async Task<Guid> StartAsync(Guid memberId, SessionKind kind, string? refreshTokenHash, DateTime? refreshExpiresAt, Guid? id = null)
    {
        var sessionId = id ?? Guid.NewGuid();
        var device = await sealer.SealAsync(DeviceOf(accessor.HttpContext), MemberSession.DevicePlace(sessionId, memberId));
        var session = new MemberSession
        {
            Id = sessionId, MemberId = memberId, Device = device, CreatedAt = Now, LastSeenAt = Now,
            Kind = kind, RefreshTokenHash = refreshTokenHash, RefreshExpiresAt = refreshExpiresAt,
        };
        db.MemberSessions.Add(session);
        await db.SaveChangesAsync();
        await RecordAsync(memberId, SecurityEventKind.SignedIn);
        return session.Id;
    }

    /// <summary>True while the session is open; notes that it was seen.</summary>
    public async Task<bool> IsOpenAsync(Guid memberId, Guid sessionId)
    {
        var lastSeen = await db.MemberSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.MemberId == memberId && s.EndedAt == null)
            .Select(s => (DateTime?)s.LastSeenAt)
            .FirstOrDefaultAsync();
        if (lastSeen is null)
        {
            return false;
        }

        if (Now - lastSeen.Value > SeenResolution)
        {
            var now = Now;
            await db.MemberSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }

        return true;
    }

    /// <summary>Ends one of the member's own sessions. Another member's session id is simply not found.</summary>
    public async Task<bool> EndAsync(Guid memberId, Guid sessionId, SecurityEventKind why)
    {
        var now = Now;
        var ended = await db.MemberSessions
            .Where(s => s.Id == sessionId && s.MemberId == memberId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        if (ended > 0)
        {
            await RecordAsync(memberId, why);
        }

        return ended > 0;
    }

    /// <summary>
    /// Ends every open session of the member, browsers and API clients alike, except <paramref name="keep"/>
    /// (the one making this request, when it is the member's own). Their cookies and access tokens stop on
    /// their next request, and their refresh tokens are refused. Returns how many were ended.
    /// </summary>
    public async Task<int> EndOthersAsync(Guid memberId, Guid? keep)
    {
        var now = Now;
        var ended = await db.MemberSessions
            .Where(s => s.MemberId == memberId && s.EndedAt == null && (keep == null || s.Id != keep))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        if (ended > 0)
        {
            await RecordAsync(memberId, SecurityEventKind.OtherDevicesSignedOut, ended);
        }

        return ended;
    }

    /// <summary>The session of this request when it belongs to <paramref name="memberId"/>, else null.</summary>
    public Guid? CurrentSessionOf(Guid memberId)
    {
        var user = accessor.HttpContext?.User;
        return MemberIdOf(user) == memberId ? SessionIdOf(user) : null;
    }

    public Task<List<SessionView>> OpenSessionsAsync(Guid memberId) => SessionsAsync(memberId, openOnly: true);

    public async Task<List<SessionView>> SessionsAsync(Guid memberId, bool openOnly = false)
    {
        var rows = await db.MemberSessions.AsNoTracking()
            .Where(s => s.MemberId == memberId && (!openOnly || s.EndedAt == null))
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync();
        var views = new List<SessionView>(rows.Count);
        foreach (var s in rows)
        {
            var device = await sealer.OpenAsync(s.Device, MemberSession.DevicePlace(s.Id, memberId)) ?? UnknownDevice;
            views.Add(new SessionView(s.Id, device, s.CreatedAt, s.LastSeenAt, s.EndedAt, s.Kind));
        }

        return views;
    }

    public async Task<List<SecurityEventView>> RecentEventsAsync(Guid memberId, int count = 50)
    {
        var rows = await db.SecurityEvents.AsNoTracking().Where(e => e.MemberId == memberId).OrderByDescending(e => e.At).Take(count).ToListAsync();
        var views = new List<SecurityEventView>(rows.Count);
        foreach (var e in rows)
        {
            views.Add(new SecurityEventView(e.At, e.Kind, await sealer.OpenAsync(e.Device, SecurityEvent.DevicePlace(e.Id, memberId)) ?? UnknownDevice, e.Detail));
        }

        return views;
    }

    public async Task RecordAsync(Guid memberId, SecurityEventKind kind, int? detail = null)
    {
        var id = Guid.NewGuid();
        var device = await sealer.SealAsync(DeviceOf(accessor.HttpContext), SecurityEvent.DevicePlace(id, memberId));
        db.SecurityEvents.Add(new SecurityEvent { Id = id, MemberId = memberId, At = Now, Kind = kind, Detail = detail, Device = device });
        await db.SaveChangesAsync();
    }

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
            _ when agent.Contains("iPhone", StringComparison.Ordinal) || agent.Contains("iPad", StringComparison.Ordinal) => "iPhone or iPad",
            _ when agent.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when agent.Contains("Mac OS", StringComparison.Ordinal) => "Mac",
            _ when agent.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => "an unknown system",
        };
        return $"{browser} on {system}";
    }
}

/// <summary>
/// Ties the Identity cookie to a server-side session: every sign-in path (password, code, passkey)
/// passes through SigningIn, where the session starts; every request checks it is still open.
/// </summary>
public sealed class SessionCookieEvents(Sessions sessions) : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || Sessions.MemberIdOf(context.Principal) is not { } memberId)
        {
            return;
        }

        // A refresh of an existing sign-in (after changing the password, say) keeps its session.
        var current = context.HttpContext.User;
        var sessionId = Sessions.MemberIdOf(current) == memberId && Sessions.SessionIdOf(current) is { } existing && await sessions.IsOpenAsync(memberId, existing)
            ? existing
            : await sessions.StartAsync(memberId);
        identity.AddClaim(new Claim(Sessions.ClaimType, sessionId.ToString()));
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (Sessions.MemberIdOf(context.Principal) is not { } memberId
            || Sessions.SessionIdOf(context.Principal) is not { } sessionId
            || !await sessions.IsOpenAsync(memberId, sessionId))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }

        // The open session is the one authority (decisions/0025): a password change, a reset or a change
        // of second factor ends the other sessions explicitly (Sessions.EndOthersAsync), so a member who
        // chose to stay signed in elsewhere stays signed in, and /account/activity tells the truth.
        // Identity's security-stamp check would sign those devices out later anyway, unseen.
    }
}
