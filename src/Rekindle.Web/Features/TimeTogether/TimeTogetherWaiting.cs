using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// What waits in Time together: a date for which the partner offered times (a new one, or a new time for an
/// agreed one: moved) that only the member can accept, soonest first. Not for a member whose own check raised a
/// concern: nothing pushes them toward time for two (decisions/0027); it stays on the dates page.
/// One query, whatever the couple's history.
/// </summary>
public sealed class TimeTogetherWaiting(AppDbContext db, Sealer sealer, TimeProvider clock) : IWaitingSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        if (!who.Together || who.Rest.Concern)
        {
            return [];
        }

        var coupleId = who.CoupleId!.Value;
        var partnerId = who.PartnerId!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var plans = await db.Set<DateOption>()
            .AsNoTracking()
            .Where(o => o.CoupleId == coupleId && o.ProposedBy == partnerId && !o.Closed && o.StartsAt > now)
            .Join(
                db.DatePlans.Where(p => p.Status != DateStatus.Cancelled),
                o => o.PlanId,
                p => p.Id,
                (o, p) => new { Plan = p, o.StartsAt }
            )
            .ToListAsync(cancellationToken);
        var items = new List<WaitingItem>();
        foreach (var plan in plans.GroupBy(p => p.Plan.Id).OrderBy(g => g.Min(p => p.StartsAt)).Select(g => g.First().Plan))
        {
            var title = await sealer.OpenAsync(plan.Title, plan.PlaceOf(nameof(DatePlan.Title)), cancellationToken);
            items.Add(
                new WaitingItem(
                    WaitingKind.Date,
                    // An agreed date stays as it is until the member accepts the new time (moved).
                    plan.Status == DateStatus.Agreed
                        ? Text.Of("{0} suggested a new time for {1}. The date stays as it is until you accept it.", who.PartnerName, title)
                        : Text.Of("{0} offered times for {1}. Pick the one that suits you.", who.PartnerName, title),
                    Text.Of("Pick a time"),
                    "/time-together/dates/" + plan.Id
                )
            );
        }

        return items;
    }
}
