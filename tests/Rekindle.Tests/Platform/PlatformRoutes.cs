using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Platform;

/// <summary>
/// The platform's own: health, security.txt, the OpenAPI document, and the framework's routes (static files that don't exist, Blazor's
/// redirect helper). Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class PlatformRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/healthz"] = new(Get: "/healthz"),
            ["/healthz/details"] = new(Get: "/healthz/details"),
            ["/.well-known/security.txt"] = new(Get: "/.well-known/security.txt"),
            ["/openapi/{documentName}.json"] = new(Get: "/openapi/v1.json"),
            ["/{**path:file}"] = new(Get: "/no-such-file.css"),
            ["/_framework/opaque-redirect"] = new(Get: "/_framework/opaque-redirect"),
        };
}
