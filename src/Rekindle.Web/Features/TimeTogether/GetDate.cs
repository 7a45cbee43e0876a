namespace Rekindle.Web.Features.TimeTogether;

/// <summary>One of the couple's dates with its times and the after-date reflection; null when it is not theirs.</summary>
public sealed class GetDate(DateStore store)
{
    public Task<DateView?> HandleAsync(Guid planId, CancellationToken cancellationToken = default) =>
        store.FindAsync(planId, cancellationToken);
}
