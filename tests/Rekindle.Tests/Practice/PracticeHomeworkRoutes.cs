using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Practice;

/// <summary>
/// Practice mode's homework and "for our next session" (decisions/0044). Every route with how the adversarial suite calls it;
/// with practice mode off (as the walks run) each is a 404, and PracticeHomeworkTests walks them with it on.
/// </summary>
public sealed class PracticeHomeworkRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/pro/connections/{Id:guid}/homework"] = new(Get: "/pro/connections/" + Guid.Empty + "/homework?kind=lesson"),
            ["/counselor/homework"] = new(Get: "/counselor/homework"),
            ["/api/v1/professional/connections/{id:guid}/homework"] = new(
                Get: "/api/v1/professional/connections/" + Guid.Empty + "/homework"
            ),
            ["/api/v1/professional/connections/{id:guid}/homework/{homeworkId:guid}"] = new(
                Post: "/api/v1/professional/connections/" + Guid.Empty + "/homework/" + Guid.Empty,
                Method: "DELETE"
            ),
            ["/api/v1/professional/homework-library"] = new(Get: "/api/v1/professional/homework-library?kind=topic&q=you"),
            ["/api/v1/counselor/homework"] = new(Get: "/api/v1/counselor/homework"),
            ["/api/v1/counselor/homework/{id:guid}/done"] = new(
                Post: "/api/v1/counselor/homework/" + Guid.Empty + "/done",
                Json: "{\"done\":true}",
                Method: "PUT"
            ),
            ["/api/v1/counselor/session-items"] = new(
                Post: "/api/v1/counselor/session-items",
                Json: "{\"connection\":\"" + Guid.Empty + "\",\"text\":\"probe\"}"
            ),
            ["/api/v1/counselor/session-items/{id:guid}"] = new(Post: "/api/v1/counselor/session-items/" + Guid.Empty, Method: "DELETE"),
        };
}
