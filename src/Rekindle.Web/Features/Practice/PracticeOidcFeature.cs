using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Security;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// The practice's own OpenID Connect provider, the professionals' other way in (decisions/0044, point 2). Configuration only:
/// with none of it set, the practice sign-in does not exist.
/// </summary>
public sealed class PracticeOidcOptions : IValidatableObject
{
    public const string Section = "Practice:Oidc";

    /// <summary>The provider's address (its discovery document is under it): https, or http on this machine only.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id the provider gave this instance.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, when the provider gave one (PKCE is used either way).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The provider's name as the sign-in button says it ("Northside Counseling").</summary>
    public string? DisplayName { get; set; }

    /// <summary>Scopes to ask for besides openid and email, separated by spaces.</summary>
    public string? Scopes { get; set; }

    /// <summary>Something is set: then Authority, ClientId and DisplayName must all be.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority)
        || !string.IsNullOrWhiteSpace(ClientId)
        || !string.IsNullOrWhiteSpace(DisplayName)
        || !string.IsNullOrWhiteSpace(ClientSecret)
        || !string.IsNullOrWhiteSpace(Scopes);

    public const int DisplayNameMaxLength = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured)
        {
            yield break;
        }

        var missing = new[] { (nameof(Authority), Authority), (nameof(ClientId), ClientId), (nameof(DisplayName), DisplayName) }
            .Where(x => string.IsNullOrWhiteSpace(x.Item2))
            .Select(x => $"{Section}:{x.Item1}")
            .ToList();
        if (missing.Count > 0)
        {
            yield return new ValidationResult(
                $"{Section} needs Authority, ClientId and DisplayName together, or none of its settings; missing: {string.Join(", ", missing)}.",
                [nameof(Authority)]
            );
            yield break;
        }

        if (AuthorityProblem(Authority!) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(Authority)]);
        }

        if (DisplayName!.Trim().Length > DisplayNameMaxLength || DisplayName.Any(char.IsControl))
        {
            yield return new ValidationResult(
                $"{Section}:DisplayName must be one line of at most {DisplayNameMaxLength} characters.",
                [nameof(DisplayName)]
            );
        }

        if (ExtraScopes.Any(s => !s.All(c => c is > ' ' and < '\x7f' and not '"' and not '\\')))
        {
            yield return new ValidationResult($"{Section}:Scopes must be scope names separated by spaces.", [nameof(Scopes)]);
        }
    }

    internal IEnumerable<string> ExtraScopes =>
        (Scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? AuthorityProblem(string authority)
    {
        if (!Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return $"{Section}:Authority must be an absolute https:// address, like https://login.example.org/.";
        }

        if (uri.Scheme == "http" && !IsLoopback(uri))
        {
            return $"{Section}:Authority must use https://; plain http is allowed only for this machine (localhost, 127.0.0.1).";
        }

        return !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo)
            ? $"{Section}:Authority must be a plain address, without a query, a fragment or a user name."
            : null;
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

/// <summary>Names the practice sign-in shares with the rest of the app.</summary>
public static class PracticeOidc
{
    /// <summary>The authentication scheme, and the provider name its logins are stored under (AspNetUserLogins).</summary>
    public const string Scheme = "practice";

    /// <summary>On a session that came through the practice's provider: it did its own second factor (decisions/0044, point 2).</summary>
    public const string ViaClaim = "rekindle:via";

    public const string Via = "oidc";

    public const string PagePath = "/pro/sign-in";

    public const string StartPath = "/pro/sign-in/start";

    /// <summary>Where the provider sends the person back with a code; the handler itself answers it.</summary>
    public const string CallbackPath = "/pro/sign-in/callback";

    public const string DonePath = "/pro/sign-in/done";

    /// <summary>Practice mode is on and the provider is configured; otherwise every practice sign-in route is a 404.</summary>
    public static bool IsOn(PracticeOptions practice, PracticeOidcOptions oidc) =>
        practice.Enabled && oidc.IsConfigured && !string.IsNullOrWhiteSpace(oidc.Authority);

    /// <summary>The provider's origin, the one place outside this site a form here may lead to (the sign-in page's CSP).</summary>
    public static string Origin(PracticeOidcOptions oidc) => new Uri(oidc.Authority!.Trim()).GetLeftPart(UriPartial.Authority);
}

public static class PracticeOidcFeature
{
    public static WebApplicationBuilder AddPracticeOidc(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<PracticeOidcOptions>()
            .BindConfiguration(PracticeOidcOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<CompletePracticeSignIn>();

        // The handler exists only on an instance in practice mode with a provider configured; a setting that fails the checks
        // above stops the start before anyone could use it.
        var practice = builder.Configuration.GetSection(PracticeOptions.Section).Get<PracticeOptions>() ?? new PracticeOptions();
        var oidc = builder.Configuration.GetSection(PracticeOidcOptions.Section).Get<PracticeOidcOptions>() ?? new PracticeOidcOptions();
        if (!PracticeOidc.IsOn(practice, oidc) || oidc.Validate(new ValidationContext(oidc)).Any())
        {
            return builder;
        }

        builder
            .Services.AddAuthentication()
            .AddOpenIdConnect(PracticeOidc.Scheme, oidc.DisplayName, options =>
            {
                options.Authority = oidc.Authority!.Trim();
                options.RequireHttpsMetadata = options.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.ClientId = oidc.ClientId!.Trim();
                options.ClientSecret = string.IsNullOrWhiteSpace(oidc.ClientSecret) ? null : oidc.ClientSecret;
                // The code flow with PKCE; the code comes back in the address (a top-level GET), so our SameSite=Lax cookies
                // travel with it and no cross-site form post is needed.
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.SignInScheme = IdentityConstants.ExternalScheme;
                options.CallbackPath = PracticeOidc.CallbackPath;
                // We never sign anyone out at the provider, nor let it sign them out here: our own sessions are the authority.
                options.SignedOutCallbackPath = PathString.Empty;
                options.RemoteSignOutPath = PathString.Empty;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("email");
                foreach (var scope in oidc.ExtraScopes.Where(s => s is not ("openid" or "email")))
                {
                    options.Scope.Add(scope);
                }

                // The claims as the provider names them ("sub", "email", "email_verified"); nothing of the tokens is kept.
                options.MapInboundClaims = false;
                options.SaveTokens = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.DisableTelemetry = true;
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect(PracticeOidc.PagePath + "?error=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                options.Events.OnAccessDenied = context =>
                {
                    context.Response.Redirect(PracticeOidc.PagePath + "?error=failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        // The short-lived cookies of the round trip follow the instance's cookie rules (Secure when served over https).
        builder
            .Services.AddOptions<OpenIdConnectOptions>(PracticeOidc.Scheme)
            .Configure<CookieNames>(
                (options, names) =>
                {
                    var secure = names.SecureOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                    options.CorrelationCookie.SecurePolicy = secure;
                    options.NonceCookie.SecurePolicy = secure;
                }
            );
        return builder;
    }

    public static void MapPracticeOidc(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").RequireRateLimiting(GuessLimits.Policy);

        // A form post (with our antiforgery token) starts the round trip; the sign-in page's CSP lets that form lead to the provider.
        group.MapPost(
            PracticeOidc.StartPath,
            (IOptions<PracticeOptions> practice, IOptions<PracticeOidcOptions> oidc, SignInManager<Member> signIn) =>
            {
                if (!PracticeOidc.IsOn(practice.Value, oidc.Value))
                {
                    return Results.NotFound();
                }

                var properties = signIn.ConfigureExternalAuthenticationProperties(PracticeOidc.Scheme, PracticeOidc.DonePath);
                return Results.Challenge(properties, [PracticeOidc.Scheme]);
            }
        );

        group.MapGet(
            PracticeOidc.DonePath,
            async (IOptions<PracticeOptions> practice, IOptions<PracticeOidcOptions> oidc, CompletePracticeSignIn complete) =>
            {
                if (!PracticeOidc.IsOn(practice.Value, oidc.Value))
                {
                    return Results.NotFound();
                }

                var outcome = await complete.HandleAsync();
                return Results.Redirect(outcome.Succeeded ? "/pro" : PracticeOidc.PagePath + "?error=refused");
            }
        );
    }
}
