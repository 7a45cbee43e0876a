namespace Rekindle.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response: nothing from other sites, no framing, no referrer, and no caching of
/// anything a signed-in member sees (a shared computer's back button must not show it).
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "rekindle.csp-nonce";

    private const string FormActionKey = "rekindle.csp-form-action";

    /// <summary>
    /// This response's script nonce. Our scripts are files ('self'); an inline script, should a page
    /// ever need one, must carry this nonce or the browser refuses it.
    /// </summary>
    public static string CspNonce(this HttpContext context) => (string)context.Items[NonceKey]!;

    /// <summary>
    /// Lets this response's forms lead to one more origin besides our own: the practice sign-in page's form is answered with a
    /// redirect to the practice's own provider, and browsers hold a redirect after a form to the page's form-action too.
    /// </summary>
    public static void AllowFormAction(this HttpContext context, string origin) => context.Items[FormActionKey] = origin;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
                context.Items[NonceKey] = nonce;
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    var formAction = context.Items[FormActionKey] is string origin ? "'self' " + origin : "'self'";
                    headers.ContentSecurityPolicy =
                        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                        + $"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action {formAction}; frame-ancestors 'none'";
                    headers.XContentTypeOptions = "nosniff";
                    headers.XFrameOptions = "DENY";
                    headers["Referrer-Policy"] = "no-referrer";
                    headers["Cross-Origin-Opener-Policy"] = "same-origin";
                    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
                    if (
                        context.User.Identity?.IsAuthenticated == true
                        || !context.Request.Path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
                    )
                    {
                        if (IsSameForEveryone(context))
                        {
                            // Holds nothing private (the service worker, the offline page): kept, but revalidated each time.
                            headers.CacheControl = "no-cache";
                        }
                        else if (!IsStaticAsset(context))
                        {
                            headers.CacheControl = "no-store";
                            headers.Pragma = "no-cache";
                        }
                    }

                    return Task.CompletedTask;
                });
                await next();
            }
        );

    private static bool IsSameForEveryone(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<SameForEveryoneAttribute>() is not null;

    private static bool IsStaticAsset(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null;
}

/// <summary>
/// Marks an endpoint or page whose response is the same for everyone and holds nothing private, so a
/// browser (or the service worker) may keep it: it gets <c>Cache-Control: no-cache</c> instead of
/// <c>no-store</c>. Its page must use a layout without sign-in state or forms (OfflineLayout).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SameForEveryoneAttribute : Attribute;
