using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Intimacy;

/// <summary>
/// Intimacy. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class IntimacyRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/intimacy"] = new(Get: "/intimacy"),
            ["/intimacy/answers"] = new(Get: "/intimacy/answers?category=words&all=1"),
            ["/intimacy/matches"] = new(Get: "/intimacy/matches"),
            ["/intimacy/program"] = new(Get: "/intimacy/program"),
            ["/intimacy/resources"] = new(Get: "/intimacy/resources"),
            ["/api/v1/intimacy"] = new(Get: "/api/v1/intimacy"),
            ["/api/v1/intimacy/opt-in"] = new(Post: "/api/v1/intimacy/opt-in", Json: "{\"adult\":false}"),
            ["/api/v1/intimacy/opt-out"] = new(Post: "/api/v1/intimacy/opt-out", Json: "{\"deleteAnswers\":false}"),
            ["/api/v1/intimacy/answers"] = new(Get: "/api/v1/intimacy/answers?category=words&all=true"),
            ["/api/v1/intimacy/items"] = new(Post: "/api/v1/intimacy/items", Json: "{\"text\":\"\",\"category\":\"words\"}"),
            ["/api/v1/intimacy/matches"] = new(Get: "/api/v1/intimacy/matches"),
            ["/api/v1/intimacy/matches/check-in-first"] = new(
                Post: "/api/v1/intimacy/matches/check-in-first",
                Json: "{\"key\":\"no-such-item\",\"on\":true}"
            ),
            ["/api/v1/intimacy/program"] = new(Get: "/api/v1/intimacy/program"),
            ["/api/v1/intimacy/program/ready"] = new(Post: "/api/v1/intimacy/program/ready", Json: "{\"ready\":true,\"stage\":99}"),
            ["/api/v1/intimacy/program/sessions"] = new(
                Post: "/api/v1/intimacy/program/sessions",
                Json: "{\"day\":\"2000-01-01\",\"feeling\":\"calm\"}"
            ),
            ["/api/v1/intimacy/resources"] = new(Get: "/api/v1/intimacy/resources"),
        };
}
