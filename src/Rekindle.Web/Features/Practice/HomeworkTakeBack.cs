using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>A member takes back something they shared for the next session: deleted, while the connection is active. Another
/// member's item, or one of a connection that ended, is not found.</summary>
public sealed class TakeBackSessionItem(AppDbContext db, HomeworkStore store)
{
    public async Task<Outcome<bool>> HandleAsync(Guid itemId, CancellationToken cancellationToken = default)
    {
        var visible = await store.VisibleAsync(cancellationToken);
        var connections = visible?.Connections.Select(c => c.Id).ToList() ?? [];
        var me = visible?.MemberId;
        var item =
            connections.Count == 0
                ? null
                : await db.SessionItems.FirstOrDefaultAsync(
                    i => i.Id == itemId && i.MemberId == me && connections.Contains(i.ConnectionId),
                    cancellationToken
                );
        if (item is null)
        {
            return Problem.NotFound(Text.Of("That wasn't found. It may have been taken back already."));
        }

        db.SessionItems.Remove(item);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
