using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Library;

/// <summary>
/// The lesson library. Every route of it with how the adversarial suite calls it (docs/TRUST.md T1, T2): read-only content,
/// nothing of a couple's, so a partner and another couple see exactly what the member sees.
/// </summary>
public sealed class LibraryRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/program/lessons"] = new(Get: "/program/lessons?q=talk"),
            ["/program/lessons/{Key}"] = new(Get: "/program/lessons/no-such-lesson"),
            ["/api/v1/lessons"] = new(Get: "/api/v1/lessons?q=talk"),
            ["/api/v1/lessons/{key}"] = new(Get: "/api/v1/lessons/no-such-lesson"),
        };
}
