using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Pairing;

/// <summary>The couple's part of the export: when the member joined, the partner's first name (already shared), and their
/// invites.</summary>
public sealed class PairingExport(AppDbContext db, Account.MemberNames names) : IExportSection
{
    public string Name => "couple";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var membership = await db.CoupleMembers.AsNoTracking().FirstOrDefaultAsync(m => m.MemberId == memberId, cancellationToken);
        if (membership is null)
        {
            return null;
        }

        var partner = await db
            .CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == membership.CoupleId && m.MemberId != memberId)
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
        var invites = await db
            .CoupleInvites.AsNoTracking()
            .Where(i => i.CoupleId == membership.CoupleId && i.CreatedByMemberId == memberId)
            .OrderBy(i => i.CreatedAt)
            .Select(i => new
            {
                i.CreatedAt,
                i.ExpiresAt,
                i.UsedAt,
                i.RevokedAt,
            })
            .ToListAsync(cancellationToken);
        return new
        {
            membership.JoinedAt,
            Partner = partner is null
                ? null
                : new { FirstName = await names.OpenAsync(partner.Id, partner.FirstName, cancellationToken), partner.JoinedAt },
            InvitesYouMade = invites,
        };
    }
}
