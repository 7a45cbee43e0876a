using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>After the date has begun: wonderful, good, okay or hard, and an optional highlight. The partner sees it once they wrote
/// theirs.</summary>
public sealed record ReflectRequest(string? Rating, string? Highlight);

/// <summary>The private after-date reflection (blind reveal): editable until both have written theirs.</summary>
public sealed class ReflectOnDate(AppDbContext db, CurrentMember current, Sealer sealer, DateStore store)
{
    public async Task<Outcome<DateView>> HandleAsync(Guid planId, ReflectRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var text = request.Highlight?.Trim() ?? "";
        if (request.Rating is not { } rating || !DateReflection.Ratings.Contains(rating))
        {
            return Problem.Invalid("rating", Text.Of("Please choose how it was for you."));
        }

        if (text.Length > 0 && Talk.TalkText.Problem(text, DateReflection.HighlightMaxLength) is { } problem)
        {
            return Problem.Invalid("highlight", problem);
        }

        if (viewer.CoupleId is not { } coupleId)
        {
            return DateStore.NotYours();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
            var plan = await db
                .DatePlans.AsNoTracking()
                .FirstOrDefaultAsync(p => p.Id == planId && p.CoupleId == coupleId, cancellationToken);
            if (plan is null)
            {
                return DateStore.NotYours();
            }

            if (plan.Status != DateStatus.Agreed || plan.StartsAt > store.Now)
            {
                return Problem.Invalid("date", Text.Of("You can say how it went once the date has begun."));
            }

            var key = DateReflection.KeyFor(planId);
            var rows = await db.DateReflections.Where(r => r.CoupleId == coupleId && r.PromptKey == key).ToListAsync(cancellationToken);
            var mine = rows.FirstOrDefault(r => r.OwnerId == viewer.MemberId);
            if (mine is not null && rows.Any(r => r.OwnerId != viewer.MemberId))
            {
                return Problem.Conflict(Text.Of("You have both shared how it went, so it is kept as it is."));
            }

            if (mine is null)
            {
                mine = new DateReflection
                {
                    Id = Guid.NewGuid(),
                    OwnerId = viewer.MemberId,
                    CoupleId = coupleId,
                    PromptKey = key,
                };
                db.DateReflections.Add(mine);
            }

            mine.Rating = await sealer.SealAsync(rating, mine.PlaceOf(nameof(DateReflection.Rating)), cancellationToken);
            mine.Highlight =
                text.Length == 0 ? null : await sealer.SealAsync(text, mine.PlaceOf(nameof(DateReflection.Highlight)), cancellationToken);
            mine.WrittenAt = store.Now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return await store.FindAsync(planId, cancellationToken) is { } view ? Outcome<DateView>.Ok(view) : DateStore.NotYours();
    }
}
