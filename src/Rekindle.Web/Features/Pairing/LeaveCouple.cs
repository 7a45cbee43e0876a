using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Pairing;

/// <summary>
/// Leaves the couple at once, with no approval from the partner. The partner who stays is moved to
/// a fresh couple space and told only that their partner left: nothing shared under the old space
/// can ever reach whoever they invite next. The old space goes, with its invites.
/// </summary>
public sealed class LeaveCouple(
    AppDbContext db,
    CurrentMember current,
    KeyRing keys,
    PrivateAnswers answers,
    Practice.EndCoupleConnections counselors,
    TimeProvider clock
)
{
    public async Task<Outcome<bool>> HandleAsync(LeaveRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.Confirm)
        {
            return Problem.Invalid("confirm", Text.Of("Tick the box to confirm that you want to leave."));
        }

        var memberId = current.RequiredMemberId;
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var coupleId = await db
            .CoupleMembers.Where(m => m.MemberId == memberId)
            .Select(m => (Guid?)m.CoupleId)
            .FirstOrDefaultAsync(cancellationToken);
        if (coupleId is null)
        {
            return NotInCouple();
        }

        // Both partners leaving at the same moment must not leave an empty space behind.
        await Rows.LockCoupleAsync(db, coupleId.Value, cancellationToken);
        var members = await db.CoupleMembers.Where(m => m.CoupleId == coupleId).ToListAsync(cancellationToken);
        if (!members.Any(m => m.MemberId == memberId))
        {
            return NotInCouple();
        }

        db.CoupleMembers.RemoveRange(members);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var stays in members.Where(m => m.MemberId != memberId))
        {
            var fresh = new Couple
            {
                Id = Guid.NewGuid(),
                CreatedAt = now,
                PartnerLeftAt = now,
            };
            db.Couples.Add(fresh);
            db.CoupleMembers.Add(
                new CoupleMember
                {
                    CoupleId = fresh.Id,
                    Slot = 1,
                    MemberId = stays.MemberId,
                    JoinedAt = stays.JoinedAt,
                }
            );
            await answers.StartAsync(stays.MemberId, fresh.Id, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        // A counselor connected to the couple sees nothing more from now on; both partners still see that it ended.
        await counselors.HandleAsync(coupleId.Value, cancellationToken);
        await db.Couples.Where(c => c.Id == coupleId).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // The key store is a database of its own: its key goes once the couple's rows are surely gone.
        await keys.DestroyAsync(KeyOwner.Couple(coupleId.Value), cancellationToken);
        current.Reset();
        return Outcome<bool>.Ok(true);
    }

    private static Problem NotInCouple() => Problem.NotFound(Text.Of("You are not in a couple space."));
}
