using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Talk;

/// <summary>For the page's script: only a version number, so it knows when to reload. Polled every few seconds, so one small
/// query.</summary>
public sealed class GetConversationVersion(AppDbContext db, CurrentMember current)
{
    /// <summary>The latest conversation's version, or null when there is none to follow.</summary>
    public async Task<int?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        return await ConversationStore
            .Involving(db, viewer)
            .VisibleTo(viewer)
            .OrderByDescending(c => c.StartedAt)
            .Select(c => (int?)c.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
