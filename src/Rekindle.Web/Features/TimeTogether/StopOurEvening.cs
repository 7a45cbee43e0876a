using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Stops the weekly evening for both; either may set up a new one any time.</summary>
public sealed class StopOurEvening(AppDbContext db, CurrentMember current, NoticeOutbox outbox, EveningStore store)
{
    public async Task<Outcome<bool>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var deleted = await db
            .OurEvenings.Where(e => e.CoupleId == viewer.CoupleId && viewer.CoupleId != null)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0 && await current.PartnerIdAsync(cancellationToken) is { } partnerId)
        {
            await outbox.QueueAsync(
                partnerId,
                NoticeKind.DateNews,
                $"evening-stopped:{viewer.CoupleId:N}:{partnerId:N}:{store.Now.Ticks}",
                cancellationToken
            );
        }

        return Outcome<bool>.Ok(true);
    }
}
