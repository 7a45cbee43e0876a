using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Understand;

/// <summary>
/// Understand. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class UnderstandRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/understand"] = new(Get: "/understand"),
            ["/understand/check"] = new(Get: "/understand/check?part=money"),
            ["/understand/results"] = new(Get: "/understand/results"),
            ["/understand/map"] = new(Get: "/understand/map"),
            ["/understand/plan"] = new(Get: "/understand/plan"),
            ["/understand/changes"] = new(Get: "/understand/changes"),
            ["/api/v1/understand/check"] = new(Get: "/api/v1/understand/check"),
            ["/api/v1/understand/check/parts/{part}"] = new(
                Post: "/api/v1/understand/check/parts/no-such-part",
                Json: "{\"answers\":{},\"continue\":true}"
            ),
            ["/api/v1/understand/results"] = new(Get: "/api/v1/understand/results"),
            ["/api/v1/understand/map"] = new(Get: "/api/v1/understand/map"),
            ["/api/v1/understand/map/share"] = new(Post: "/api/v1/understand/map/share", Json: "{}"),
            ["/api/v1/understand/plan"] = new(Get: "/api/v1/understand/plan"),
            ["/api/v1/understand/changes"] = new(Get: "/api/v1/understand/changes"),
            ["/api/v1/understand/plan/steps/{key}"] = new(Post: "/api/v1/understand/plan/steps/no-such-step", Json: "{\"done\":true}"),
        };
}
