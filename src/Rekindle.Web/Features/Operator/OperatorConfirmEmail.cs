using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// Marks an account's email as confirmed (<c>accounts confirm EMAIL</c>): how the first account signs in on a server that cannot
/// send email yet. Conflict when it already is.
/// </summary>
public sealed class OperatorConfirmEmail(UserManager<Member> users, OperatorMembers members, ILogger<OperatorConfirmEmail> logger)
{
    public async Task<Outcome<bool>> HandleAsync(Guid memberId, Guid? byOperator, CancellationToken cancellationToken = default)
    {
        var target = await members.UnconfirmedAsync(memberId, byOperator, cancellationToken);
        if (!target.Succeeded)
        {
            return target.As<bool>();
        }

        var member = target.Value!;

        member.EmailConfirmed = true;
        var saved = await users.UpdateAsync(member);
        if (!saved.Succeeded)
        {
            return Problem.Conflict(Text.Of("The account changed at the same moment. Please try again."));
        }

        logger.LogInformation("Operator {OperatorId} confirmed the email of {MemberId}", byOperator, memberId);
        await members.RecordAsync(memberId, SecurityEventKind.EmailConfirmedByOperator);
        return Outcome<bool>.Ok(true);
    }
}

/// <summary>
/// Sends a new confirmation link to an account whose email is not confirmed yet. The answer is whether the email went out;
/// Conflict when the email is already confirmed.
/// </summary>
public sealed class OperatorResendConfirmation(OperatorMembers members, AccountEmails emails, ILogger<OperatorResendConfirmation> logger)
{
    public async Task<Outcome<bool>> HandleAsync(Guid memberId, Guid? byOperator, CancellationToken cancellationToken = default)
    {
        var target = await members.UnconfirmedAsync(memberId, byOperator, cancellationToken);
        if (!target.Succeeded)
        {
            return target.As<bool>();
        }

        var member = target.Value!;

        var sent = await emails.SendConfirmationAsync(member, null, cancellationToken);
        logger.LogInformation("Operator {OperatorId} sent a new confirmation link to {MemberId}", byOperator, memberId);
        await members.RecordAsync(memberId, SecurityEventKind.ConfirmationResentByOperator);
        return Outcome<bool>.Ok(sent);
    }
}
