using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// The one line between the partners' side and the professionals' side (decisions/0044), for pages and the API alike. A
/// professional never gets a couple space: a partner page sends them to /pro, a partner API route answers 404. A partner (or
/// anyone, with practice mode off) gets 404 from every professional route. A professional signed in with a password must turn
/// on an authenticator app before anything else opens; a session from the practice's OpenID Connect provider carries
/// <see cref="PracticeOidc.ViaClaim"/> (or, after Identity refreshed the sign-in, which keeps only <c>amr</c>, an <c>amr</c>
/// of <see cref="PracticeOidc.Via"/>) and is exempt, since that provider asks for its own second step. With practice mode
/// off, a professional's session is ended on its next request.
/// </summary>
/// <remarks>
/// The role comes from the session check every request already makes (<see cref="CheckSession.HolderAsync"/>, as claims put on
/// by <see cref="Sessions.Describe"/>), so the guard costs partners nothing more. What a professional may open is a list, so a
/// page added later is a partner page until it is listed here.
/// </remarks>
public static class ProfessionalGuard
{
    /// <summary>The professional's home.</summary>
    public const string Home = "/pro";

    /// <summary>The practice admin's page.</summary>
    public const string AdminPath = "/practice";

    public const string ApiPrefix = ApiFeature.Prefix + "/professional";

    public const string SecondStepPath = "/account/authenticator";

    /// <summary>Where a professional lands when practice mode is off: the sign-in page, which says so.</summary>
    public const string OffPath = "/account/login?practice=off";

    /// <summary>What a professional who still needs a second step may open: setting it up, and the ways out.</summary>
    private static readonly string[] BeforeSecondStep =
    [
        SecondStepPath,
        "/account/confirm-password",
        "/account/logout",
        "/account/login",
        "/account/login-2fa",
        "/account/login-recovery",
        Safety.QuickExit.Path,
        "/safety",
        "/about",
        Installable.Installable.ServiceWorkerPath,
        Installable.Installable.OfflinePath,
        "/error",
        "/healthz",
        "/.well-known",
        "/_framework",
    ];

    /// <summary>What else a professional may open besides their own pages: their account and sign-in, never a partner's pages.</summary>
    private static readonly string[] AccountPages =
    [
        "/account/security",
        "/account/activity",
        "/account/change-password",
        "/account/passkey",
        "/account/forgot-password",
        "/account/reset-password",
        "/account/check-email",
        "/account/confirm-email",
        "/account/resend-confirmation",
        "/account/locked",
        "/email/stop",
        "/openapi",
        // An operator may be a counselor too; the admin guard answers 404 to everyone who is not one (decisions/0045).
        Operator.AdminGuard.Path,
    ];

    /// <summary>The API routes a professional's token may call besides theirs: tokens, and the language setting.</summary>
    private static readonly string[] AccountApi = [ApiFeature.Prefix + "/auth", ApiFeature.Prefix + "/me/language"];

    /// <summary>The professional's own routes: 404 for everyone else, and for everyone while practice mode is off.</summary>
    public static bool IsProfessionalPath(PathString path) =>
        path.StartsWithSegments(Home, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(AdminPath, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The signed-in member's role on this request (a partner when there is no role claim).</summary>
    public static MemberRole RoleOf(ClaimsPrincipal? user) =>
        Enum.TryParse<MemberRole>(user?.FindFirstValue(Sessions.RoleClaimType), out var role) ? role : MemberRole.Partner;

    /// <summary>A professional signed in with a password who has not turned an authenticator app on yet.</summary>
    public static bool NeedsSecondStep(ClaimsPrincipal? user) =>
        user is not null
        && RoleOf(user) != MemberRole.Partner
        && user.FindFirstValue(Sessions.SecondFactorClaimType) == "off"
        && user.FindFirstValue(PracticeOidc.ViaClaim) != PracticeOidc.Via
        && user.FindFirstValue(ClaimTypes.AuthenticationMethod) != PracticeOidc.Via;

    public static IApplicationBuilder UseProfessionalGuard(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                if (!await StopsAsync(context))
                {
                    await next();
                }
            }
        );

    /// <summary>Answers the request itself (a 404, a 403 or a redirect) when it is not for this member; false lets it through.</summary>
    private static async Task<bool> StopsAsync(HttpContext context)
    {
        // Static files are for everyone; an address with no page at all is judged like any other, so its answer tells nothing.
        if (context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return false;
        }

        var path = context.Request.Path;
        var practice = context.RequestServices.GetRequiredService<IOptions<PracticeOptions>>().Value.Enabled;
        var api = ApiFeature.IsApi(context.Request);

        // API routes authenticate with the bearer token only; the result is kept, so the API's own check costs nothing more.
        var user = api ? (await context.AuthenticateAsync(ApiTokens.Scheme)).Principal : context.User;
        var signedIn = Sessions.MemberIdOf(user) is not null;
        var role = signedIn ? RoleOf(user) : MemberRole.Partner;

        if (IsProfessionalPath(path))
        {
            var theirs = signedIn ? role != MemberRole.Partner : practice;
            var admin =
                !path.StartsWithSegments(AdminPath, StringComparison.OrdinalIgnoreCase) || !signedIn || role == MemberRole.PracticeAdmin;
            if (!practice || !theirs || !admin)
            {
                return NotFound(context);
            }
        }

        if (!signedIn || role == MemberRole.Partner)
        {
            return false;
        }

        if (!practice)
        {
            await EndSessionAsync(context, user!, api);
            return api ? NotFound(context) : Redirect(context, OffPath);
        }

        if (NeedsSecondStep(user))
        {
            if (Under(path, BeforeSecondStep))
            {
                return false;
            }

            if (api)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return true;
            }

            return Redirect(context, SecondStepPath);
        }

        if (IsProfessionalPath(path) || Under(path, BeforeSecondStep))
        {
            return false;
        }

        if (api)
        {
            return Under(path, AccountApi) ? false : NotFound(context);
        }

        return Under(path, AccountPages) ? false : Redirect(context, Home);
    }

    private static bool Under(PathString path, string[] prefixes) =>
        Array.Exists(prefixes, p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static bool NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return true;
    }

    private static bool Redirect(HttpContext context, string to)
    {
        // 303: a form posted to a partner page is not sent again to where the professional lands.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = to;
        return true;
    }

    /// <summary>Practice mode is off: the professional's session ends here, as if they signed out.</summary>
    private static async Task EndSessionAsync(HttpContext context, ClaimsPrincipal user, bool api)
    {
        if (Sessions.MemberIdOf(user) is { } memberId && Sessions.SessionIdOf(user) is { } sessionId)
        {
            await context.RequestServices.GetRequiredService<EndSession>().HandleAsync(memberId, sessionId, SecurityEventKind.SignedOut);
        }

        if (!api)
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
