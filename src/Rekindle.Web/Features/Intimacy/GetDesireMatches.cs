using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Intimacy;

public sealed record MatchView(DesireCard Item, MatchKind Kind, bool CheckInFirst);

/// <summary>What both marked yes or maybe, in list order; empty unless both opted in. Both partners always see the same list.</summary>
public sealed class GetDesireMatches(AppDbContext db, DesireStore store, CurrentMember current)
{
    public async Task<IReadOnlyList<MatchView>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var access = await store.AccessAsync(cancellationToken);
        if (!access.BothIn || viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return [];
        }

        // Both partners' sets are read whole, every time: one row and one value of fixed length each, so
        // the work done never depends on what, or how much, the partner answered (docs/TRUST.md T17).
        var mine = await store.AnswersOfAsync(viewer.MemberId, coupleId, cancellationToken);
        var theirs = await store.AnswersOfAsync(partnerId, coupleId, cancellationToken);
        var cards = await store.CardsAsync(mine, cancellationToken);
        var flags = (
            await db.CheckInFirsts.AsNoTracking().Where(f => f.CoupleId == coupleId).Select(f => f.ItemKey).ToListAsync(cancellationToken)
        ).ToHashSet();
        var byKey = cards.ToDictionary(c => c.Key);
        return DesireRules
            .Matches(cards.Select(c => c.Key), mine, theirs, bothOptedIn: true)
            .Select(m => new MatchView(byKey[m.Key] with { MyAnswer = null }, m.Kind, flags.Contains(m.Key)))
            .ToList();
    }
}
