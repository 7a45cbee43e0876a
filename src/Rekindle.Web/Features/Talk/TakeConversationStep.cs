using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

/// <summary>A step on the floor (Join, Decline, DoneSpeaking, SaidItBack, ThatsIt, NotQuite, Pause, Resume, BothHeard, End) at the version
/// the client last saw.</summary>
public sealed record ConversationStepRequest(string? Action, int Version)
{
    /// <summary>The one reading of a step's name, for the page and the API alike: a step's name as written, never a number; null for
    /// anything else.</summary>
    public static FloorAction? ActionOf(string? word) =>
        !string.IsNullOrEmpty(word)
        && !char.IsDigit(word[0])
        && word[0] is not ('-' or '+')
        && Enum.TryParse<FloorAction>(word, ignoreCase: false, out var action)
        && Enum.IsDefined(action)
            ? action
            : null;
}

/// <summary>
/// Takes a step on the floor of the open conversation. A step from a page that is out of date (another
/// version) is refused, so two devices never both move it. A member who rests can still pause, decline or end.
/// </summary>
public sealed class TakeConversationStep(AppDbContext db, GetConversation conversation, Resting resting, TimeProvider clock)
{
    public async Task<Outcome<ConversationView>> HandleAsync(ConversationStepRequest request, CancellationToken cancellationToken = default)
    {
        var view = await conversation.HandleAsync(cancellationToken);
        if (view is null)
        {
            return Problem.NotFound(Text.Of("A guided conversation needs your partner in your couple space."));
        }

        if (ConversationStepRequest.ActionOf(request.Action) is not { } action)
        {
            return Problem.Invalid("action", Text.Of("That step isn't one this conversation knows."));
        }

        if (view.Current is not { EndedAt: null } open)
        {
            return Problem.Invalid("action", Text.Of("There is no conversation open just now."));
        }

        if (
            view.Resting
            && action is not (FloorAction.End or FloorAction.Pause or FloorAction.Decline)
            && await resting.RefusalAsync(
                Text.Of("Guided conversations are resting for now."),
                evenWhenPartnerAway: false,
                cancellationToken
            )
                is { } refusal
        )
        {
            return Problem.Resting(refusal);
        }

        var row = await db.Conversations.FirstAsync(c => c.Id == open.Id, cancellationToken);
        if (row.Version != request.Version)
        {
            return Problem.Invalid("version", Text.Of("Things moved on while this page was open. Here is where you are now."));
        }

        if (FloorRules.Apply(row, action, view.MemberId, clock.GetUtcNow().UtcDateTime) is { } problem)
        {
            return Problem.Invalid("action", problem);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict(Text.Of("Your partner pressed at the same moment. Here is where you are now."));
        }

        return Outcome<ConversationView>.Ok((await conversation.HandleAsync(cancellationToken))!);
    }
}
