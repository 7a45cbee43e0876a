using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Installable;

/// <summary>
/// Installable: the service worker and the offline page. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1,
/// T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class InstallableRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call> { ["/sw.js"] = new(Get: "/sw.js"), ["/offline"] = new(Get: "/offline") };
}
