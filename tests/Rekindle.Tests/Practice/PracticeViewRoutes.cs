using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Practice;

/// <summary>
/// Practice mode, what a professional sees (decisions/0044): the dashboard, a connection's view, session prep and its print,
/// "what your counselor sees", and the professional's read API. Each route with how the adversarial suite calls it.
/// </summary>
public sealed class PracticeViewRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/pro"] = new(Get: "/pro"),
            ["/pro/connections/{Id:guid}"] = new(Get: "/pro/connections/" + Guid.Empty),
            ["/pro/connections/{Id:guid}/prep"] = new(Get: "/pro/connections/" + Guid.Empty + "/prep"),
            ["/pro/connections/{id:guid}/prep/print"] = new(Get: "/pro/connections/" + Guid.Empty + "/prep/print?format=html"),
            ["/counselor/sees"] = new(Get: "/counselor/sees"),
            ["/api/v1/professional/connections"] = new(Get: "/api/v1/professional/connections"),
            ["/api/v1/professional/connections/{id:guid}"] = new(Get: "/api/v1/professional/connections/" + Guid.Empty),
            ["/api/v1/professional/connections/{id:guid}/prep"] = new(Get: "/api/v1/professional/connections/" + Guid.Empty + "/prep"),
            ["/api/v1/professional/connections/{id:guid}/last-session"] = new(
                Post: "/api/v1/professional/connections/" + Guid.Empty + "/last-session",
                Json: "{\"day\":\"2026-11-20\"}",
                Method: "PUT"
            ),
        };
}
