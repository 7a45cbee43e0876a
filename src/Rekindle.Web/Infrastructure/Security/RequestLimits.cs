using Microsoft.AspNetCore.Http.Features;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Infrastructure.Security;

/// <summary>
/// Our forms are small. A body or field over the limits gets a 413 or 400 with a plain message,
/// before anything reads it, instead of an exception deep inside form binding.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 256 * 1024;
    public const int MaxFieldLength = 64 * 1024;

    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueLengthLimit = MaxFieldLength;
            form.ValueCountLimit = 200;
            form.KeyLengthLimit = 200;
            form.MultipartBodyLengthLimit = MaxBodyBytes;
        });
        return builder;
    }

    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
                if (size is { IsReadOnly: false })
                {
                    size.MaxRequestBodySize = MaxBodyBytes;
                }

                if (context.Request.ContentLength > MaxBodyBytes)
                {
                    await Problem(
                        context,
                        StatusCodes.Status413PayloadTooLarge,
                        "That was too much to send at once. Please shorten what you wrote and try again."
                    );
                    return;
                }

                try
                {
                    await next();
                }
                catch (Exception ex)
                    when (!context.Response.HasStarted
                        && ex is InvalidDataException or BadHttpRequestException or IOException or FormatException
                    )
                {
                    var status = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
                    await Problem(
                        context,
                        status,
                        status == StatusCodes.Status413PayloadTooLarge
                            ? Text.Of("That was too much to send at once. Please shorten what you wrote and try again.")
                            : Text.Of("We couldn't read what was sent. Please go back and try again.")
                    );
                }
            }
        );

    /// <summary>A plain page for people, or a problem description for programs.</summary>
    public static async Task Problem(HttpContext context, int status, string message, bool keepHeaders = false)
    {
        if (!keepHeaders)
        {
            context.Response.Clear();
        }

        context.Response.StatusCode = status;
        var accept = context.Request.Headers.Accept.ToString();
        if (accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) || Api.ApiFeature.IsApi(context.Request))
        {
            await context.Response.WriteAsJsonAsync(
                new
                {
                    type = "about:blank",
                    title = message,
                    status,
                },
                (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json"
            );
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var text = System.Net.WebUtility.HtmlEncode(message);
        await context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + $"<title>Rekindle</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main class=\"stack\"><h1>Something needs a second try</h1>"
                + $"<p class=\"notice error\" role=\"alert\">{text}</p><p><a class=\"button\" href=\"/\">Back to Rekindle</a></p></main></body></html>"
        );
    }
}
