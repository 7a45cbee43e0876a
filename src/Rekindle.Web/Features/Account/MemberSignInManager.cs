using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Identity's sign-in manager, refusing a member the operator turned off (decisions/0045) on every path that asks it: the
/// authenticator and recovery-code steps, passkeys and the practice's provider. The password paths check first themselves
/// (SignInWithPassword), so a stranger learns nothing before the password is right; open sessions stop in CheckSession.
/// </summary>
public sealed class MemberSignInManager(
    UserManager<Member> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<Member> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<Member>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<Member> confirmation
) : SignInManager<Member>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(Member user) => user.DisabledAt is null && await base.CanSignInAsync(user);
}
