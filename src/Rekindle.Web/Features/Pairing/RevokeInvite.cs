using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Pairing;

/// <summary>Cancels the couple's live invite, so its code and link stop working at once.</summary>
public sealed class RevokeInvite(AppDbContext db, CurrentMember current, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var membership = await current.MembershipAsync(cancellationToken);
        if (membership is null)
        {
            return NoneLive();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var revoked = await db
            .CoupleInvites.Where(i => i.CoupleId == membership.CoupleId && i.UsedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);
        return revoked > 0 ? Outcome<bool>.Ok(true) : NoneLive();
    }

    private static Problem NoneLive() => Problem.NotFound(Text.Of("There was no live invite to cancel."));
}
