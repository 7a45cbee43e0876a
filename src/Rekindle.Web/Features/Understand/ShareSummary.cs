using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Understand;

/// <summary>
/// Shares the member's latest domain summary on the Couple Map (domain scores only). Sharing is
/// offered once both partners have finished a check; a new check can be shared again.
/// </summary>
public sealed class ShareSummary(
    AppDbContext db,
    CurrentMember current,
    MyChecks checks,
    Sealer sealer,
    TimeProvider clock,
    ILogger<ShareSummary> logger
)
{
    public async Task<Outcome<bool>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var latest = (await checks.HandleAsync(cancellationToken)).Latest;
        if (partnerId is null || viewer.CoupleId is not { } coupleId)
        {
            return Problem.Conflict(Text.Of("The Couple Map needs your partner in your couple space first."));
        }

        if (latest is null || !await db.CheckAttempts.AnyAsync(c => c.OwnerId == partnerId && c.CompletedAt != null, cancellationToken))
        {
            return Problem.Conflict(Text.Of("You can share your summary once you have both finished the check."));
        }

        var share = await db.MapShares.FirstOrDefaultAsync(s => s.CoupleId == coupleId && s.OwnerId == viewer.MemberId, cancellationToken);
        if (share is null)
        {
            share = new MapShare
            {
                Id = Guid.NewGuid(),
                OwnerId = viewer.MemberId,
                CoupleId = coupleId,
            };
            db.MapShares.Add(share);
        }

        share.CheckId = latest.Id;
        share.SharedAt = clock.GetUtcNow().UtcDateTime;
        // Domain scores only: the items, wellbeing and safety never leave the member's own check.
        share.Domains = await sealer.SealAsync(
            JsonSerializer.Serialize(latest.Scores.Domains, MyChecks.Json),
            share.PlaceOf(nameof(MapShare.Domains)),
            cancellationToken
        );
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(
                Text.Of("Your summary was being shared from another window at the same moment. Please look at the map again.")
            );
        }

        logger.LogInformation(
            "Member {MemberId} shared check {CheckId} on the map of couple {CoupleId}",
            viewer.MemberId,
            latest.Id,
            coupleId
        );
        return Outcome<bool>.Ok(true);
    }
}

/// <summary>Takes the member's summary back from the Couple Map: the partner no longer sees it.</summary>
public sealed class StopSharingSummary(AppDbContext db, CurrentMember current)
{
    public async Task<Outcome<bool>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var removed = await db
            .MapShares.Where(s => s.OwnerId == viewer.MemberId && s.CoupleId == viewer.CoupleId)
            .ExecuteDeleteAsync(cancellationToken);
        return removed > 0 ? Outcome<bool>.Ok(true) : Problem.NotFound(Text.Of("There was nothing shared to stop."));
    }
}
