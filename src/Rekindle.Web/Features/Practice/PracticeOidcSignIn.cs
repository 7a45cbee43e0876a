using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// The end of the round trip through the practice's provider: who came back, and whether they are one of the practice's
/// professionals. Their stored login finds them; on first use, the provider's email does, only when the provider says it
/// verified it and it is the email of a professional's account the operator made (then the login is kept for next time).
/// Anyone else is refused: no account is made and no session starts. On success our own session starts, as after a password
/// (the session and its "signed in" line in the security log come from the cookie's sign-in), marked as through the provider.
/// </summary>
public sealed class CompletePracticeSignIn(
    IHttpContextAccessor accessor,
    SignInManager<Member> signIn,
    RecentConfirmation recent,
    ILogger<CompletePracticeSignIn> logger
)
{
    public async Task<Outcome<Member>> HandleAsync()
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("Only during a request.");
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // What the provider said is needed once, here: it never outlives this request.
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        if (
            !external.Succeeded
            || external.Principal is not { } principal
            || external.Properties?.Items.TryGetValue("LoginProvider", out var provider) != true
            || provider != PracticeOidc.Scheme
            || principal.FindFirstValue("sub") is not { Length: > 0 and <= 255 } subject
        )
        {
            return Refused();
        }

        var users = signIn.UserManager;
        var member = await users.FindByLoginAsync(PracticeOidc.Scheme, subject);
        if (member is null && await ByVerifiedEmailAsync(principal) is { } professional)
        {
            var added = await users.AddLoginAsync(professional, new UserLoginInfo(PracticeOidc.Scheme, subject, PracticeOidc.Scheme));
            if (added.Succeeded)
            {
                logger.LogInformation("Professional {MemberId} linked to the practice's provider", professional.Id);
                member = professional;
            }
        }

        if (member is not { IsProfessional: true } || !await signIn.CanSignInAsync(member))
        {
            return Refused();
        }

        await signIn.SignInWithClaimsAsync(
            member,
            isPersistent: false,
            [new Claim(PracticeOidc.ViaClaim, PracticeOidc.Via), new Claim(ClaimTypes.AuthenticationMethod, PracticeOidc.Via)]
        );
        recent.Mark(member.Id);
        logger.LogInformation("Professional {MemberId} signed in through the practice's provider", member.Id);
        return Outcome<Member>.Ok(member);
    }

    /// <summary>
    /// A professional's account with the email the provider verified, and not yet linked to another login of the provider (a
    /// second person at the provider with the same email must not take over an account already linked).
    /// </summary>
    private async Task<Member?> ByVerifiedEmailAsync(ClaimsPrincipal principal)
    {
        var verified = string.Equals(principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        var email = principal.FindFirstValue("email")?.Trim();
        if (!verified || string.IsNullOrEmpty(email) || email.Length > RegisterMember.EmailMaxLength || !RegisterMember.IsEmail(email))
        {
            return null;
        }

        var users = signIn.UserManager;
        var member = await users.FindByEmailAsync(email);
        if (member is not { IsProfessional: true, EmailConfirmed: true })
        {
            return null;
        }

        var logins = await users.GetLoginsAsync(member);
        return logins.Any(l => l.LoginProvider == PracticeOidc.Scheme) ? null : member;
    }

    private Problem Refused()
    {
        logger.LogInformation("A sign-in through the practice's provider was refused");
        return Problem.NotFound(Text.Of("This sign-in is for the practice's professionals."));
    }
}
