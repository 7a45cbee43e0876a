using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// The one thing the couple sees of each other's ratings: the ideas both loved or liked, in the cards'
/// order. The partner's ratings are read only to compute <see cref="Mutual.Only"/>, so the list's size
/// and the work done depend on mutual matches alone (docs/TRUST.md T3, T17). Null without a partner.
/// </summary>
public sealed class ListIdeasBothEnjoy(CurrentMember current, IdeaStore store)
{
    public async Task<IReadOnlyList<IdeaCard>?> HandleAsync(IdeaFilter filter, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return null;
        }

        var cards = await store.CardsAsync(cancellationToken);
        var mine = await store.RatingsOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var theirs = await store.RatingsOfAsync(partnerId, viewer.CoupleId, cancellationToken);
        var both = Mutual.Only(cards.Select(c => c.Key), AsAnswers(mine), AsAnswers(theirs)).ToHashSet();
        return cards.Where(c => both.Contains(c.Key) && filter.Keeps(c)).ToList();
    }

    private static Dictionary<string, Mutual.Answer> AsAnswers(Dictionary<string, string> ratings) =>
        ratings.ToDictionary(
            r => r.Key,
            r =>
                r.Value switch
                {
                    "love" => Mutual.Answer.Yes,
                    "like" => Mutual.Answer.Maybe,
                    _ => Mutual.Answer.No,
                }
        );
}
