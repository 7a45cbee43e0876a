using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Account;

/// <summary>How long API clients' tokens live (decisions/0021).</summary>
public sealed class ApiTokenOptions
{
    public const string Section = "ApiTokens";

    [Range(1, 60)]
    public int AccessMinutes { get; set; } = 15;

    [Range(1, 365)]
    public int RefreshDays { get; set; } = 30;
}

/// <summary>What an API client gets: a short-lived access token and the one refresh token that renews it.</summary>
public sealed record TokenPair(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

/// <summary>
/// Bearer tokens for API clients, each pair tied to a <see cref="MemberSession"/> of kind
/// <see cref="SessionKind.ApiClient"/>, so the member sees it in /account/activity and can end it.
/// The access token is the session id, the member id and an expiry, protected with Data Protection
/// (keys already sealed in the key store and shared by every server); each request also checks the
/// session is still open, so ending it stops the token at once. The refresh token is
/// "sessionId.secret"; only the SHA-256 of the current one is stored, it is replaced on every use,
/// and presenting an old one (a copy someone kept) ends the session. A password change or reset, or a
/// change of second factor, ends the member's other sessions (EndOtherSessions): both tokens of
/// each stop at once, since the session is checked on every request and every refresh (decisions/0025).
/// </summary>
/// <remarks>
/// This class holds what the token use cases share (making, reading and hashing tokens); the use cases are
/// <see cref="StartApiSession"/>, <see cref="RefreshApiTokens"/> and <see cref="RevokeApiToken"/>.
/// </remarks>
public sealed class ApiTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<ApiTokenOptions> options)
{
    public const string Scheme = "ApiBearer";

    private const string Purpose = "Rekindle.Api.AccessToken.v1";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>The member and session an access token names, if it is genuine and not expired (the session is checked by the
    /// caller).</summary>
    public (Guid MemberId, Guid SessionId)? ReadAccessToken(string token)
    {
        string payload;
        try
        {
            payload = Protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (
            parts.Length != 3
            || !Guid.TryParseExact(parts[0], "N", out var sessionId)
            || !Guid.TryParseExact(parts[1], "N", out var memberId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || Now.Ticks >= expires
        )
        {
            return null;
        }

        return (memberId, sessionId);
    }

    internal TokenPair Pair(Guid memberId, Guid sessionId, string refresh)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.AccessMinutes);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{sessionId:N}|{memberId:N}|{(Now + lifetime).Ticks}");
        return new TokenPair("Bearer", Protector.Protect(payload), (int)lifetime.TotalSeconds, refresh);
    }

    internal static string NewRefreshToken(Guid sessionId) =>
        $"{sessionId:N}.{WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32))}";

    internal static Guid? SessionOf(string? refreshToken) =>
        refreshToken is { Length: < 200 }
        && refreshToken.IndexOf('.', StringComparison.Ordinal) == 32
        && Guid.TryParseExact(refreshToken.AsSpan(0, 32), "N", out var id)
            ? id
            : null;

    internal static string Hash(string token) => WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>Starts an API-client session for a member whose credentials were just checked.</summary>
public sealed class StartApiSession(ApiTokens tokens, StartSession start, TimeProvider clock, IOptions<ApiTokenOptions> options)
{
    public async Task<TokenPair> HandleAsync(Guid memberId)
    {
        var sessionId = Guid.NewGuid();
        var refresh = ApiTokens.NewRefreshToken(sessionId);
        await start.HandleAsync(
            memberId,
            SessionKind.ApiClient,
            ApiTokens.Hash(refresh),
            clock.GetUtcNow().UtcDateTime.AddDays(options.Value.RefreshDays),
            sessionId
        );
        return tokens.Pair(memberId, sessionId, refresh);
    }
}

/// <summary>A new pair for a valid refresh token, which stops working; null for anything else.</summary>
public sealed class RefreshApiTokens(
    AppDbContext db,
    ApiTokens tokens,
    EndSession end,
    TimeProvider clock,
    IOptions<ApiTokenOptions> options
)
{
    public async Task<TokenPair?> HandleAsync(string? refreshToken)
    {
        if (ApiTokens.SessionOf(refreshToken) is not { } sessionId)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var presented = ApiTokens.Hash(refreshToken!);
        var next = ApiTokens.NewRefreshToken(sessionId);
        var nextHash = ApiTokens.Hash(next);
        var until = now.AddDays(options.Value.RefreshDays);

        // One conditional update: two refreshes racing with the same token cannot both win.
        var rotated = await db
            .MemberSessions.Where(s =>
                s.Id == sessionId
                && s.Kind == SessionKind.ApiClient
                && s.EndedAt == null
                && s.RefreshTokenHash == presented
                && s.RefreshExpiresAt > now
                && db.Users.Any(m => m.Id == s.MemberId && m.DisabledAt == null)
            )
            .ExecuteUpdateAsync(s =>
                s.SetProperty(x => x.RefreshTokenHash, nextHash)
                    .SetProperty(x => x.RefreshExpiresAt, until)
                    .SetProperty(x => x.LastSeenAt, now)
            );
        if (rotated == 0)
        {
            // An old refresh token for an open session means someone kept a copy: end the session for both.
            var session = await db
                .MemberSessions.AsNoTracking()
                .Where(s => s.Id == sessionId && s.Kind == SessionKind.ApiClient && s.EndedAt == null)
                .Select(s => new { s.MemberId, s.RefreshTokenHash })
                .FirstOrDefaultAsync();
            if (session is not null && session.RefreshTokenHash != presented)
            {
                await end.HandleAsync(session.MemberId, sessionId, SecurityEventKind.SessionRevoked);
            }

            return null;
        }

        var memberId = await db.MemberSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.MemberId).FirstAsync();
        return tokens.Pair(memberId, sessionId, next);
    }
}

/// <summary>Ends the session a refresh token belongs to (its access token stops too). Unknown tokens are ignored.</summary>
public sealed class RevokeApiToken(AppDbContext db, EndSession end)
{
    public async Task HandleAsync(string? refreshToken)
    {
        if (ApiTokens.SessionOf(refreshToken) is not { } sessionId)
        {
            return;
        }

        var presented = ApiTokens.Hash(refreshToken!);
        var memberId = await db
            .MemberSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.Kind == SessionKind.ApiClient && s.RefreshTokenHash == presented)
            .Select(s => (Guid?)s.MemberId)
            .FirstOrDefaultAsync();
        if (memberId is { } id)
        {
            await end.HandleAsync(id, sessionId, SecurityEventKind.SignedOut);
        }
    }
}

/// <summary>
/// The API's authentication scheme: "Authorization: Bearer access-token", checked against an open
/// session on every request. Only API endpoints use it; pages only ever see the Identity cookie.
/// </summary>
public sealed class ApiBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens,
    CheckSession check
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        if (tokens.ReadAccessToken(token) is not { } found || await check.HolderAsync(found.MemberId, found.SessionId) is not { } holder)
        {
            return AuthenticateResult.Fail("The access token is not valid.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, found.MemberId.ToString()), new Claim(Sessions.ClaimType, found.SessionId.ToString())],
            ApiTokens.Scheme
        );
        var principal = new ClaimsPrincipal(identity);
        Sessions.Describe(principal, holder);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiTokens.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = TokenOf(Request) is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Results
            .Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign in first",
                detail: "Send a valid access token: Authorization: Bearer <token>. An expired one can be renewed at /api/v1/auth/refresh."
            )
            .ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed").ExecuteAsync(Context);
}
