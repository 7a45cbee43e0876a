using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Infrastructure.Hosting;

public static class HostingFeature
{
    public static WebApplicationBuilder AddInstance(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<InstanceOptions>()
            .BindConfiguration(InstanceOptions.Section)
            .ValidateDataAnnotations()
            .Validate(
                options => builder.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(options.PublicUrl),
                "Rekindle:PublicUrl is required outside Development (for example https://rekindle.example.org): links in emails are built from it."
            )
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new InstancePaths(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<InstanceOptions>>().Value
        ));
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// The base address for links that leave the request (emails, invite links). Outside Development
    /// it is always the configured public URL: the Host header is the sender's to choose, and a
    /// reset link built from it would carry the token to whatever site the sender named.
    /// </summary>
    public static string PublicBaseUrl(this HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<InstanceOptions>>().Value.PublicUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : configured.TrimEnd('/');
    }
}
