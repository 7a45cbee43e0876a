namespace Rekindle.Tests.Trust;

/// <summary>
/// Every route of the app, with how a test calls it. The route walk fails when the app serves a
/// route missing here, so each new page or endpoint joins the adversarial suite when it is added.
/// </summary>
public static class RouteRegistry
{
    /// <summary>How to call a route: a GET path to walk, or a POST with form fields (antiforgery added).</summary>
    public sealed record Call(string? Get = null, string? Post = null, IReadOnlyDictionary<string, string>? Fields = null, bool EndsSession = false, string? Json = null);

    public static readonly Dictionary<string, Call> Routes = new()
    {
        ["/"] = new(Get: "/"),
        ["/couple"] = new(Get: "/couple"),
        ["/join"] = new(Get: "/join?code=ABCD-EFGH"),
        ["/error"] = new(Get: "/error"),
        ["/error/{Status:int}"] = new(Get: "/error/404"),
        ["/healthz"] = new(Get: "/healthz"),
        ["/.well-known/security.txt"] = new(Get: "/.well-known/security.txt"),
        ["/sw.js"] = new(Get: "/sw.js"),
        ["/offline"] = new(Get: "/offline"),
        ["/account/activity"] = new(Get: "/account/activity"),
        ["/account/authenticator"] = new(Get: "/account/authenticator"),
        ["/account/change-password"] = new(Get: "/account/change-password"),
        ["/account/check-email"] = new(Get: "/account/check-email"),
        ["/account/confirm-email"] = new(Get: "/account/confirm-email"),
        ["/account/confirm-password"] = new(Get: "/account/confirm-password"),
        ["/account/data"] = new(Get: "/account/data"),
        ["/account/delete"] = new(Get: "/account/delete"),
        ["/account/deleted"] = new(Get: "/account/deleted"),
        ["/account/forgot-password"] = new(Get: "/account/forgot-password"),
        ["/account/locked"] = new(Get: "/account/locked"),
        ["/account/login"] = new(Get: "/account/login"),
        ["/account/login-2fa"] = new(Get: "/account/login-2fa"),
        ["/account/login-recovery"] = new(Get: "/account/login-recovery"),
        ["/account/register"] = new(Get: "/account/register"),
        ["/account/resend-confirmation"] = new(Get: "/account/resend-confirmation"),
        ["/account/reset-password"] = new(Get: "/account/reset-password"),
        ["/account/security"] = new(Get: "/account/security"),
        ["/account/export/{format}"] = new(Post: "/account/export/json"),
        ["/account/passkey/creation-options"] = new(Post: "/account/passkey/creation-options"),
        ["/account/passkey/request-options"] = new(Post: "/account/passkey/request-options"),
        ["/account/passkey/sign-in"] = new(Post: "/account/passkey/sign-in", Fields: new Dictionary<string, string> { ["credential"] = "{}" }),
        ["/account/logout"] = new(Post: "/account/logout", EndsSession: true),
        ["/exit"] = new(Get: "/exit", EndsSession: true),
        ["/understand"] = new(Get: "/understand"),
        ["/understand/check"] = new(Get: "/understand/check?part=money"),
        ["/understand/results"] = new(Get: "/understand/results"),
        ["/understand/map"] = new(Get: "/understand/map"),
        ["/understand/plan"] = new(Get: "/understand/plan"),
        ["/areas/{Key}"] = new(Get: "/areas/repair"),
        ["/safety"] = new(Get: "/safety"),
        ["/support"] = new(Get: "/support?q=relate&kind=couples-counselor&mode=online"),
        ["/support/summary"] = new(Get: "/support/summary?problem=empty&part=check"),
        ["/support/summary/make"] = new(Post: "/support/summary/make", Fields: new Dictionary<string, string> { ["include"] = "self-care", ["format"] = "html" }),
        ["/talk"] = new(Get: "/talk"),
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
        ["/spontaneity"] = new(Get: "/spontaneity?budget=free&minutes=15&home=1&n=2"),
        ["/spontaneity/gestures"] = new(Get: "/spontaneity/gestures?place=home&minutes=5"),
        ["/self-care"] = new(Get: "/self-care?day=2026-11-23"),
        ["/intimacy"] = new(Get: "/intimacy"),
        ["/intimacy/answers"] = new(Get: "/intimacy/answers?category=words&all=1"),
        ["/intimacy/matches"] = new(Get: "/intimacy/matches"),
        ["/intimacy/program"] = new(Get: "/intimacy/program"),
        ["/intimacy/resources"] = new(Get: "/intimacy/resources"),
        ["/talk/archive"] = new(Get: "/talk/archive?q=a"),
        ["/talk/check-in"] = new(Get: "/talk/check-in"),
        ["/progress"] = new(Get: "/progress"),
        ["/talk/conversation"] = new(Get: "/talk/conversation"),
        ["/talk/conversation/state"] = new(Get: "/talk/conversation/state"),
        ["/account/notifications"] = new(Get: "/account/notifications"),
        ["/repair"] = new(Get: "/repair"),
        ["/repair/{Id:guid}"] = new(Get: "/repair/" + Guid.Empty),
        ["/repair/letting-go"] = new(Get: "/repair/letting-go?destroyed=1"),
        ["/repair/letting-go/{Id:guid}"] = new(Get: "/repair/letting-go/" + Guid.Empty + "?step=3"),
        ["/repair/apology"] = new(Get: "/repair/apology?sent=1"),

        // The JSON API (decisions/0021): Json is the body an API walk sends with a bearer token.
        ["/api/v1/auth/token"] = new(Post: "/api/v1/auth/token", Json: "{\"email\":\"nobody@example.org\",\"password\":\"not the password\"}"),
        ["/api/v1/auth/refresh"] = new(Post: "/api/v1/auth/refresh", Json: "{\"refreshToken\":\"00000000000000000000000000000000.x\"}"),
        ["/api/v1/auth/revoke"] = new(Post: "/api/v1/auth/revoke", Json: "{\"refreshToken\":\"00000000000000000000000000000000.x\"}"),
        ["/api/v1/me"] = new(Get: "/api/v1/me"),
        ["/api/v1/couple"] = new(Get: "/api/v1/couple"),

        // The framework's own: static files that don't exist, and Blazor's redirect helper.
        ["/{**path:file}"] = new(Get: "/no-such-file.css"),
        ["/_framework/opaque-redirect"] = new(Get: "/_framework/opaque-redirect"),
    };
}
