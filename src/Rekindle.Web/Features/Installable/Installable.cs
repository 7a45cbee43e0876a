using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Components;
using Rekindle.Web.Infrastructure.Security;

namespace Rekindle.Web.Features.Installable;

/// <summary>
/// Installing Rekindle on a home screen (docs/decisions/0019): the manifest and icons are static files in
/// wwwroot; this serves the service worker from the root (so its scope is the whole site) with the
/// offline page's files under their fingerprinted addresses, and a cache name that changes with them.
/// </summary>
public static class Installable
{
    public const string ServiceWorkerPath = "/sw.js";

    public const string OfflinePath = "/offline";

    /// <summary>What the offline page loads (App.razor's shell), and so all the worker ever keeps besides that page.</summary>
    internal static readonly string[] OfflineFiles = ["css/app.css", "favicon.svg", "js/quick-exit.js", "js/sw-register.js"];

    public static void MapInstallable(this IEndpointRouteBuilder routes) =>
        routes
            .MapGet(ServiceWorkerPath, [SameForEveryone] (HttpContext context, EndpointDataSource endpoints) =>
            {
                context.Response.Headers["Service-Worker-Allowed"] = "/";
                return Results.Text(Script(endpoints), "text/javascript; charset=utf-8");
            })
            .AllowAnonymous();

    private static string? _script;

    private static string Script(EndpointDataSource endpoints) => _script ??= Build(endpoints);

    private static string Build(EndpointDataSource endpoints)
    {
        // The same collection App.razor's @Assets reads: fingerprinted addresses when the build made them.
        var assets = endpoints.Endpoints.Select(e => e.Metadata.GetMetadata<ResourceAssetCollection>()).FirstOrDefault(c => c is not null)
            ?? ResourceAssetCollection.Empty;
        var files = OfflineFiles.Select(f => "/" + assets[f]).ToArray();
        using var stream = typeof(Installable).Assembly.GetManifestResourceStream("Rekindle.Web.Features.Installable.service-worker.js")
            ?? throw new InvalidOperationException("service-worker.js is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var template = reader.ReadToEnd();
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template + string.Join('\n', files))))[..12];
        return template
            .Replace("[\"/*FILES*/\"]", JsonSerializer.Serialize(files), StringComparison.Ordinal)
            .Replace("/*VERSION*/", version, StringComparison.Ordinal);
    }
}
