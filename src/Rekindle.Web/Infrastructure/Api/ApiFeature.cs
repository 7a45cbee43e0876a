using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Infrastructure.Api;

/// <summary>
/// The JSON API under /api/v1 (decisions/0021): the same handlers as the pages, for clients that are
/// not browsers. Only bearer tokens authenticate it, never the Identity cookie; errors are problem
/// details; each area maps its own endpoints (e.g. Features/Talk/TalkApi.cs) into the group.
/// </summary>
public static class ApiFeature
{
    public const string Prefix = "/api/v1";

    /// <summary>Members with a bearer token: the cookie is never looked at, so a browser's session cannot call the API.</summary>
    public const string MemberPolicy = "api-member";

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiTokenOptions>().BindConfiguration(ApiTokenOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ApiTokens>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiBearerHandler>(ApiTokens.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(MemberPolicy, policy => policy.AddAuthenticationSchemes(ApiTokens.Scheme).RequireAuthenticatedUser());
        services.AddProblemDetails();
        return builder;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(Prefix);

    /// <summary>
    /// FormGuard asks this before demanding an antiforgery token. Antiforgery protects the cookie; an
    /// API request carries its credentials itself. So it is skipped for exactly two kinds of request:
    /// an API request whose bearer token authenticates, and the three token endpoints (no cookie read
    /// or set; JSON bodies only, which a cross-site form cannot send). A cookie-only API call still
    /// needs the token, and the API refuses it anyway (401: only the bearer scheme counts).
    /// </summary>
    public static async Task<bool> SkipsAntiforgeryAsync(HttpContext context)
    {
        if (!IsApi(context.Request))
        {
            return false;
        }

        if (Array.Exists(AuthApi.Paths, p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return !context.Request.HasFormContentType;
        }

        return ApiBearerHandler.TokenOf(context.Request) is not null && (await context.AuthenticateAsync(ApiTokens.Scheme)).Succeeded;
    }

    /// <summary>API answers are problem details, never the friendly HTML error pages.</summary>
    public static IApplicationBuilder UseApi(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsApi(context.Request))
        {
            await next();
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        await next();
        if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentType is null)
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context });
        }
    });

    public static void MapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup(Prefix);
        api.MapAuthApi();
        var member = api.MapGroup("").RequireAuthorization(MemberPolicy);
        member.MapPairingApi();
    }
}
