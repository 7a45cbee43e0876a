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
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton<IStartupFilter, PublicAddress.RememberRequests>();
        return builder;
    }

    /// <summary>
    /// The base address for links that leave the request (emails, invite links). Outside Development
    /// it is always the configured public URL: the Host header is the sender's to choose, and a
    /// reset link built from it would carry the token to whatever site the sender named.
    /// </summary>
    public static string PublicBaseUrl(this HttpContext context) =>
        context.RequestServices.GetRequiredService<PublicAddress>().Of(context.Request);
}

/// <summary>
/// Where links that leave the app point. The configured Rekindle:PublicUrl whenever it is set (always, outside
/// Development). In Development without it, a request's own address; and for emails sent later by a job, outside any
/// request, the address the latest request came in on, so a link opens where the member opened Rekindle, never a
/// guessed localhost.
/// </summary>
public sealed class PublicAddress(IOptions<InstanceOptions> options)
{
    private string? _latest;

    private string? Configured => string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? null : options.Value.PublicUrl.TrimEnd('/');

    /// <summary>For links made while answering a request.</summary>
    public string Of(HttpRequest request) => Configured ?? Remember(request);

    /// <summary>For links made outside a request (the notice job's emails).</summary>
    public string ForBackground() => Configured ?? Volatile.Read(ref _latest) ?? "http://localhost:5000";

    private string Remember(HttpRequest request)
    {
        var address = $"{request.Scheme}://{request.Host}{request.PathBase}";
        Volatile.Write(ref _latest, address);
        return address;
    }

    /// <summary>Notes each request's address, only while no public address is configured.</summary>
    public sealed class RememberRequests(PublicAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                if (address.Configured is null)
                {
                    app.Use(
                        (context, go) =>
                        {
                            address.Remember(context.Request);
                            return go(context);
                        }
                    );
                }

                next(app);
            };
    }
}
