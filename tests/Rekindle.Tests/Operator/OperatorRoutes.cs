using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Operator;

/// <summary>
/// The content-blind admin pages (decisions/0045). Every route with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a partner, another couple and a professional get a 404 from each; the operator's walk (<see cref="OperatorWalkTests"/>) opens
/// each account's page with real ids and finds no name and nothing written.
/// </summary>
public sealed class OperatorRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/admin"] = new(Get: "/admin"),
            ["/admin/accounts"] = new(Get: "/admin/accounts"),
            ["/admin/accounts/{Id:guid}"] = new(Get: "/admin/accounts/" + Guid.Empty),
        };
}
