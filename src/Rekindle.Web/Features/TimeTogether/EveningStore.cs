using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// What the evening's use cases share: changing the couple's one evening with the couple locked, and
/// telling the partner. A change goes back to the partner to agree again.
/// </summary>
public sealed class EveningStore(AppDbContext db, CurrentMember current, NoticeOutbox outbox, TimeProvider clock)
{
    public const int WeeksShown = 8;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The coming weeks' evenings (skipped ones too), as many as the page shows.</summary>
    public IEnumerable<(DateOnly Day, DateTime StartsAt)> Upcoming(OurEvening evening) =>
        EveningRules.Occurrences(evening, Now, Now.AddDays(7 * WeeksShown + 1), includeSkipped: true).Take(WeeksShown);

    /// <summary>Reads, changes and saves the couple's evening (made first when <paramref name="create"/>), then tells the
    /// partner.</summary>
    public async Task<Outcome<bool>> ChangeAsync(bool create, Func<OurEvening, Guid, Problem?> change, CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Problem.Conflict(Text.Of("Your evening is planned together: once your partner has joined, you can set one up."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var evening = await db.OurEvenings.Include(e => e.Skips).FirstOrDefaultAsync(e => e.CoupleId == coupleId, cancellationToken);
        if (evening is null)
        {
            if (!create)
            {
                return Problem.Invalid("evening", Text.Of("There is no evening set up yet."));
            }

            evening = new OurEvening
            {
                Id = Guid.NewGuid(),
                CoupleId = coupleId,
                CreatedAt = Now,
            };
            db.OurEvenings.Add(evening);
        }

        if (change(evening, viewer.MemberId) is { } problem)
        {
            return problem;
        }

        if (db.Entry(evening).State == EntityState.Unchanged && !db.ChangeTracker.HasChanges())
        {
            return Outcome<bool>.Ok(true);
        }

        evening.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(Text.Of("Your partner changed your evening at the same moment. Please look again."));
        }

        await outbox.QueueAsync(
            partnerId,
            NoticeKind.DateNews,
            $"evening:{evening.Id:N}:{partnerId:N}:{evening.Revision}",
            cancellationToken
        );
        return Outcome<bool>.Ok(true);
    }
}
