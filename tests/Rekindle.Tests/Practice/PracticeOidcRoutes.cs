using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Practice;

/// <summary>Practice mode, the sign-in through the practice's provider (decisions/0044): every route with how the adversarial suite
/// calls it. The provider's callback (/pro/sign-in/callback) is answered by the authentication handler, not a route.</summary>
public sealed class PracticeOidcRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/pro/sign-in"] = new(Get: "/pro/sign-in"),
            ["/pro/sign-in/start"] = new(Post: "/pro/sign-in/start"),
            ["/pro/sign-in/done"] = new(Get: "/pro/sign-in/done"),
        };
}
