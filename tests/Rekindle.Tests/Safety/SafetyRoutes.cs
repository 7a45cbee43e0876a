using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Safety;

/// <summary>
/// Safety: quick exit and help. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class SafetyRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call> { ["/exit"] = new(Get: "/exit", EndsSession: true), ["/safety"] = new(Get: "/safety") };
}
