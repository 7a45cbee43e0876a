using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Rate an idea love, like or no; "clear" takes the rating back.</summary>
public sealed record RateIdeaRequest(string? Key, string? Rating)
{
    /// <summary>The page's button: "{key}|{rating}".</summary>
    public static RateIdeaRequest FromChoice(string? choice)
    {
        var parts = (choice ?? "").Split('|', 2);
        return new RateIdeaRequest(parts[0], parts.ElementAtOrDefault(1));
    }
}

/// <summary>Rates an idea privately: the partner never sees it, only whether both enjoy an idea.</summary>
public sealed class RateDateIdea(CurrentMember current, IdeaStore store, PrivateAnswers answers, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(RateIdeaRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is null)
        {
            return Problem.Conflict(Text.Of("Ideas are rated inside your couple space. Start one first."));
        }

        if (request.Key is not { } key || !(await store.CardsAsync(cancellationToken)).Any(c => c.Key == key))
        {
            return Problem.Invalid("key", Text.Of("That idea isn't in your list."));
        }

        if (request.Rating is not { } rating || (rating != "clear" && !IdeaStore.Ratings.Contains(rating)))
        {
            return Problem.Invalid("rating", Text.Of("Please choose love, like or not for me."));
        }

        return await answers.SaveAsync(
            viewer,
            AnswerList.Ideas,
            key,
            rating,
            clock.GetUtcNow().UtcDateTime,
            "That rating was saved from another window at the same moment. Please look again.",
            cancellationToken
        );
    }
}
