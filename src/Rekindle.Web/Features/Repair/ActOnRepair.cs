using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Repair;

/// <summary>The revision of the repair the client last saw: a stale one is told that things moved on.</summary>
public sealed record RepairRevisionRequest(int Revision);

/// <summary>
/// Saying "I'm calm enough", pausing, or setting a repair aside. The request carries the revision the
/// page showed, so a stale page is told that things moved on. A resting member may still pause or set
/// a repair aside, never say they are calm enough to go on.
/// </summary>
public sealed class ActOnRepair(RepairStore store)
{
    public Task<Outcome<bool>> HandleAsync(
        Guid id,
        RepairAction action,
        RepairRevisionRequest request,
        CancellationToken cancellationToken = default
    ) =>
        store.ChangeAsync(
            id,
            action == RepairAction.Calm,
            (incident, _, member) =>
            {
                if (incident.Revision != request.Revision)
                {
                    return Problem.Invalid("revision", Text.Of("Things moved on while this page was open. Here is where you are now."));
                }

                return
                    (
                        action switch
                        {
                            RepairAction.Calm => RepairRules.Calm(incident, member),
                            RepairAction.Pause => RepairRules.Pause(incident, member, store.Now),
                            _ => RepairRules.SetAside(incident, member, store.Now),
                        }
                    )
                        is { } problem
                    ? Problem.Invalid("repair", problem)
                    : null;
            },
            cancellationToken
        );
}
