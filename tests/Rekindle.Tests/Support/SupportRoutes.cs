using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Support;

/// <summary>
/// Support. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class SupportRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/support"] = new(Get: "/support?q=relate&kind=couples-counselor&mode=online"),
            ["/support/summary"] = new(Get: "/support/summary?problem=empty&part=check"),
            ["/support/summary/make"] = new(
                Post: "/support/summary/make",
                Fields: new Dictionary<string, string> { ["include"] = "self-care", ["format"] = "html" }
            ),
            ["/api/v1/support"] = new(Get: "/api/v1/support"),
            ["/api/v1/support/directory"] = new(Get: "/api/v1/support/directory?q=relate&kind=couples-counselor&mode=online"),
            ["/api/v1/support/summary"] = new(Post: "/api/v1/support/summary", Json: "{\"include\":[\"self-care\"],\"format\":\"html\"}"),
        };
}
