namespace Rekindle.Web.Features.Repair;

/// <summary>The member's own letting-go exercises, newest first (only they ever see them).</summary>
public sealed class ListLettingGo(LettingGoStore store)
{
    public Task<IReadOnlyList<GrudgeView>> HandleAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);
}
