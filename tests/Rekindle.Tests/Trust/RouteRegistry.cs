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

    /// <summary>
    /// Stands for a professional's connection id in a route's address, fields or JSON (practice mode, decisions/0044), as in
    /// <c>"/api/v1/counselor/connections/" + RouteRegistry.ConnectionId</c>. On the professional's own routes (/pro/... and
    /// /api/v1/professional/...) <c>"/connections/" + Guid.Empty</c> means the same. The partner's and another couple's walks
    /// call a route as written (a connection that is no one's); the professional's walk (<see cref="ProfessionalWalkTests"/>,
    /// docs/TRUST.md T18) puts a real connection's id in its place. Any other id in a route stays <see cref="Guid.Empty"/>.
    /// </summary>
    public static readonly Guid ConnectionId = new("c0c0c0c0-0000-4000-8000-000000000026");

    private static readonly string[] ProfessionalPrefixes = ["/pro/", "/api/v1/professional/"];

    private static readonly string EmptyConnection = "/connections/" + Guid.Empty;

    /// <summary>The call with the connection's place (see <see cref="ConnectionId"/>) holding <paramref name="connectionId"/>.</summary>
    public static Call For(Call call, Guid connectionId)
    {
        string? Put(string? text) => text?.Replace(ConnectionId.ToString(), connectionId.ToString(), StringComparison.OrdinalIgnoreCase);
        string? PutInPath(string? path) =>
            path is not null && ProfessionalPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal))
                ? Put(path)!.Replace(EmptyConnection, "/connections/" + connectionId, StringComparison.Ordinal)
                : Put(path);
        return call with
        {
            Get = PutInPath(call.Get),
            Post = PutInPath(call.Post),
            Json = Put(call.Json),
            Fields = call.Fields?.ToDictionary(f => f.Key, f => Put(f.Value)!),
        };
    }

    /// <summary>Whether the call names a professional's connection (see <see cref="ConnectionId"/>).</summary>
    public static bool TakesConnection(Call call)
    {
        var marked = For(call, Guid.NewGuid());
        return marked.Get != call.Get
            || marked.Post != call.Post
            || marked.Json != call.Json
            || (call.Fields?.Any(f => marked.Fields![f.Key] != f.Value) ?? false);
    }

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
