using Rekindle.Tests.Trust;

namespace Rekindle.Tests.MyData;

/// <summary>
/// My data: export and deletion. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class MyDataRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/account/data"] = new(Get: "/account/data"),
            ["/account/delete"] = new(Get: "/account/delete"),
            ["/account/deleted"] = new(Get: "/account/deleted"),
            ["/account/export/{format}"] = new(Post: "/account/export/json"),
        };
}
