using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>stage: the stage the client was showing, so a tap from an old screen changes nothing.</summary>
public sealed record ReadyRequest(bool Ready, int Stage)
{
    /// <summary>The page posts ready=yes or ready=no and the stage it showed; a stage that is no number matches no stage.</summary>
    public static ReadyRequest FromForm(string? ready, string? stage) =>
        new(ready == "yes", int.TryParse(stage, NumberStyles.None, CultureInfo.InvariantCulture, out var seen) ? seen : -1);
}

/// <summary>Privately marks (or unmarks) the member ready to leave the couple's current stage; they move on together when both
/// are.</summary>
public sealed class MarkStageReady(AppDbContext db, TouchProgramStore store, IntimacyContent content, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(ReadyRequest request, CancellationToken cancellationToken = default)
    {
        if (await store.PartiesAsync(cancellationToken) is not var (me, partner, coupleId))
        {
            return Problem.Conflict(Text.Of("The program opens once you have both turned intimacy on."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var stage = await store.StageAsync(me, partner, coupleId, cancellationToken);
        if (stage >= content.Stages.Count || request.Stage != stage)
        {
            return Problem.Conflict(Text.Of("You have both moved on since this page was opened. Here is where you are now."));
        }

        var existing = await db.StageReadies.FirstOrDefaultAsync(
            r => r.CoupleId == coupleId && r.OwnerId == me && r.Stage == stage,
            cancellationToken
        );
        if (request.Ready && existing is null)
        {
            db.StageReadies.Add(
                new StageReady
                {
                    Id = Guid.NewGuid(),
                    OwnerId = me,
                    CoupleId = coupleId,
                    Stage = stage,
                    ReadyAt = clock.GetUtcNow().UtcDateTime,
                }
            );
        }
        else if (!request.Ready && existing is not null)
        {
            db.StageReadies.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
