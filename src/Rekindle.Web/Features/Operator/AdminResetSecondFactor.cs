using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// The admin page's reset of a member's second sign-in step (decisions/0045): only once the operator ticked that they checked
/// with the person by another channel, since whoever asks by email or chat may be someone else. Then the reset itself
/// (<see cref="OperatorResetSecondFactor"/>) turns the authenticator off, removes the recovery codes, ends every session,
/// and writes to the member's security log.
/// </summary>
public sealed class AdminResetSecondFactor(OperatorResetSecondFactor reset)
{
    public async Task<Outcome<bool>> HandleAsync(Guid memberId, AdminResetRequest request, Guid byOperator)
    {
        if (request.CheckedWithPerson != true)
        {
            return Problem.Invalid(
                "checkedWithPerson",
                Text.Of("Please check with this person in person or by phone first, then tick the box. Someone else may be asking.")
            );
        }

        var outcome = await reset.HandleAsync(memberId, byOperator);
        return outcome.Problem is { } problem ? problem : Outcome<bool>.Ok(true);
    }
}
