using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Whether the member's calendar shows each date's name (for a calendar others cannot see).</summary>
public sealed record CalendarFeedRequest(bool ShowNames);

/// <summary>A new secret calendar address for the member; the old one, if any, stops working at once.</summary>
public sealed class CreateCalendarFeed(AppDbContext db, CurrentMember current, Sealer sealer, TimeProvider clock)
{
    public async Task HandleAsync(CalendarFeedRequest request, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        await db.CalendarFeeds.Where(f => f.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = new CalendarFeed
        {
            Id = Guid.NewGuid(),
            MemberId = memberId,
            TokenHash = CalendarFeed.Hash(token),
            ShowNames = request.ShowNames,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        feed.Token = await sealer.SealAsync(token, feed.PlaceOf(nameof(CalendarFeed.Token)), cancellationToken);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
    }
}
