using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Betrayal;

/// <summary>The path after a betrayal: every route with how the adversarial suite calls it (docs/TRUST.md T1, T2).</summary>
public sealed class BetrayalRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/repair/betrayal"] = new(Get: "/repair/betrayal"),
            ["/repair/betrayal/{Id:guid}"] = new(Get: "/repair/betrayal/" + Guid.Empty),
            ["/api/v1/betrayal"] = new(Get: "/api/v1/betrayal"),
            ["/api/v1/betrayal/{id:guid}"] = new(Get: "/api/v1/betrayal/" + Guid.Empty),
        };
}
