using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

public sealed record ConversationSummaryRequest(string? Summary);

/// <summary>Writes or changes the ended conversation's short summary, which both partners share.</summary>
public sealed class SaveConversationSummary(AppDbContext db, GetConversation conversation, Sealer sealer)
{
    public async Task<Outcome<ConversationView>> HandleAsync(
        ConversationSummaryRequest request,
        CancellationToken cancellationToken = default
    )
    {
        var view = await conversation.HandleAsync(cancellationToken);
        if (view is null)
        {
            return Problem.NotFound(Text.Of("A guided conversation needs your partner in your couple space."));
        }

        var summary = request.Summary?.Trim() ?? "";
        if (TalkText.Problem(summary, Conversation.SummaryMaxLength) is { } problem)
        {
            return Problem.Invalid("summary", problem);
        }

        if (view.Current is not { Phase: FloorPhase.Ended } ended)
        {
            return Problem.Invalid("summary", Text.Of("A summary is written once the conversation has ended."));
        }

        var row = await db.Conversations.FirstAsync(c => c.Id == ended.Id, cancellationToken);
        row.Summary = await sealer.SealAsync(summary, row.PlaceOf(nameof(Conversation.Summary)), cancellationToken);
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict(Text.Of("Your partner saved the summary at the same moment. Here is theirs; change it if you like."));
        }

        return Outcome<ConversationView>.Ok((await conversation.HandleAsync(cancellationToken))!);
    }
}
