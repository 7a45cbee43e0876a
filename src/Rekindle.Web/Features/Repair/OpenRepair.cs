using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>Open a repair with a short name you both recognise; Calm says you are calm enough to begin.</summary>
public sealed record OpenRepairRequest(string? Title, bool Calm);

/// <summary>Opens a repair for the two of you: not while either rests, and at most <see cref="MaxOpen"/> open at once.</summary>
public sealed class OpenRepair(
    AppDbContext db,
    CurrentMember current,
    Resting safety,
    RepairContent content,
    Sealer sealer,
    TimeProvider clock,
    ILogger<OpenRepair> logger
)
{
    public const int MaxOpen = 5;

    public async Task<Outcome<Guid>> HandleAsync(OpenRepairRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Problem.Conflict(
                Text.Of("A repair is for the two of you: once your partner has joined your couple space, you can open one.")
            );
        }

        // Nothing new for two while either rests; the partner is told the same neutral words whatever the reason.
        if (await safety.RefusalAsync(content.Resting, evenWhenPartnerAway: true, cancellationToken) is { } resting)
        {
            return Problem.Resting(resting);
        }

        var name = request.Title?.Trim() ?? "";
        if (TalkText.Problem(name, Incident.TitleMaxLength) is { } problem)
        {
            return Problem.Invalid(
                "title",
                name.Length == 0
                    ? Text.Of("Give it a short name you'll both recognise, for example \"Saturday's argument about the car\".")
                    : problem
            );
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var incident = new Incident
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            OpenedBy = viewer.MemberId,
            PartnerId = partnerId,
            OpenedAt = now,
            OpenerCalm = request.Calm,
            Revision = 1,
        };
        incident.Title = await sealer.SealAsync(name, incident.PlaceOf(nameof(Incident.Title)), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (
            await db.Incidents.CountAsync(i => i.CoupleId == coupleId && i.CompletedAt == null && i.SetAsideAt == null, cancellationToken)
            >= MaxOpen
        )
        {
            return Problem.Conflict(Text.Of("You have {0} repairs open already. Finish or set one aside before opening another.", MaxOpen));
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} opened repair {IncidentId}", viewer.MemberId, incident.Id);
        return Outcome<Guid>.Ok(incident.Id);
    }
}
