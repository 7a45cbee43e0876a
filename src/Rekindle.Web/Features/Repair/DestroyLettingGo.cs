using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// Destroys the member's exercise for good, at any step, resting or not: a member can always remove
/// what they wrote. The row is deleted; on SQLite, secure_delete has already overwritten it and a
/// checkpoint empties the write-ahead log, so the letter does not linger in the file either.
/// </summary>
public sealed class DestroyLettingGo(AppDbContext db, CurrentMember current, ILogger<DestroyLettingGo> logger)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var gone = await db.Grudges.Where(g => g.Id == id && g.OwnerId == memberId).ExecuteDeleteAsync(cancellationToken);
        if (gone == 0)
        {
            return LettingGoStore.NotHere();
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        logger.LogInformation("Member {MemberId} destroyed a letting-go exercise", memberId);
        return Outcome<bool>.Ok(true);
    }
}
