using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Pairing;

/// <summary>
/// Leaves the couple at once, with no approval from the partner. The partner keeps the space and
/// is told only that their partner left; an empty space is removed with its invites.
/// </summary>
public sealed class LeaveCouple(AppDbContext db, CurrentMember current, TimeProvider clock)
{
    public async Task<bool> HandleAsync(CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await db.CoupleMembers.FirstOrDefaultAsync(m => m.MemberId == memberId, cancellationToken);
        if (membership is null)
        {
            return false;
        }

        db.CoupleMembers.Remove(membership);
        await db.SaveChangesAsync(cancellationToken);

        var coupleId = membership.CoupleId;
        if (await db.CoupleMembers.AnyAsync(m => m.CoupleId == coupleId, cancellationToken))
        {
            // Invites the leaver made must not let someone new in behind the partner's back.
            await db.CoupleInvites.Where(i => i.CoupleId == coupleId && i.UsedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);
            await db.Couples.Where(c => c.Id == coupleId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.PartnerLeftAt, now), cancellationToken);
        }
        else
        {
            await db.Couples.Where(c => c.Id == coupleId).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        current.Reset();
        return true;
    }
}
