namespace Rekindle.Web.Features.Repair;

/// <summary>One of the member's own exercises; null for another member's id or one that is gone.</summary>
public sealed class FindLettingGo(LettingGoStore store)
{
    public Task<GrudgeView?> HandleAsync(Guid id, CancellationToken cancellationToken = default) => store.FindAsync(id, cancellationToken);
}
