using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// Makes a member an operator, or stops them being one (decisions/0045, point 1). Only the command line calls this, so a stolen
/// session can never promote itself. Conflict when they already are (or are not).
/// </summary>
public sealed class OperatorGrant(UserManager<Member> users, OperatorMembers members, ILogger<OperatorGrant> logger)
{
    public async Task<Outcome<bool>> HandleAsync(Guid memberId, bool isOperator, CancellationToken cancellationToken = default)
    {
        var target = await members.TargetAsync(memberId, null, cancellationToken: cancellationToken);
        if (!target.Succeeded)
        {
            return target.As<bool>();
        }

        var member = target.Value!;

        if (member.IsOperator == isOperator)
        {
            return Problem.Conflict(
                isOperator ? Text.Of("This account is already an operator.") : Text.Of("This account is not an operator.")
            );
        }

        member.IsOperator = isOperator;
        var saved = await users.UpdateAsync(member);
        if (!saved.Succeeded)
        {
            return Problem.Conflict(Text.Of("The account changed at the same moment. Please try again."));
        }

        logger.LogInformation(
            "Member {MemberId} {Change} from the command line",
            memberId,
            isOperator ? "made an operator" : "no longer an operator"
        );
        await members.RecordAsync(memberId, isOperator ? SecurityEventKind.MadeOperator : SecurityEventKind.NoLongerOperator);
        return Outcome<bool>.Ok(true);
    }
}
