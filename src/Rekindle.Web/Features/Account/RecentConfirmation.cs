using Microsoft.AspNetCore.DataProtection;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// "Did this person prove they are the member in the last few minutes?" Changing how an account
/// signs in (passkeys, authenticator, recovery codes) asks for it, so someone who picks up an
/// unlocked, signed-in phone cannot quietly add their own way in. Signing in counts, and so does
/// typing the password again on /account/confirm-password. The proof is a short-lived,
/// tamper-proof cookie bound to the member.
/// </summary>
public sealed class RecentConfirmation(
    IHttpContextAccessor accessor,
    IDataProtectionProvider protection,
    TimeProvider clock,
    Infrastructure.Security.CookieNames cookies
)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    private readonly IDataProtector _protector = protection.CreateProtector("Rekindle.Account.RecentConfirmation");

    private HttpContext Context => accessor.HttpContext ?? throw new InvalidOperationException("Only during a request.");

    public void Mark(Guid memberId)
    {
        var until = clock.GetUtcNow() + Window;
        Context.Response.Cookies.Append(
            cookies.Confirmed,
            _protector.Protect($"{memberId:N}|{until.ToUnixTimeSeconds()}"),
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = cookies.SecureOnly || Context.Request.IsHttps,
                Path = "/",
                MaxAge = Window,
            }
        );
    }

    public bool IsFresh(Guid memberId)
    {
        if (!Context.Request.Cookies.TryGetValue(cookies.Confirmed, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            var parts = _protector.Unprotect(value).Split('|');
            return parts.Length == 2
                && parts[0] == memberId.ToString("N")
                && long.TryParse(parts[1], out var until)
                && clock.GetUtcNow().ToUnixTimeSeconds() < until;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public void Forget() => Context.Response.Cookies.Delete(cookies.Confirmed, new CookieOptions { Path = "/" });

    public static string LinkFor(string returnUrl) => "/account/confirm-password?returnUrl=" + Uri.EscapeDataString(returnUrl);
}
