using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Cancels a date that has not begun; the partner sees it too.</summary>
public sealed class CancelDate(DateStore store)
{
    public Task<Outcome<DateView>> HandleAsync(Guid planId, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(
            planId,
            (plan, _) =>
            {
                plan.Status = DateStatus.Cancelled;
                plan.CancelledAt = store.Now;
                foreach (var open in plan.Options.Where(o => !o.Closed))
                {
                    open.Closed = true;
                }

                return null;
            },
            cancellationToken
        );
}
