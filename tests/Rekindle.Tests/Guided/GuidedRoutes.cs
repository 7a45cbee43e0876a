using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Guided;

/// <summary>The program's routes (decisions/0040) with how the adversarial suite calls them (docs/TRUST.md T1, T2).</summary>
public sealed class GuidedRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/program"] = new(Get: "/program"),
            ["/program/week/{Week:int}"] = new(Get: "/program/week/1"),
            ["/program/week/{Week:int}/{Step}"] = new(Get: "/program/week/1/reflect"),
            ["/api/v1/program"] = new(Get: "/api/v1/program"),
            ["/api/v1/program/start"] = new(Post: "/api/v1/program/start", Json: "{\"pace\":\"weekly\",\"reminders\":false}"),
            ["/api/v1/program/pace"] = new(Post: "/api/v1/program/pace", Json: "{\"pace\":\"weekly\"}", Method: "PUT"),
            ["/api/v1/program/reminders"] = new(Post: "/api/v1/program/reminders", Json: "{\"on\":false}", Method: "PUT"),
            ["/api/v1/program/next"] = new(Post: "/api/v1/program/next", Json: "{\"kind\":\"monthly\"}"),
            ["/api/v1/program/weeks/{week:int}"] = new(Get: "/api/v1/program/weeks/1"),
            ["/api/v1/program/weeks/{week:int}/lesson-done"] = new(Post: "/api/v1/program/weeks/1/lesson-done", Json: "{}"),
            ["/api/v1/program/weeks/{week:int}/reflection"] = new(
                Post: "/api/v1/program/weeks/1/reflection",
                Json: "{\"text\":\"x\"}",
                Method: "PUT"
            ),
            ["/api/v1/program/weeks/{week:int}/together-done"] = new(Post: "/api/v1/program/weeks/1/together-done", Json: "{}"),
            ["/api/v1/program/weeks/{week:int}/end-check"] = new(
                Post: "/api/v1/program/weeks/1/end-check",
                Json: "{\"helpful\":\"yes\",\"together\":\"yes\",\"closeness\":3}",
                Method: "PUT"
            ),
        };
}
