using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Intimacy;

public sealed record AnswerPage(DesireCategory Category, IReadOnlyList<DesireCard> Items, int KeptAway, int Answered, int Total);

/// <summary>One category of the list with the member's own answers; items near a firm limit of theirs are kept away unless asked
/// for.</summary>
public sealed class GetDesireAnswers(DesireStore store, CurrentMember current, IntimacyContent content)
{
    public async Task<AnswerPage> HandleAsync(string? category, bool showKeptAway, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var chosen = content.Categories.FirstOrDefault(c => c.Key == category) ?? content.Categories[0];
        var mine = await store.AnswersOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var cards = await store.CardsAsync(mine, cancellationToken);
        var keptAway = DesireRules.KeptAway(content.Items, mine);
        var inCategory = cards.Where(c => c.Category == chosen.Key).ToList();
        var shown = showKeptAway ? inCategory : inCategory.Where(c => !keptAway.Contains(c.Key)).ToList();
        return new AnswerPage(chosen, shown, inCategory.Count - shown.Count, cards.Count(c => c.MyAnswer is not null), cards.Count);
    }
}
