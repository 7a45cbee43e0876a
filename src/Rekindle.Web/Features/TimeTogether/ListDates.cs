using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>The couple's dates: proposed, coming up, and the last few months' past ones.</summary>
public sealed class ListDates(AppDbContext db, CurrentMember current, DateStore store)
{
    public async Task<IReadOnlyList<DateView>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var since = store.Now.AddDays(-120);
        var plans = await db
            .DatePlans.AsNoTracking()
            .Include(p => p.Options)
            .Where(p => p.CoupleId == coupleId && p.Status != DateStatus.Cancelled && (p.StartsAt == null || p.StartsAt >= since))
            .ToListAsync(cancellationToken);
        var views = await store.ViewsAsync(viewer, plans, cancellationToken);
        return views.OrderBy(v => v.StartsAt ?? v.Options.Select(o => o.StartsAt).DefaultIfEmpty(DateTime.MaxValue).Min()).ToList();
    }
}
