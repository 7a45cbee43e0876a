using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Betrayal;

/// <summary>Open a path: what kind of betrayal (a key of <see cref="BetrayalRules.Kinds"/>), and whether you were hurt or broke
/// trust (<see cref="BetrayalRules.Hurt"/> or <see cref="BetrayalRules.Broke"/>).</summary>
public sealed record OpenBetrayalRequest(string? Kind, string? Role);

/// <summary>Opens a path and invites the partner, who must agree to join. Never while joint work rests for either.</summary>
public sealed class OpenBetrayal(
    AppDbContext db,
    CurrentMember current,
    Resting resting,
    BetrayalContent content,
    BetrayalStore store,
    ILogger<OpenBetrayal> logger
)
{
    public async Task<Outcome<Guid>> HandleAsync(OpenBetrayalRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Problem.Conflict(
                Text.Of("This path is for the two of you: once your partner has joined your couple space, you can open it.")
            );
        }

        if (await resting.RefusalAsync(content.Resting, evenWhenPartnerAway: true, cancellationToken) is { } rest)
        {
            return Problem.Resting(rest);
        }

        if (request.Kind is null || !BetrayalRules.Kinds.Contains(request.Kind))
        {
            return Problem.Invalid("kind", Text.Of("Please choose what happened, as near as it fits."));
        }

        if (request.Role is not (BetrayalRules.Hurt or BetrayalRules.Broke))
        {
            return Problem.Invalid("role", Text.Of("Please say whether you were hurt or broke trust."));
        }

        var betrayal = new Betrayal
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            OpenedBy = viewer.MemberId,
            PartnerId = partnerId,
            HurtId = request.Role == BetrayalRules.Hurt ? viewer.MemberId : partnerId,
            OpenedAt = store.Now,
            Revision = 1,
        };
        betrayal.Kind = await store.SealKindAsync(betrayal, request.Kind, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (await db.Betrayals.CountAsync(b => b.CoupleId == coupleId && b.EndedAt == null, cancellationToken) >= BetrayalRules.MaxOpen)
        {
            return Problem.Conflict(Text.Of("You have {0} paths open already. Close one before opening another.", BetrayalRules.MaxOpen));
        }

        db.Betrayals.Add(betrayal);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} opened betrayal path {BetrayalId}", viewer.MemberId, betrayal.Id);
        return Outcome<Guid>.Ok(betrayal.Id);
    }
}
