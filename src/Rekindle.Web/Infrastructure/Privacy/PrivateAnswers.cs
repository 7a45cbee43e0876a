using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>
/// One member's private answer to one item of a list (a date idea rating, a gesture mark, a desire
/// answer): a single sealed word, changed in place. The partner only ever learns what
/// <see cref="Mutual"/> or a feature's own one-sided rule lets through.
/// </summary>
public interface IPrivateAnswer : IVisibleRecord, ISealedRecord
{
    /// <summary>The sealed word itself, whatever the entity calls its column.</summary>
    SealedText Sealed { get; set; }

    /// <summary>The property's name, for <see cref="ISealedRecord.PlaceOf"/>.</summary>
    string SealedProperty { get; }

    /// <summary>Records when it was answered, where the entity keeps that.</summary>
    void Answered(DateTime at);
}

/// <summary>Reading all of a member's answers, and saving or clearing one: written once for every list.</summary>
public static class PrivateAnswers
{
    /// <summary>
    /// Every answer the member gave in that couple, opened. Always all rows, whatever they hold, so
    /// the work done never depends on which answers are "no" (TRUST.md T3).
    /// </summary>
    public static async Task<Dictionary<string, string>> ReadAsync<T>(IQueryable<T> rows, Sealer sealer, Guid memberId, Guid? coupleId, CancellationToken cancellationToken)
        where T : class, IPrivateAnswer
    {
        var answers = new Dictionary<string, string>();
        if (coupleId is null)
        {
            return answers;
        }

        foreach (var row in await rows.AsNoTracking().Where(r => r.OwnerId == memberId && r.CoupleId == coupleId).ToListAsync(cancellationToken))
        {
            if (await sealer.OpenAsync(row.Sealed, row.PlaceOf(row.SealedProperty), cancellationToken) is { } value)
            {
                answers[row.PromptKey] = value;
            }
        }

        return answers;
    }

    /// <summary>
    /// Saves <paramref name="answer"/> (already checked by the caller) for <paramref name="key"/>, or
    /// removes the member's answer when it is "clear". Two windows saving the first answer at the same
    /// moment get <paramref name="conflict"/> instead of an error.
    /// </summary>
    public static async Task<Outcome<bool>> SaveAsync<T>(AppDbContext db, Sealer sealer, Viewer viewer, string key, string answer, Func<T> create, DateTime now, string conflict, CancellationToken cancellationToken)
        where T : class, IPrivateAnswer
    {
        var set = db.Set<T>();
        var row = await set.FirstOrDefaultAsync(r => r.OwnerId == viewer.MemberId && r.CoupleId == viewer.CoupleId && r.PromptKey == key, cancellationToken);
        if (answer == "clear")
        {
            if (row is not null)
            {
                set.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Outcome<bool>.Ok(true);
        }

        if (row is null)
        {
            row = create();
            set.Add(row);
        }

        row.Sealed = await sealer.SealAsync(answer, row.PlaceOf(row.SealedProperty), cancellationToken);
        row.Answered(now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<bool>.Fail(conflict);
        }

        return Outcome<bool>.Ok(true);
    }
}
