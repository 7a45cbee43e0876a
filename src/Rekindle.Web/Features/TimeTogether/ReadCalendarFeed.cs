using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>The feed a calendar app polls, found by its secret alone (no sign-in: the secret is the key).</summary>
public sealed class ReadCalendarFeed(AppDbContext db, CalendarStore store)
{
    /// <summary>The feed for a secret, or null (unknown, replaced or turned off: all the same 404).</summary>
    public async Task<string?> HandleAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = CalendarFeed.Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        var coupleId = await db
            .CoupleMembers.AsNoTracking()
            .Where(m => m.MemberId == feed.MemberId)
            .Select(m => (Guid?)m.CoupleId)
            .FirstOrDefaultAsync(cancellationToken);
        var entries = coupleId is { } couple ? await store.EntriesAsync(couple, feed.ShowNames, null, cancellationToken) : [];
        return CalendarFile.Write(entries, store.Now, "Rekindle");
    }
}
