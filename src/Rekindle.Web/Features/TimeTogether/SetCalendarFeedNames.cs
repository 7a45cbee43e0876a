using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Whether the member's calendar shows each date's name; the address stays the same.</summary>
public sealed class SetCalendarFeedNames(AppDbContext db, CurrentMember current)
{
    public async Task HandleAsync(CalendarFeedRequest request, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        await db
            .CalendarFeeds.Where(f => f.MemberId == memberId)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.ShowNames, request.ShowNames), cancellationToken);
    }
}
