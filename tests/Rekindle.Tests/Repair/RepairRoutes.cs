using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Repair;

/// <summary>
/// Repair. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class RepairRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/repair"] = new(Get: "/repair"),
            ["/repair/{Id:guid}"] = new(Get: "/repair/" + Guid.Empty),
            ["/repair/letting-go"] = new(Get: "/repair/letting-go?destroyed=1"),
            ["/repair/letting-go/{Id:guid}"] = new(Get: "/repair/letting-go/" + Guid.Empty + "?step=3"),
            ["/repair/apology"] = new(Get: "/repair/apology?sent=1"),
            ["/api/v1/repair"] = new(Get: "/api/v1/repair"),
            ["/api/v1/repair/guide"] = new(Get: "/api/v1/repair/guide"),
            ["/api/v1/repair/{id:guid}"] = new(Get: "/api/v1/repair/" + Guid.Empty),
            ["/api/v1/repair/{id:guid}/calm"] = new(Post: "/api/v1/repair/" + Guid.Empty + "/calm", Json: "{\"revision\":1}"),
            ["/api/v1/repair/{id:guid}/pause"] = new(Post: "/api/v1/repair/" + Guid.Empty + "/pause", Json: "{\"revision\":1}"),
            ["/api/v1/repair/{id:guid}/set-aside"] = new(Post: "/api/v1/repair/" + Guid.Empty + "/set-aside", Json: "{\"revision\":1}"),
            ["/api/v1/repair/{id:guid}/steps"] = new(
                Post: "/api/v1/repair/" + Guid.Empty + "/steps",
                Json: "{\"step\":\"feelings\",\"feelings\":[\"hurt\"],\"text\":\"probe\"}"
            ),
            ["/api/v1/repair/{id:guid}/heard"] = new(
                Post: "/api/v1/repair/" + Guid.Empty + "/heard",
                Json: "{\"reply\":\"missed\",\"missed\":\"probe\"}"
            ),
            ["/api/v1/repair/{id:guid}/follow-up"] = new(
                Post: "/api/v1/repair/" + Guid.Empty + "/follow-up",
                Json: "{\"choice\":\"better\"}"
            ),
            ["/api/v1/letting-go"] = new(Get: "/api/v1/letting-go"),
            ["/api/v1/letting-go/{id:guid}"] = new(Get: "/api/v1/letting-go/" + Guid.Empty),
            ["/api/v1/letting-go/{id:guid}/steps"] = new(
                Post: "/api/v1/letting-go/" + Guid.Empty + "/steps",
                Json: "{\"step\":\"decide\",\"decision\":\"toward\"}"
            ),
            ["/api/v1/letting-go/{id:guid}/put-away"] = new(Post: "/api/v1/letting-go/" + Guid.Empty + "/put-away", Json: "{}"),
            ["/api/v1/repair/apologies"] = new(Post: "/api/v1/repair/apologies", Json: "{\"did\":\"\",\"effect\":\"e\",\"will\":\"w\"}"),
            ["/api/v1/repair/apologies/check"] = new(
                Post: "/api/v1/repair/apologies/check",
                Json: "{\"did\":\"probe\",\"effect\":\"e\",\"will\":\"w\"}"
            ),
        };
}
