using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Repair;

/// <summary>Release: puts the member's exercise away (kept, closed, for them alone) once the letter is written.</summary>
public sealed class PutAwayLettingGo(AppDbContext db, LettingGoStore store, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var grudge = await store.MineAsync(id, cancellationToken);
        if (grudge is null)
        {
            return LettingGoStore.NotHere();
        }

        if (LettingGoRules.CanArchive(grudge) is { } problem)
        {
            return Problem.Invalid("exercise", problem);
        }

        grudge.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
