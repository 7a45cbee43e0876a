using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Spontaneity;

/// <summary>
/// Spontaneity. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class SpontaneityRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/spontaneity"] = new(Get: "/spontaneity?budget=free&minutes=15&home=1&n=2"),
            ["/spontaneity/gestures"] = new(Get: "/spontaneity/gestures?place=home&minutes=5"),
            ["/api/v1/spontaneity"] = new(Get: "/api/v1/spontaneity?budget=free&minutes=15&home=true&another=2"),
            ["/api/v1/spontaneity/gestures"] = new(Get: "/api/v1/spontaneity/gestures?place=home&minutes=5&page=2"),
            ["/api/v1/spontaneity/gestures/marks"] = new(
                Post: "/api/v1/spontaneity/gestures/marks",
                Json: "{\"gestureId\":\"no-such-gesture\",\"mark\":\"love\"}"
            ),
            ["/api/v1/spontaneity/notes"] = new(Get: "/api/v1/spontaneity/notes"),
        };
}
