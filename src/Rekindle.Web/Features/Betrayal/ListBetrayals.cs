using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Betrayal;

public sealed record BetrayalSummary(Guid Id, string Kind, bool IAmHurt, DateTime OpenedAt, BetrayalStage Stage, bool WaitsOnMe);

/// <summary>The couple's paths, newest first, with whether something waits for the member; no words but the kind.</summary>
public sealed class ListBetrayals(AppDbContext db, CurrentMember current, BetrayalStore store)
{
    public async Task<IReadOnlyList<BetrayalSummary>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var list = new List<BetrayalSummary>();
        foreach (var (betrayal, state) in await StatesAsync(db, coupleId, cancellationToken))
        {
            list.Add(
                new BetrayalSummary(
                    betrayal.Id,
                    await store.KindAsync(betrayal, cancellationToken),
                    betrayal.HurtId == viewer.MemberId,
                    betrayal.OpenedAt,
                    BetrayalRules.Stage(state),
                    BetrayalRules.WaitsOn(state, viewer.MemberId)
                )
            );
        }

        return list;
    }

    /// <summary>The couple's paths with their facts, in two queries whatever their number (also for the home page).</summary>
    internal static async Task<List<(Betrayal Betrayal, BetrayalState State)>> StatesAsync(
        AppDbContext db,
        Guid coupleId,
        CancellationToken cancellationToken
    )
    {
        var paths = await db
            .Betrayals.AsNoTracking()
            .Where(b => b.CoupleId == coupleId)
            .OrderByDescending(b => b.OpenedAt)
            .ToListAsync(cancellationToken);
        var ids = paths.Select(p => p.Id).ToList();
        var facts = await db
            .BetrayalEntries.AsNoTracking()
            .Where(e => ids.Contains(e.BetrayalId))
            .OrderBy(e => e.WrittenAt)
            .Select(e => new
            {
                e.BetrayalId,
                Fact = new EntryFact(e.Id, e.OwnerId, e.Part, e.About, e.SentAt != null, e.AgreedAt != null, e.EndedAt != null),
            })
            .ToListAsync(cancellationToken);
        return [.. paths.Select(p => (p, BetrayalState.Of(p, facts.Where(f => f.BetrayalId == p.Id).Select(f => f.Fact))))];
    }
}
