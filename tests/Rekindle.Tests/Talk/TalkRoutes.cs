using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Talk;

/// <summary>
/// Talk. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class TalkRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/talk"] = new(Get: "/talk"),
            ["/talk/archive"] = new(Get: "/talk/archive?q=a"),
            ["/talk/check-in"] = new(Get: "/talk/check-in"),
            ["/talk/conversation"] = new(Get: "/talk/conversation"),
            ["/talk/conversation/state"] = new(Get: "/talk/conversation/state"),
            ["/talk/questions"] = new(Get: "/talk/questions"),
            ["/api/v1/talk/today"] = new(Get: "/api/v1/talk/today"),
            ["/api/v1/talk/today/answer"] = new(
                Post: "/api/v1/talk/today/answer",
                Json: "{\"questionId\":\"" + Guid.Empty + "\",\"text\":\"probe\",\"pass\":false}"
            ),
            ["/api/v1/talk/check-in"] = new(
                Post: "/api/v1/talk/check-in",
                Json: "{\"appreciations\":[\"a\",\"b\",\"c\"],\"wentWell\":\"\",\"toTalkAbout\":\"x\",\"feelLoved\":\"x\",\"pulse\":5}"
            ),
            ["/api/v1/talk/answers/reply"] = new(
                Post: "/api/v1/talk/answers/reply",
                Json: "{\"questionId\":\"" + Guid.Empty + "\",\"reply\":\"probe\",\"reaction\":\"Heart\"}"
            ),
            ["/api/v1/talk/archive"] = new(Get: "/api/v1/talk/archive?q=marker"),
            ["/api/v1/talk/questions"] = new(Post: "/api/v1/talk/questions", Json: "{\"text\":\"What probe?\"}"),
            ["/api/v1/talk/questions/{id:guid}"] = new(Post: "/api/v1/talk/questions/" + Guid.Empty, Method: "DELETE"),
            ["/api/v1/talk/question-mutes"] = new(Get: "/api/v1/talk/question-mutes"),
            ["/api/v1/talk/soft-startup"] = new(Post: "/api/v1/talk/soft-startup", Json: "{\"text\":\"you never\"}"),
            ["/api/v1/talk/conversation"] = new(Get: "/api/v1/talk/conversation"),
            ["/api/v1/talk/conversation/state"] = new(Get: "/api/v1/talk/conversation/state"),
            ["/api/v1/talk/conversation/steps"] = new(Post: "/api/v1/talk/conversation/steps", Json: "{\"action\":\"End\",\"version\":1}"),
            ["/api/v1/talk/conversation/summary"] = new(Post: "/api/v1/talk/conversation/summary", Json: "{\"summary\":\"probe\"}"),
        };
}
