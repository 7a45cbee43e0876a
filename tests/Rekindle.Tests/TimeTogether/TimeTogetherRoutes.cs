using Rekindle.Tests.Trust;

namespace Rekindle.Tests.TimeTogether;

/// <summary>
/// Time together. Every route of the area with how the adversarial suite calls it (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class TimeTogetherRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/time-together"] = new(Get: "/time-together?place=home"),
            ["/time-together/ideas"] = new(Get: "/time-together/ideas?page=2"),
            ["/time-together/plan"] = new(Get: "/time-together/plan?idea=d001"),
            ["/time-together/dates"] = new(Get: "/time-together/dates"),
            ["/time-together/dates/{Id:guid}"] = new(Get: "/time-together/dates/" + Guid.Empty),
            ["/time-together/dates/{id:guid}/calendar.ics"] = new(Get: "/time-together/dates/" + Guid.Empty + "/calendar.ics"),
            ["/time-together/evening"] = new(Get: "/time-together/evening"),
            ["/time-together/evening/calendar.ics"] = new(Get: "/time-together/evening/calendar.ics"),
            ["/time-together/calendar"] = new(Get: "/time-together/calendar"),
            ["/calendar/{token}.ics"] = new(Get: "/calendar/not-a-secret-address-at-all-0000.ics"),
            ["/api/v1/dates"] = new(Post: "/api/v1/dates", Json: "{\"title\":\"\",\"minutes\":60,\"times\":[]}"),
            ["/api/v1/dates/{id:guid}/accept"] = new(
                Post: "/api/v1/dates/" + Guid.Empty + "/accept",
                Json: "{\"optionId\":\"" + Guid.Empty + "\"}"
            ),
            ["/api/v1/dates/{id:guid}"] = new(Get: "/api/v1/dates/" + Guid.Empty),
            ["/api/v1/dates/{id:guid}/suggest"] = new(
                Post: "/api/v1/dates/" + Guid.Empty + "/suggest",
                Json: "{\"day\":\"2030-01-01\",\"time\":\"19:00\"}"
            ),
            ["/api/v1/dates/{id:guid}/cancel"] = new(Post: "/api/v1/dates/" + Guid.Empty + "/cancel", Json: "{}"),
            ["/api/v1/dates/{id:guid}/reflection"] = new(
                Post: "/api/v1/dates/" + Guid.Empty + "/reflection",
                Json: "{\"rating\":\"good\",\"highlight\":\"probe\"}"
            ),
            ["/api/v1/dates/weeks"] = new(Get: "/api/v1/dates/weeks"),
            ["/api/v1/date-ideas"] = new(Get: "/api/v1/date-ideas?place=out&unrated=true&page=2"),
            ["/api/v1/date-ideas/both-enjoy"] = new(Get: "/api/v1/date-ideas/both-enjoy"),
            ["/api/v1/date-ideas/ratings"] = new(
                Post: "/api/v1/date-ideas/ratings",
                Json: "{\"key\":\"custom:00000000000000000000000000000000\",\"rating\":\"love\"}"
            ),
            ["/api/v1/evening"] = new(Get: "/api/v1/evening"),
            ["/api/v1/evening/agree"] = new(Post: "/api/v1/evening/agree", Json: "{}"),
            ["/api/v1/evening/skips"] = new(Post: "/api/v1/evening/skips", Json: "{\"day\":\"2000-01-01\",\"skip\":true}"),
            ["/api/v1/evening/stop"] = new(Post: "/api/v1/evening/stop", Json: "{}"),
            ["/api/v1/calendar-feed"] = new(Get: "/api/v1/calendar-feed"),
            ["/api/v1/calendar-feed/names"] = new(Post: "/api/v1/calendar-feed/names", Json: "{\"showNames\":true}"),
            ["/api/v1/calendar-feed/off"] = new(Post: "/api/v1/calendar-feed/off", Json: "{}"),
            ["/api/v1/dates/{id:guid}/calendar.ics"] = new(Get: "/api/v1/dates/" + Guid.Empty + "/calendar.ics"),
            ["/api/v1/evening/calendar.ics"] = new(Get: "/api/v1/evening/calendar.ics"),
        };
}
