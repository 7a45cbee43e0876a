using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Practice;

/// <summary>
/// Practice mode's accounts (decisions/0044): the practice admin's page. Every route of this part with how the adversarial
/// suite calls it (docs/TRUST.md T1, T2): a partner and another couple get a 404 from it.
/// </summary>
public sealed class PracticeAccountsRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call> { ["/practice"] = new(Get: "/practice") };
}
