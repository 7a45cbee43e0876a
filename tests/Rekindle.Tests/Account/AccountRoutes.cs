using Rekindle.Tests.Trust;

namespace Rekindle.Tests.Account;

/// <summary>
/// Account: sign-up, sign-in, security settings, notifications, tokens. Every route of the area with how the adversarial suite calls it
/// (docs/TRUST.md T1, T2):
/// a GET path to walk, a POST with form fields, or a JSON body an API walk sends with a bearer token.
/// </summary>
public sealed class AccountRoutes : IAreaRoutes
{
    public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
        new Dictionary<string, RouteRegistry.Call>
        {
            ["/account/activity"] = new(Get: "/account/activity"),
            ["/account/authenticator"] = new(Get: "/account/authenticator"),
            ["/account/change-password"] = new(Get: "/account/change-password"),
            ["/account/check-email"] = new(Get: "/account/check-email"),
            ["/account/confirm-email"] = new(Get: "/account/confirm-email"),
            ["/account/confirm-password"] = new(Get: "/account/confirm-password"),
            ["/account/forgot-password"] = new(Get: "/account/forgot-password"),
            ["/account/locked"] = new(Get: "/account/locked"),
            ["/account/login"] = new(Get: "/account/login"),
            ["/account/login-2fa"] = new(Get: "/account/login-2fa"),
            ["/account/login-recovery"] = new(Get: "/account/login-recovery"),
            ["/account/register"] = new(Get: "/account/register"),
            ["/account/resend-confirmation"] = new(Get: "/account/resend-confirmation"),
            ["/account/reset-password"] = new(Get: "/account/reset-password"),
            ["/account/security"] = new(Get: "/account/security"),
            ["/account/passkey/creation-options"] = new(Post: "/account/passkey/creation-options"),
            ["/account/passkey/request-options"] = new(Post: "/account/passkey/request-options"),
            ["/account/passkey/sign-in"] = new(
                Post: "/account/passkey/sign-in",
                Fields: new Dictionary<string, string> { ["credential"] = "{}" }
            ),
            ["/account/logout"] = new(Post: "/account/logout", EndsSession: true),
            ["/account/notifications"] = new(Get: "/account/notifications"),
            ["/email/stop/{Token}"] = new(Get: "/email/stop/not-a-token"),
            ["/email/stop/{token}/one-click"] = new(
                Post: "/email/stop/not-a-token/one-click",
                Fields: new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }
            ),
            ["/api/v1/auth/token"] = new(
                Post: "/api/v1/auth/token",
                Json: "{\"email\":\"nobody@example.org\",\"password\":\"not the password\"}"
            ),
            ["/api/v1/auth/refresh"] = new(Post: "/api/v1/auth/refresh", Json: "{\"refreshToken\":\"00000000000000000000000000000000.x\"}"),
            ["/api/v1/auth/revoke"] = new(Post: "/api/v1/auth/revoke", Json: "{\"refreshToken\":\"00000000000000000000000000000000.x\"}"),
            ["/api/v1/me"] = new(Get: "/api/v1/me"),
            ["/api/v1/me/language"] = new(Get: "/api/v1/me/language"),
        };
}
