using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>answer: yes, maybe, talk, no, limit, or clear (takes the answer back).</summary>
public sealed record DesireAnswerRequest(string? Key, string? Answer)
{
    /// <summary>The page's answer buttons each post "key|answer" (one form for the whole list).</summary>
    public static DesireAnswerRequest FromButton(string? pressed)
    {
        var parts = (pressed ?? "").Split('|', 2);
        return new(parts[0], parts.ElementAtOrDefault(1));
    }
}

/// <summary>Answers an item privately, or takes the answer back; the answer goes into the member's sealed set (decisions/0026).</summary>
public sealed class AnswerDesire(DesireStore store, CurrentMember current, Resting resting, PrivateAnswers answers)
{
    public async Task<Outcome<DesireCard>> HandleAsync(DesireAnswerRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (!await store.OptedInAsync(viewer.MemberId, cancellationToken))
        {
            return Problem.Conflict(Text.Of("Intimacy is turned off for you. Turn it on first."));
        }

        if ((await resting.StateAsync(cancellationToken)).Mine)
        {
            return Problem.Resting(Text.Of(DesireStore.RestingNote));
        }

        if (viewer.CoupleId is not { } coupleId)
        {
            return Problem.Conflict(Text.Of("Answers belong to your couple space. Start one first."));
        }

        if (request.Key is not { } key || !(await store.CardsAsync(null, cancellationToken)).Any(c => c.Key == key))
        {
            return Problem.Invalid("key", Text.Of("That item isn't on your list."));
        }

        if (request.Answer is not { } answer || (answer != "clear" && !DesireRules.Answers.Contains(answer)))
        {
            return Problem.Invalid("answer", Text.Of("Please choose yes, maybe, let's talk first, no, or firm limit."));
        }

        // No time is kept: an answer has no visible history.
        var saved = await answers.SaveAsync(
            viewer with
            {
                CoupleId = coupleId,
            },
            AnswerList.Desires,
            key,
            answer,
            null,
            Text.Of("That answer was saved from another window at the same moment. Please look again."),
            cancellationToken
        );
        if (saved.Problem is { } problem)
        {
            return Problem.Conflict(problem.Message);
        }

        var card = (await store.CardsAsync(await store.MyAnswersAsync(cancellationToken), cancellationToken)).First(c => c.Key == key);
        return Outcome<DesireCard>.Ok(card);
    }
}
