using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Pairing;

public enum CoupleStage
{
    /// <summary>Not in a couple space yet.</summary>
    Alone,

    /// <summary>In a couple space, waiting for the partner to join.</summary>
    Waiting,

    /// <summary>Both partners are in.</summary>
    Together,
}

/// <summary>What a member may know about their couple: the partner's first name, and dates. Nothing else.</summary>
public sealed record CoupleStatus(
    CoupleStage Stage,
    Guid? CoupleId,
    string? PartnerFirstName,
    DateTime? TogetherSince,
    DateTime? ActiveInviteExpiresAt,
    DateTime? PartnerLeftAt
);

public sealed class GetCoupleStatus(AppDbContext db, CurrentMember current, Account.MemberNames names, TimeProvider clock)
{
    public async Task<CoupleStatus> HandleAsync(CancellationToken cancellationToken = default)
    {
        var membership = await current.MembershipAsync(cancellationToken);
        if (membership is null)
        {
            return new CoupleStatus(CoupleStage.Alone, null, null, null, null, null);
        }

        var coupleId = membership.CoupleId;
        var partner = await db
            .CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == coupleId && m.MemberId != membership.MemberId)
            .Join(
                db.Users,
                m => m.MemberId,
                u => u.Id,
                (m, u) =>
                    new
                    {
                        u.Id,
                        u.FirstName,
                        m.JoinedAt,
                    }
            )
            .FirstOrDefaultAsync(cancellationToken);

        if (partner is not null)
        {
            var since = partner.JoinedAt > membership.JoinedAt ? partner.JoinedAt : membership.JoinedAt;
            var name = await names.OpenAsync(partner.Id, partner.FirstName, cancellationToken);
            return new CoupleStatus(CoupleStage.Together, coupleId, name, since, null, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var inviteExpires = await db
            .CoupleInvites.AsNoTracking()
            .Where(i => i.CoupleId == coupleId && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.ExpiresAt)
            .Select(i => (DateTime?)i.ExpiresAt)
            .FirstOrDefaultAsync(cancellationToken);
        var leftAt = await db
            .Couples.AsNoTracking()
            .Where(c => c.Id == coupleId)
            .Select(c => c.PartnerLeftAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new CoupleStatus(CoupleStage.Waiting, coupleId, null, null, inviteExpires, leftAt);
    }
}
