using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Practice;

/// <summary>Practice mode, connecting (decisions/0044): the member's /counselor, the professional's codes, and their API.</summary>
public sealed class PracticeConnectRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/counselor"] = new(Get: "/counselor"),
            ["/pro/codes"] = new(Get: "/pro/codes"),
            ["/api/v1/counselor"] = new(Get: "/api/v1/counselor"),
            ["/api/v1/counselor/connect"] = new(
                Post: "/api/v1/counselor/connect",
                Json: "{\"code\":\"ABCDE-FGHJK\",\"scopes\":[\"homework\"],\"forBoth\":false}"
            ),
            ["/api/v1/counselor/agree"] = new(Post: "/api/v1/counselor/agree", Json: "{\"scopes\":[\"homework\"]}"),
            ["/api/v1/counselor/scopes"] = new(
                Post: "/api/v1/counselor/scopes",
                Method: "PUT",
                Json: "{\"connectionId\":\"00000000-0000-0000-0000-000000000001\",\"scopes\":[]}"
            ),
            ["/api/v1/counselor/end"] = new(
                Post: "/api/v1/counselor/end",
                Json: "{\"connectionId\":\"00000000-0000-0000-0000-000000000001\"}"
            ),
            ["/api/v1/professional/codes"] = new(Get: "/api/v1/professional/codes"),
            ["/api/v1/professional/codes/{id:guid}"] = new(
                Post: "/api/v1/professional/codes/00000000-0000-0000-0000-000000000001",
                Method: "DELETE",
                Json: "{}"
            ),
        };
}
