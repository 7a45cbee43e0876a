using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>Sends the partner an apology: stored only when sent, shown to both, at most <see cref="PerDay"/> a day
/// (decisions/0016).</summary>
public sealed class SendApology(
    AppDbContext db,
    CurrentMember current,
    Resting safety,
    RepairContent content,
    ApologyRules rules,
    Sealer sealer,
    TimeProvider clock
)
{
    public const int PerDay = 3;

    public async Task<Outcome<bool>> HandleAsync(SendApologyRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Problem.Conflict(Text.Of("An apology goes to your partner: once they have joined your couple space, you can send one."));
        }

        if (await safety.ConcernAsync(cancellationToken))
        {
            return Problem.Resting(content.Resting);
        }

        var text = rules.Check(request);
        if (!text.Succeeded)
        {
            return text.As<bool>();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var apology = new Apology
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            FromId = viewer.MemberId,
            ToId = partnerId,
            SentAt = now,
        };
        apology.Text = await sealer.SealAsync(
            JsonSerializer.Serialize(text.Value, RepairStore.Json),
            apology.PlaceOf(nameof(Apology.Text)),
            cancellationToken
        );

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (await db.Apologies.CountAsync(a => a.FromId == viewer.MemberId && a.SentAt > now.AddDays(-1), cancellationToken) >= PerDay)
        {
            return Problem.TooMany(Text.Of("You've sent three apologies in the last day. Give your partner a little time with them."));
        }

        db.Apologies.Add(apology);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
