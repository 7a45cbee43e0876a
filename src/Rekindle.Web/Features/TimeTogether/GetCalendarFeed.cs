using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>The signed-in member's own calendar address, or null when it is off (decisions/0013).</summary>
public sealed class GetCalendarFeed(AppDbContext db, CurrentMember current, Sealer sealer, PublicAddress address, IHttpContextAccessor http)
{
    public async Task<FeedView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.MemberId == memberId, cancellationToken);
        if (
            feed is null
            || await sealer.OpenAsync(feed.Token, feed.PlaceOf(nameof(CalendarFeed.Token)), cancellationToken) is not { } token
        )
        {
            return null;
        }

        return new FeedView(BaseUrl() + "/calendar/" + token + ".ics", feed.ShowNames, feed.CreatedAt);
    }

    private string BaseUrl() => http.HttpContext is { } context ? address.Of(context.Request) : address.ForBackground();
}
