using Rekindle.Tests.Trust;

namespace Rekindle.Tests.SelfCare;

/// <summary>
/// Self-care. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class SelfCareRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/self-care"] = new(Get: "/self-care?day=2026-11-23"),
            ["/api/v1/self-care"] = new(Get: "/api/v1/self-care"),
            ["/api/v1/self-care/days"] = new(Post: "/api/v1/self-care/days", Json: "{\"day\":\"2000-01-01\",\"mood\":3}"),
            ["/api/v1/self-care/goals"] = new(Post: "/api/v1/self-care/goals", Json: "{\"metric\":\"nothing\"}"),
            ["/api/v1/self-care/goals/{id:guid}"] = new(Post: "/api/v1/self-care/goals/" + Guid.Empty, Method: "DELETE"),
        };
}
