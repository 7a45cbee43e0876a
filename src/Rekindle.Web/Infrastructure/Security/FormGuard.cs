using Microsoft.AspNetCore.Antiforgery;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Infrastructure.Security;

/// <summary>
/// Every state-changing request (any method but GET, HEAD, OPTIONS, TRACE) must carry a valid
/// antiforgery token, whether a page form, a minimal endpoint with no form fields (sign out) or a
/// script's fetch. Checking here, once, means no endpoint can forget it. The form is read first, so
/// a field over the size limits becomes a plain 400 instead of an exception inside a page.
/// </summary>
public static class FormGuard
{
    public static IApplicationBuilder UseFormGuard(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var method = context.Request.Method;
                if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
                {
                    await next();
                    return;
                }

                if (context.Request.HasFormContentType)
                {
                    try
                    {
                        await context.Request.ReadFormAsync(context.RequestAborted);
                    }
                    catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or FormatException)
                    {
                        var tooBig = ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };
                        await RequestLimits.Problem(
                            context,
                            tooBig ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                            tooBig
                                ? Text.Of("That was too much to send at once. Please shorten what you wrote and try again.")
                                : Text.Of("We couldn't read what was sent. Please go back and try again.")
                        );
                        return;
                    }
                }

                // RFC 8058: a mail program's one-click "stop these emails" carries no token of ours;
                // the link's own sealed token is the permission (decisions/0035).
                if (await Api.ApiFeature.SkipsAntiforgeryAsync(context) || Features.Account.StopNoticeEmails.IsOneClick(context.Request))
                {
                    await next();
                    return;
                }

                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await RequestLimits.Problem(
                        context,
                        StatusCodes.Status400BadRequest,
                        "This form was open for a long time or came from somewhere else, so we didn't act on it. Please go back, reload the page and try again."
                    );
                    return;
                }

                await next();
            }
        );
}
