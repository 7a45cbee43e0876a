using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Security;

/// <summary>
/// Cookie names and flags in one place. Served over HTTPS (the public URL says so), every cookie is
/// "__Host-" prefixed, Secure and host-only, so no other subdomain or plain-HTTP page can set or read
/// it. On plain http://localhost (a first run at home) browsers refuse such cookies, so the prefix is
/// left off there.
/// </summary>
public sealed class CookieNames(string prefix)
{
    public string Prefix { get; } = prefix;

    public bool SecureOnly => Prefix.Length > 0;

    public string Session => Prefix + "rekindle.session";

    public string Antiforgery => Prefix + "rekindle.form";

    public string Confirmed => Prefix + "rekindle.confirmed";
}

public static class CookieNamesFeature
{
    public static WebApplicationBuilder AddCookieNames(this WebApplicationBuilder builder)
    {
        var publicUrl = builder.Configuration.GetSection(InstanceOptions.Section).Get<InstanceOptions>()?.PublicUrl;
        var names = new CookieNames(publicUrl?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true ? "__Host-" : "");
        builder.Services.AddSingleton(names);
        var secure = names.SecureOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = names.Antiforgery;
            antiforgery.Cookie.SecurePolicy = secure;
            antiforgery.Cookie.Path = "/";
        });
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = names.Session;
            cookie.Cookie.SecurePolicy = secure;
            cookie.Cookie.Path = "/";
        });

        // Identity's short-lived cookies (between password and code, remembered devices, external sign-in).
        foreach (
            var (scheme, name) in new[]
            {
                (IdentityConstants.TwoFactorUserIdScheme, "rekindle.second-step"),
                (IdentityConstants.TwoFactorRememberMeScheme, "rekindle.known-device"),
                (IdentityConstants.ExternalScheme, "rekindle.external"),
            }
        )
        {
            builder.Services.Configure<CookieAuthenticationOptions>(scheme, cookie =>
            {
                cookie.Cookie.Name = names.Prefix + name;
                cookie.Cookie.SecurePolicy = secure;
                cookie.Cookie.Path = "/";
                cookie.Cookie.HttpOnly = true;
            });
        }

        return builder;
    }
}
