using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Turns the member's calendar address off; it stops working at once.</summary>
public sealed class TurnOffCalendarFeed(AppDbContext db, CurrentMember current)
{
    public async Task HandleAsync(CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        await db.CalendarFeeds.Where(f => f.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
    }
}
