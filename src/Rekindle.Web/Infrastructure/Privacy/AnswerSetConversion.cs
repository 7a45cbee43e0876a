using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>A row of the one-answer-a-row tables from before decisions/0026, read only to move it into an <see cref="AnswerSet"/>.</summary>
public interface ILegacyAnswer : ISealedRecord
{
    Guid OwnerId { get; }

    Guid? CoupleId { get; }

    string PromptKey { get; }

    SealedText Sealed { get; }

    string SealedProperty { get; }

    DateTime? AnsweredAt { get; }
}

/// <summary>
/// Runs at every start, after the migrations (decisions/0026): moves answers still kept one to a row
/// (DesireAnswers, IdeaRatings, GestureMarks) into each member's sealed set, deleting the rows in the
/// same transaction, then gives every member of a couple who has no set of a list a blank one. After
/// the first run both steps find nothing and cost one query each. Several servers may run it at once:
/// one that meets another's write starts its round again.
/// </summary>
public sealed class AnswerSetConversion(AppDbContext db, PrivateAnswers answers, Sealer sealer, ILogger<AnswerSetConversion> logger)
{
    private const int Batch = 100;
    private const int MaxConflicts = 5;

    public sealed record Result(int Moved, int Started);

    public async Task<Result> RunAsync(CancellationToken cancellationToken = default)
    {
        var moved = await MoveAsync(db.IdeaRatings, AnswerList.Ideas, cancellationToken)
            + await MoveAsync(db.GestureMarks, AnswerList.Gestures, cancellationToken)
            + await MoveAsync(db.DesireAnswers, AnswerList.Desires, cancellationToken);
        var started = 0;
        foreach (var list in Enum.GetValues<AnswerList>())
        {
            started += await StartMissingAsync(list, cancellationToken);
        }

        if (moved > 0 || started > 0)
        {
            logger.LogInformation("Answer sets: moved {Moved} answers kept one to a row, made {Started} blank sets", moved, started);
        }

        return new Result(moved, started);
    }

    private async Task<int> MoveAsync<T>(DbSet<T> legacy, AnswerList list, CancellationToken cancellationToken)
        where T : class, ILegacyAnswer
    {
        var moved = 0;
        var conflicts = 0;
        while (true)
        {
            var groups = await legacy.AsNoTracking().Select(r => new { r.OwnerId, r.CoupleId }).Distinct().Take(Batch).ToListAsync(cancellationToken);
            if (groups.Count == 0)
            {
                return moved;
            }

            foreach (var group in groups)
            {
                var rows = await legacy.Where(r => r.OwnerId == group.OwnerId && r.CoupleId == group.CoupleId).ToListAsync(cancellationToken);
                var count = 0;
                // Rows of a couple the member is no longer in can never be read again: they go.
                if (group.CoupleId is { } coupleId
                    && await db.CoupleMembers.AnyAsync(m => m.MemberId == group.OwnerId && m.CoupleId == coupleId, cancellationToken))
                {
                    var set = await db.AnswerSets.FirstOrDefaultAsync(s => s.OwnerId == group.OwnerId && s.CoupleId == coupleId && s.List == list, cancellationToken);
                    var entries = await answers.OpenAsync(set, cancellationToken);
                    foreach (var row in rows.Where(r => !entries.ContainsKey(r.PromptKey)))
                    {
                        if (await sealer.OpenAsync(row.Sealed, row.PlaceOf(row.SealedProperty), cancellationToken) is { } value)
                        {
                            entries[row.PromptKey] = new AnswerEntry(value, row.AnsweredAt);
                            count++;
                        }
                    }

                    if (set is null)
                    {
                        set = PrivateAnswers.New(group.OwnerId, coupleId, list);
                        db.AnswerSets.Add(set);
                    }

                    await answers.SealAsync(set, entries, cancellationToken);
                }

                legacy.RemoveRange(rows);
                try
                {
                    // The set and the removal of its rows in one transaction: an answer is in one place or the other.
                    await db.SaveChangesAsync(cancellationToken);
                    moved += count;
                }
                catch (DbUpdateException) when (++conflicts < MaxConflicts)
                {
                    // Another server moved the same rows at the same moment; the next round sees what is left.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }

    private async Task<int> StartMissingAsync(AnswerList list, CancellationToken cancellationToken)
    {
        var started = 0;
        var conflicts = 0;
        while (true)
        {
            var missing = await db.CoupleMembers.AsNoTracking()
                .Where(m => !db.AnswerSets.Any(s => s.OwnerId == m.MemberId && s.CoupleId == m.CoupleId && s.List == list))
                .Select(m => new { m.MemberId, m.CoupleId })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (missing.Count == 0)
            {
                return started;
            }

            foreach (var member in missing)
            {
                var set = PrivateAnswers.New(member.MemberId, member.CoupleId, list);
                await answers.SealAsync(set, new Dictionary<string, AnswerEntry>(), cancellationToken);
                db.AnswerSets.Add(set);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                started += missing.Count;
            }
            catch (DbUpdateException) when (++conflicts < MaxConflicts)
            {
                // Another server made some of them at the same moment; look again.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}

public static class AnswerSetConversionFeature
{
    /// <summary>After the migrations: answers into sets, and a blank set for every member of a couple (decisions/0026).</summary>
    public static async Task ConvertAnswerSetsAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            // Migrations are run by the operator here (Database:MigrateOnStartup off): the tables may not be there yet.
            scope.ServiceProvider.GetRequiredService<ILogger<AnswerSetConversion>>().LogWarning("Answer sets not converted: the database has migrations to apply first");
            return;
        }

        await scope.ServiceProvider.GetRequiredService<AnswerSetConversion>().RunAsync();
    }
}
