using Rekindle.Tests.Trust;

namespace Rekindle.Tests.About;

/// <summary>
/// About: who runs this server. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class AboutRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call> { ["/about"] = new(Get: "/about") };
}
