using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Home;

/// <summary>
/// Home: the home page, area pages and error pages. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class HomeRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/"] = new(Get: "/"),
            ["/error"] = new(Get: "/error"),
            ["/error/{Status:int}"] = new(Get: "/error/404"),
            ["/areas/{Key}"] = new(Get: "/areas/repair"),
        };
}
