using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// Resets a member's second sign-in step after the operator checked with them by another channel (decisions/0045, point 5): the
/// authenticator is turned off and its key replaced, the recovery codes removed, every session and refresh token ended. Passkeys
/// stay, listed on the member's security page for them to remove. The member gets an email without content; the answer is
/// whether it went out. Conflict when there is nothing to reset.
/// </summary>
public sealed class OperatorResetSecondFactor(
    UserManager<Member> users,
    IUserStore<Member> store,
    OperatorMembers members,
    AccountEmails emails,
    ILogger<OperatorResetSecondFactor> logger
)
{
    public async Task<Outcome<bool>> HandleAsync(Guid memberId, Guid? byOperator, CancellationToken cancellationToken = default)
    {
        var target = await members.TargetAsync(memberId, byOperator, notThemselves: true, cancellationToken: cancellationToken);
        if (!target.Succeeded)
        {
            return target.As<bool>();
        }

        var member = target.Value!;

        if (!member.TwoFactorEnabled && await users.CountRecoveryCodesAsync(member) == 0)
        {
            return Problem.Conflict(Text.Of("This account has no second sign-in step to reset."));
        }

        if (store is IUserTwoFactorRecoveryCodeStore<Member> codes)
        {
            await codes.ReplaceCodesAsync(member, [], cancellationToken);
        }

        await users.SetTwoFactorEnabledAsync(member, false);
        await users.ResetAuthenticatorKeyAsync(member);
        var ended = await members.EndEverySessionAsync(memberId, cancellationToken);
        logger.LogInformation(
            "Operator {OperatorId} reset the second factor of {MemberId}; {Sessions} sessions ended",
            byOperator,
            memberId,
            ended
        );
        await members.RecordAsync(memberId, SecurityEventKind.SecondFactorResetByOperator);
        return Outcome<bool>.Ok(await emails.SendOperatorChangedAsync(member, turnedOff: false, cancellationToken));
    }
}
