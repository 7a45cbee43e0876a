using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Repair;

/// <summary>A week after the plan: better, mixed or still-hurts, and optional words.</summary>
public sealed record RepairFollowUpRequest(string? Choice, string? Text);

/// <summary>A week after the plan: how it has gone for the member (the partner's answer shows once both have answered).</summary>
public sealed class WriteRepairFollowUp(RepairStore store)
{
    public Task<Outcome<bool>> HandleAsync(Guid id, RepairFollowUpRequest request, CancellationToken cancellationToken = default) =>
        store.WriteAsync(id, RepairStep.FollowUp, new StepInput([], request.Text, null, request.Choice), cancellationToken);
}
