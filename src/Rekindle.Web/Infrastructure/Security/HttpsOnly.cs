using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Security;

/// <summary>
/// An instance whose public address is https answers pages only over https (decisions/0045). Its cookies are Secure and
/// "__Host-" prefixed, so a plain-http request could never keep a form token or a session: it used to end in a 500. Now a
/// phone that opened the machine's own address (http://192.168.1.20:8080) is sent to the public address, and a request
/// that arrives as plain http under the public name (a proxy in front that the app does not trust, Proxy:KnownProxies)
/// gets a plain 400 while the log says once what to set. Health probes keep answering over http.
/// </summary>
public static class HttpsOnly
{
    public static void UseHttpsOnly(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<CookieNames>().SecureOnly)
        {
            return;
        }

        var publicUrl = new Uri(app.Services.GetRequiredService<IOptions<InstanceOptions>>().Value.PublicUrl!);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsOnly).FullName!);
        var warned = 0;
        app.Use(
            async (context, next) =>
            {
                var request = context.Request;
                if (request.IsHttps || request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
                {
                    await next(context);
                    return;
                }

                var underPublicName = string.Equals(request.Host.Host, publicUrl.Host, StringComparison.OrdinalIgnoreCase);
                if (!underPublicName && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
                {
                    var target = new Uri(publicUrl, request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
                    context.Response.Redirect(target.AbsoluteUri, permanent: false, preserveMethod: true);
                    return;
                }

                if (Interlocked.Exchange(ref warned, 1) == 0)
                {
                    logger.LogWarning(
                        "A request came over plain http although Rekindle:PublicUrl is {PublicUrl}. If a proxy in front handles HTTPS, add its address to Proxy:KnownProxies (or its network to Proxy:KnownNetworks).",
                        publicUrl.GetLeftPart(UriPartial.Authority)
                    );
                }

                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(
                    $"This Rekindle server answers on {publicUrl.GetLeftPart(UriPartial.Authority)} only, over https.\n"
                );
            }
        );
    }
}
