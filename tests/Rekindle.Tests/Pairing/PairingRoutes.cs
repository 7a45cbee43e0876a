using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Pairing;

/// <summary>
/// Pairing: the couple space, invites and joining. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class PairingRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/couple"] = new(Get: "/couple"),
            ["/join"] = new(Get: "/join?code=ABCD-EFGH"),
            ["/api/v1/couple"] = new(Get: "/api/v1/couple"),
            ["/api/v1/couple/invite"] = new(Post: "/api/v1/couple/invite", Json: "{}"),
            ["/api/v1/invites/preview"] = new(Get: "/api/v1/invites/preview?code=ABCD-EFGH"),
            ["/api/v1/couple/join"] = new(Post: "/api/v1/couple/join", Json: "{\"code\":\"ABCD-EFGH\"}"),
            ["/api/v1/couple/leave"] = new(Post: "/api/v1/couple/leave", Json: "{\"confirm\":false}"),
        };
}
