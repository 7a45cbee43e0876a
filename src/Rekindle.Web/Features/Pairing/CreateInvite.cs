using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Pairing;

public sealed record NewInvite(string Code, DateTime ExpiresAt)
{
    public string DisplayCode => InviteCodes.Format(Code);
}

/// <summary>
/// Makes an invite for the member's couple, starting the couple space first if they have none.
/// A new invite cancels any earlier one, so at most one code is ever live per couple.
/// </summary>
public sealed class CreateInvite(AppDbContext db, CurrentMember current, InviteCodes codes, PrivateAnswers answers, TimeProvider clock)
{
    public async Task<Outcome<NewInvite>> HandleAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await TryAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double tap started the space twice at once; the other request won, so use its space.
            db.ChangeTracker.Clear();
            current.Reset();
            return await TryAsync(cancellationToken);
        }
    }

    private async Task<Outcome<NewInvite>> TryAsync(CancellationToken cancellationToken)
    {
        var memberId = current.RequiredMemberId;
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var membership = await db.CoupleMembers.FirstOrDefaultAsync(m => m.MemberId == memberId, cancellationToken);
        if (membership is null)
        {
            var couple = new Couple { Id = Guid.NewGuid(), CreatedAt = now };
            db.Couples.Add(couple);
            membership = new CoupleMember
            {
                CoupleId = couple.Id,
                Slot = 1,
                MemberId = memberId,
                JoinedAt = now,
            };
            db.CoupleMembers.Add(membership);
            await answers.StartAsync(memberId, couple.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (await db.CoupleMembers.CountAsync(m => m.CoupleId == membership.CoupleId, cancellationToken) >= CoupleMember.MaxMembers)
        {
            return Problem.Conflict(Text.Of("Your partner has already joined, so there is no one left to invite."));
        }

        await db
            .CoupleInvites.Where(i => i.CoupleId == membership.CoupleId && i.UsedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);

        var code = InviteCodes.NewCode();
        var invite = new CoupleInvite
        {
            Id = Guid.NewGuid(),
            CoupleId = membership.CoupleId,
            CreatedByMemberId = memberId,
            CodeHash = codes.Hash(code),
            CreatedAt = now,
            ExpiresAt = now + CoupleInvite.Lifetime,
        };
        db.CoupleInvites.Add(invite);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.Reset();
        return Outcome<NewInvite>.Ok(new NewInvite(code, invite.ExpiresAt));
    }
}
