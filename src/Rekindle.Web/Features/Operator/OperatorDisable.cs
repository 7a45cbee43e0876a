using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// Turns an account off (decisions/0045, point 3): it cannot sign in any way, every session and refresh token ends at once, and
/// the couple space stays as it is; the partner is told nothing. The member gets an email without content; the answer is whether
/// it went out.
/// </summary>
public sealed class OperatorDisable(
    UserManager<Member> users,
    OperatorMembers members,
    AccountEmails emails,
    TimeProvider clock,
    ILogger<OperatorDisable> logger
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

        if (member.DisabledAt is not null)
        {
            return Problem.Conflict(Text.Of("This account is already turned off."));
        }

        member.DisabledAt = clock.GetUtcNow().UtcDateTime;
        var saved = await users.UpdateAsync(member);
        if (!saved.Succeeded)
        {
            return Problem.Conflict(Text.Of("The account changed at the same moment. Please try again."));
        }

        var ended = await members.EndEverySessionAsync(memberId, cancellationToken);
        logger.LogInformation("Operator {OperatorId} turned off {MemberId}; {Sessions} sessions ended", byOperator, memberId, ended);
        await members.RecordAsync(memberId, SecurityEventKind.TurnedOffByOperator);
        return Outcome<bool>.Ok(await emails.SendOperatorChangedAsync(member, turnedOff: true, cancellationToken));
    }
}

/// <summary>Turns a turned-off account on again: it may sign in as before. Conflict when it is not turned off.</summary>
public sealed class OperatorEnable(UserManager<Member> users, OperatorMembers members, ILogger<OperatorEnable> logger)
{
    public async Task<Outcome<bool>> HandleAsync(Guid memberId, Guid? byOperator, CancellationToken cancellationToken = default)
    {
        var target = await members.TargetAsync(memberId, byOperator, cancellationToken: cancellationToken);
        if (!target.Succeeded)
        {
            return target.As<bool>();
        }

        var member = target.Value!;

        if (member.DisabledAt is null)
        {
            return Problem.Conflict(Text.Of("This account is already turned on."));
        }

        member.DisabledAt = null;
        var saved = await users.UpdateAsync(member);
        if (!saved.Succeeded)
        {
            return Problem.Conflict(Text.Of("The account changed at the same moment. Please try again."));
        }

        logger.LogInformation("Operator {OperatorId} turned on {MemberId}", byOperator, memberId);
        await members.RecordAsync(memberId, SecurityEventKind.TurnedOnByOperator);
        return Outcome<bool>.Ok(true);
    }
}
