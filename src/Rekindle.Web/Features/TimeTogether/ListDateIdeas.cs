using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record RatedIdea(IdeaCard Idea, string? MyRating);

public sealed record IdeaPage(IReadOnlyList<RatedIdea> Ideas, int Page, bool HasMore, int Rated, int Total);

/// <summary>The ideas, filtered and 20 a page, with the member's own ratings (never the partner's).</summary>
public sealed class ListDateIdeas(CurrentMember current, IdeaStore store)
{
    /// <summary>The last page anyone may ask for; a page out of range is an empty page.</summary>
    public const int MaxPage = 1000;

    public async Task<IdeaPage> HandleAsync(IdeaFilter filter, int page, CancellationToken cancellationToken = default)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var viewer = await current.ViewerAsync(cancellationToken);
        var mine = await store.RatingsOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var cards = await store.CardsAsync(cancellationToken);
        var kept = cards.Where(filter.Keeps).Where(c => !filter.UnratedOnly || !mine.ContainsKey(c.Key)).ToList();
        var shown = kept.Skip((page - 1) * IdeaStore.PageSize)
            .Take(IdeaStore.PageSize)
            .Select(c => new RatedIdea(c, mine.GetValueOrDefault(c.Key)))
            .ToList();
        return new IdeaPage(
            shown,
            page,
            kept.Count > page * IdeaStore.PageSize,
            mine.Count(r => cards.Any(c => c.Key == r.Key)),
            cards.Count
        );
    }
}
