using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>key: an item you both chose; on: set (true) or clear (false) "check in first".</summary>
public sealed record CheckInFirstRequest(string? Key, bool On)
{
    /// <summary>The page's buttons each post "key|on" or "key|off" (one form for the whole list).</summary>
    public static CheckInFirstRequest FromButton(string? pressed)
    {
        var parts = (pressed ?? "").Split('|', 2);
        return new(parts[0], parts.ElementAtOrDefault(1) == "on");
    }
}

/// <summary>Sets or clears "check in first" on an item that is a match now: shared, shown to both, never saying who set it.</summary>
public sealed class SetCheckInFirst(AppDbContext db, CurrentMember current, GetDesireMatches matches, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(CheckInFirstRequest request, CancellationToken cancellationToken = default)
    {
        // Not a match is "not found", exactly the same whatever the partner answered.
        var viewer = await current.ViewerAsync(cancellationToken);
        if (
            request.Key is not { } key
            || viewer.CoupleId is not { } coupleId
            || (await matches.HandleAsync(cancellationToken)).All(m => m.Item.Key != key)
        )
        {
            return Problem.NotFound(Text.Of("That item is not one you both chose."));
        }

        var existing = await db.CheckInFirsts.FirstOrDefaultAsync(f => f.CoupleId == coupleId && f.ItemKey == key, cancellationToken);
        if (request.On && existing is null)
        {
            db.CheckInFirsts.Add(
                new CheckInFirst
                {
                    Id = Guid.NewGuid(),
                    CoupleId = coupleId,
                    ItemKey = key,
                    SetAt = clock.GetUtcNow().UtcDateTime,
                }
            );
        }
        else if (!request.On && existing is not null)
        {
            db.CheckInFirsts.Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Set from the other partner's window at the same moment: it is set, which is what was asked.
        }

        return Outcome<bool>.Ok(true);
    }
}
