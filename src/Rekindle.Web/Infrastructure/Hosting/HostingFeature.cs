using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Infrastructure.Hosting;

public static class HostingFeature
{
    public static WebApplicationBuilder AddInstance(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<InstanceOptions>()
            .BindConfiguration(InstanceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new InstancePaths(
            sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<IOptions<InstanceOptions>>().Value));
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>The base address for links that leave the request (emails): the configured public URL, else the request's own.</summary>
    public static string PublicBaseUrl(this HttpContext context)
    {
        var configured = context.RequestServices.GetRequiredService<IOptions<InstanceOptions>>().Value.PublicUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}"
            : configured.TrimEnd('/');
    }
}
