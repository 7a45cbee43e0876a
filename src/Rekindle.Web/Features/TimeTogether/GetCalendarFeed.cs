using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>The signed-in member's own calendar address, or null when it is off (decisions/0013).</summary>
public sealed class GetCalendarFeed(
    AppDbContext db,
    CurrentMember current,
    Sealer sealer,
    IOptions<InstanceOptions> instance,
    IHttpContextAccessor http
)
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

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(instance.Value.PublicUrl))
        {
            return instance.Value.PublicUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}";
    }
}
