using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Progress;

/// <summary>
/// Progress. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class ProgressRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/progress"] = new(Get: "/progress"),
            ["/api/v1/progress"] = new(Get: "/api/v1/progress"),
        };
}
