using System.Globalization;
using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Security;

public sealed class SecurityTxtOptions
{
    public const string Section = "SecurityTxt";

    /// <summary>How to reach whoever runs this instance about a vulnerability (mailto: or https:). Empty: security@ the public
    /// host.</summary>
    public string? Contact { get; set; }
}

/// <summary>/.well-known/security.txt (RFC 9116): who to tell about a vulnerability in this instance.</summary>
public static class SecurityTxt
{
    public static WebApplicationBuilder AddSecurityTxt(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<SecurityTxtOptions>()
            .BindConfiguration(SecurityTxtOptions.Section)
            .Validate(
                o =>
                    string.IsNullOrWhiteSpace(o.Contact)
                    || o.Contact.StartsWith("mailto:", StringComparison.Ordinal)
                    || o.Contact.StartsWith("https://", StringComparison.Ordinal),
                "SecurityTxt:Contact must start with mailto: or https://."
            )
            .ValidateOnStart();
        return builder;
    }

    public static void MapSecurityTxt(this IEndpointRouteBuilder routes) =>
        routes
            .MapGet("/.well-known/security.txt", (HttpContext context, IOptions<SecurityTxtOptions> options, TimeProvider clock) =>
            {
                var baseUrl = context.PublicBaseUrl();
                var contact = string.IsNullOrWhiteSpace(options.Value.Contact)
                    ? $"mailto:security@{new Uri(baseUrl).Host}"
                    : options.Value.Contact;
                // Always about six months ahead: the file is made per request, so it never goes stale.
                var expires = clock.GetUtcNow().AddDays(180).ToString("yyyy-MM-dd'T'00:00:00'Z'", CultureInfo.InvariantCulture);
                var text =
                    $"Contact: {contact}\nExpires: {expires}\nPreferred-Languages: en\nCanonical: {baseUrl}/.well-known/security.txt\n";
                return Results.Text(text, "text/plain; charset=utf-8");
            })
            .AllowAnonymous();
}
