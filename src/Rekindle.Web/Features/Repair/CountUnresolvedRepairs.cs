using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Repair;

/// <summary>For Support: how many of the couple's repairs are unresolved for this member (<see cref="RepairRules.Unresolved"/>).</summary>
public sealed class CountUnresolvedRepairs(AppDbContext db, CurrentMember current, RepairStore store, TimeProvider clock)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return 0;
        }

        var incidents = await db
            .Incidents.AsNoTracking()
            .Where(i => i.CoupleId == coupleId && i.SetAsideAt == null)
            .ToListAsync(cancellationToken);
        var followUps = await db
            .IncidentEntries.AsNoTracking()
            .Where(e => e.CoupleId == coupleId && e.OwnerId == viewer.MemberId && e.Step == RepairStep.FollowUp)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var incident in incidents)
        {
            var mine = followUps.FirstOrDefault(e => e.IncidentId == incident.Id);
            if (RepairRules.Unresolved(incident, now, mine is null ? null : (await store.OpenAsync(mine, cancellationToken))?.Choice))
            {
                count++;
            }
        }

        return count;
    }
}
