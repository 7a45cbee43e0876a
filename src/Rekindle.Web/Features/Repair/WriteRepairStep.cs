using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// Your entry for the current step (feelings, account, heard, past, own, plan): feeling keys for "feelings", a second text
/// for "own" and "plan". For "own" only, LeaveForNow ("not mine to answer now") saves it without words: the step still
/// opens for both, and your entry then carries the choice "left-for-now" (decisions/0031).
/// </summary>
public sealed record RepairStepRequest(
    string? Step,
    IReadOnlyList<string>? Feelings,
    string? Text,
    string? Second,
    bool LeaveForNow = false
)
{
    /// <summary>The step this request names, by its key; null when it is not one of the written steps.</summary>
    public RepairStep? StepOf() => RepairRules.Steps.Cast<RepairStep?>().FirstOrDefault(s => RepairRules.KeyOf(s!.Value) == Step);
}

/// <summary>Writes (or, until the partner has written theirs, rewrites) the member's entry for the current step.</summary>
public sealed class WriteRepairStep(RepairStore store)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, RepairStepRequest request, CancellationToken cancellationToken = default)
    {
        if (request.StepOf() is not { } step)
        {
            return Problem.Invalid("step", Text.Of("That step isn't one this page knows. Here is where you are."));
        }

        var input = new StepInput(
            request.Feelings ?? [],
            request.Text,
            request.Second,
            request.LeaveForNow ? RepairRules.LeftForNow : null
        );
        return await store.WriteAsync(id, step, input, cancellationToken);
    }
}
