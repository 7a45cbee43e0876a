using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.Safety;

public sealed class QuickExitOptions : IValidatableObject
{
    public const string Section = "QuickExit";

    /// <summary>Where quick exit lands: an ordinary, neutral site. The operator may pick one that fits their audience.</summary>
    public string Url { get; set; } = "https://www.wikipedia.org/";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            yield return new ValidationResult("QuickExit:Url must be an absolute http or https address.", [nameof(Url)]);
        }
    }
}

/// <summary>
/// Quick exit, for someone who must hide the app at once: a visible control first in keyboard order
/// on every page, and Shift pressed three times. The script replaces the current history entry; the
/// server ends the session and tells the browser to clear this site's cookies, storage and cache,
/// then sends it to a neutral site. Without JavaScript the link does the same, minus the history.
/// </summary>
public static class QuickExit
{
    public const string Path = "/exit";

    public static WebApplicationBuilder AddQuickExit(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<QuickExitOptions>()
            .BindConfiguration(QuickExitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return builder;
    }

    public static void MapQuickExit(this IEndpointRouteBuilder routes) =>
        routes
            .MapGet(
                Path,
                async (
                    HttpContext context,
                    SignInManager<Member> signIn,
                    RecentConfirmation recent,
                    EndSession end,
                    Microsoft.Extensions.Options.IOptions<QuickExitOptions> options
                ) =>
                {
                    if (context.User.Identity?.IsAuthenticated == true)
                    {
                        if (Sessions.MemberIdOf(context.User) is { } memberId && Sessions.SessionIdOf(context.User) is { } sessionId)
                        {
                            await end.HandleAsync(memberId, sessionId, SecurityEventKind.SignedOut);
                        }

                        await signIn.SignOutAsync();
                    }

                    recent.Forget();
                    context.Response.Headers["Clear-Site-Data"] = "\"cache\", \"cookies\", \"storage\"";
                    return Results.Redirect(options.Value.Url);
                }
            )
            .AllowAnonymous();
}
