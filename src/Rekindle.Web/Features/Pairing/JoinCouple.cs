using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Pairing;

/// <summary>
/// Uses an invite to join its couple. Single use is enforced by a conditional update (only one
/// request can move the invite from unused to used) and the couple's two slots by the primary key,
/// so racing joiners cannot make a third member on either database.
/// </summary>
public sealed class JoinCouple(
    AppDbContext db,
    CurrentMember current,
    PreviewInvite preview,
    InviteCodes codes,
    TimeProvider clock,
    UserManager<Member> users,
    AccountEmails emails,
    PrivateAnswers answers,
    ILogger<JoinCouple> logger
)
{
    /// <summary>
    /// Joins (the join page and the API both come here), logs the ids, and tells the inviter by a
    /// content-free email that their partner joined.
    /// </summary>
    public async Task<Outcome<Guid>> HandleAsync(JoinRequest request, CancellationToken cancellationToken = default)
    {
        var outcome = await JoinAsync(request.Code, cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        logger.LogInformation("Member {MemberId} joined couple {CoupleId}", current.MemberId, outcome.Value);
        var membership = await current.MembershipAsync(cancellationToken);
        var inviterId = membership is null ? null : await PartnerOfAsync(membership, cancellationToken);
        if (inviterId is not null && await users.FindByIdAsync(inviterId.Value.ToString()) is { } inviter)
        {
            await emails.SendPartnerJoinedAsync(inviter, cancellationToken);
        }

        return outcome;
    }

    private async Task<Outcome<Guid>> JoinAsync(string? typedCode, CancellationToken cancellationToken)
    {
        var memberId = current.RequiredMemberId;
        var found = await preview.HandleAsync(typedCode, cancellationToken);
        if (found.State != InviteState.Valid)
        {
            return Problem.Invalid("code", found.Problem!);
        }

        var mine = await current.MembershipAsync(cancellationToken);
        if (mine is not null)
        {
            return Problem.Invalid(
                "code",
                mine.CoupleId == found.CoupleId
                    ? Text.Of("You are already in this couple space.")
                    : Text.Of("You are already in a couple space. Leave it first (in Couple settings) to join another.")
            );
        }

        var coupleId = found.CoupleId!.Value;
        var hash = codes.Hash(InviteCodes.Normalize(typedCode)!);
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db
            .CoupleInvites.Where(i => i.CodeHash == hash && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now).SetProperty(i => i.UsedByMemberId, memberId), cancellationToken);
        if (claimed != 1)
        {
            return Problem.Invalid("code", new InvitePreview(InviteState.Used, null, null).Problem!);
        }

        var taken = await db.CoupleMembers.Where(m => m.CoupleId == coupleId).Select(m => m.Slot).ToListAsync(cancellationToken);
        var slot = Enumerable.Range(1, CoupleMember.MaxMembers).Except(taken).FirstOrDefault();
        if (slot == 0)
        {
            return Problem.Invalid("code", new InvitePreview(InviteState.CoupleFull, null, null).Problem!);
        }

        db.CoupleMembers.Add(
            new CoupleMember
            {
                CoupleId = coupleId,
                Slot = slot,
                MemberId = memberId,
                JoinedAt = now,
            }
        );
        await answers.StartAsync(memberId, coupleId, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else took the slot, or this member joined elsewhere, in the same instant.
            return Problem.Invalid("code", new InvitePreview(InviteState.CoupleFull, null, null).Problem!);
        }

        await db
            .Couples.Where(c => c.Id == coupleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PartnerLeftAt, (DateTime?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        current.Reset();
        return Outcome<Guid>.Ok(coupleId);
    }

    /// <summary>The other member of the couple, to tell them (by a content-free email) that their partner joined.</summary>
    private Task<Guid?> PartnerOfAsync(CoupleMember me, CancellationToken cancellationToken) =>
        db
            .CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == me.CoupleId && m.MemberId != me.MemberId)
            .Select(m => (Guid?)m.MemberId)
            .FirstOrDefaultAsync(cancellationToken);
}
