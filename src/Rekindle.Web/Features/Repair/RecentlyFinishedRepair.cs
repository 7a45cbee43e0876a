using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// Whether the couple finished a repair together in the last day: for one quiet line on the home page
/// (issue 24, point 9). Not for a member whose own exercises for two rest (decisions/0027). One query.
/// </summary>
public sealed class RecentlyFinishedRepair(AppDbContext db, CurrentMember current, Safety.Resting resting, TimeProvider clock)
{
    public static readonly TimeSpan ShownFor = TimeSpan.FromDays(1);

    public async Task<bool> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await resting.MineAsync(cancellationToken))
        {
            return false;
        }

        var since = clock.GetUtcNow().UtcDateTime - ShownFor;
        return await db.Incidents.AnyAsync(
            i => i.CoupleId == coupleId && i.SetAsideAt == null && i.CompletedAt >= since,
            cancellationToken
        );
    }
}
