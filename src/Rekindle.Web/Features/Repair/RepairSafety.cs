using Rekindle.Web.Features.Understand;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// Repair and letting go rest while the member's own latest check raised a safety concern, the
/// signal Talk's guided conversation rests on (decisions/0010). Only the member whose screen raised
/// it sees "resting"; the partner's pages do not change, so they learn nothing.
/// </summary>
public sealed class RepairSafety(MyChecks checks)
{
    private bool? _resting;

    public async Task<bool> RestingAsync(CancellationToken cancellationToken = default) =>
        _resting ??= (await checks.HandleAsync(cancellationToken)).Latest?.Scores.SafetyConcern == true;
}
