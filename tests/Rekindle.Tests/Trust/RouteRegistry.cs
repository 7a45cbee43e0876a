namespace Rekindle.Tests.Trust;

/// <summary>
/// Every route of the app, with how a test calls it, put together from one file per area
/// (<c>tests/Rekindle.Tests/&lt;Area&gt;/&lt;Area&gt;Routes.cs</c>, each an <see cref="IAreaRoutes"/>). The route walk
/// fails when the app serves a route missing here, so each new page or endpoint joins the adversarial
/// suite when it is added; a route two areas both claim stops the suite with both names.
/// </summary>
public static class RouteRegistry
{
    /// <summary>How to call a route: a GET path to walk, or a POST with form fields (antiforgery added).</summary>
    public sealed record Call(
        string? Get = null,
        string? Post = null,
        IReadOnlyDictionary<string, string>? Fields = null,
        bool EndsSession = false,
        string? Json = null,
        string? Method = null
    );

    /// <summary>The areas whose routes make up the registry, by name.</summary>
    public static IReadOnlyList<Type> Areas { get; } =
        typeof(RouteRegistry)
            .Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsClass && !t.IsAbstract && typeof(IAreaRoutes).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyDictionary<string, Call> Routes { get; } = Assemble(Areas);

    /// <summary>One dictionary of the areas' routes, in area order; a route claimed twice is an error naming both.</summary>
    public static IReadOnlyDictionary<string, Call> Assemble(IEnumerable<Type> areas)
    {
        var routes = new Dictionary<string, Call>();
        var owners = new Dictionary<string, string>();
        foreach (var area in areas)
        {
            var instance = (IAreaRoutes)Activator.CreateInstance(area)!;
            foreach (var (route, call) in instance.Routes)
            {
                if (!owners.TryAdd(route, area.Name))
                {
                    throw new InvalidOperationException(
                        $"{route} is in both {owners[route]} and {area.Name}; keep it in the area that maps it."
                    );
                }

                routes[route] = call;
            }
        }

        return routes;
    }
}

/// <summary>One area's routes for the adversarial suite: a public class with a parameterless constructor, found by reflection.</summary>
public interface IAreaRoutes
{
    /// <summary>Each route pattern as the app maps it, with how to call it.</summary>
    IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; }
}
