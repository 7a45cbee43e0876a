using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Threading.RateLimiting;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Infrastructure.Security;

/// <summary>How many tries one network address gets at the pages where a stranger could guess: sign-in, codes, invites.</summary>
public sealed class GuessLimitOptions
{
    public const string Section = "GuessLimits";

    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 30;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 10;
}

/// <summary>
/// Per-address limits on guessable pages. Only attempts count (a form post, or a page asked about
/// a particular code): reading the sign-in page does not. Over the limit, a friendly 429 says when
/// to try again. Per-account limits sit in Identity's lockout.
/// </summary>
public static class GuessLimits
{
    public const string Policy = "guesses";

    public static WebApplicationBuilder AddGuessLimits(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<GuessLimitOptions>()
            .BindConfiguration(GuessLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(GuessLimitOptions.Section).Get<GuessLimitOptions>() ?? new GuessLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? retryAfter
                    : TimeSpan.FromMinutes(options.WindowMinutes);
                var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(
                    CultureInfo.InvariantCulture
                );
                await RequestLimits.Problem(
                    context.HttpContext,
                    StatusCodes.Status429TooManyRequests,
                    minutes == 1
                        ? Text.Of("There were many attempts from here in a short time. Please wait {0} minute, then try again.", minutes)
                        : Text.Of("There were many attempts from here in a short time. Please wait {0} minutes, then try again.", minutes),
                    keepHeaders: true
                );
            };
            limiter.AddPolicy(Policy, http =>
            {
                var attempt = HttpMethods.IsPost(http.Request.Method) || http.Request.Query.ContainsKey("code");
                return attempt
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "addr:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.PermitLimit,
                            Window = TimeSpan.FromMinutes(options.WindowMinutes),
                            QueueLimit = 0,
                        }
                    )
                    : RateLimitPartition.GetNoLimiter("reading");
            });
        });
        return builder;
    }
}
