using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

/// <summary>Start a conversation on a topic: together on one device, or inviting the partner's device.</summary>
public sealed record StartConversationRequest(string? Topic, bool OneDevice);

/// <summary>
/// Starts the couple's guided conversation, on one device or inviting the partner's. A member who rests
/// cannot start one, and neither can their partner, who is told only that the other has paused (decisions/0027).
/// </summary>
public sealed class StartConversation(
    AppDbContext db,
    CurrentMember current,
    GetConversation conversation,
    Resting resting,
    ConversationContent content,
    NoticeOutbox outbox,
    TimeProvider clock,
    ILogger<StartConversation> logger
)
{
    public async Task<Outcome<ConversationView>> HandleAsync(
        StartConversationRequest request,
        CancellationToken cancellationToken = default
    )
    {
        var view = await conversation.HandleAsync(cancellationToken);
        if (view is null)
        {
            return Problem.NotFound(Text.Of("A guided conversation needs your partner in your couple space."));
        }

        if (
            await resting.RefusalAsync(
                Text.Of("Guided conversations are resting for now."),
                evenWhenPartnerAway: true,
                cancellationToken
            ) is
            { } refusal
        )
        {
            return Problem.Resting(refusal);
        }

        var topicKey = string.IsNullOrEmpty(request.Topic) ? null : request.Topic;
        if (topicKey is null || content.Topic(topicKey) is null)
        {
            return Problem.Invalid("topic", Text.Of("Please choose a topic."));
        }

        if (view.Current is { EndedAt: null })
        {
            return Problem.Conflict(Text.Of("You already have a conversation open. Finish it, or end it, first."));
        }

        var viewer = await current.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var partnerId = (await current.PartnerIdAsync(cancellationToken))!.Value;
        var conversationId = Guid.NewGuid();
        db.Conversations.Add(
            new Conversation
            {
                Id = conversationId,
                CoupleId = viewer.CoupleId,
                OwnerId = viewer.MemberId,
                PartnerId = partnerId,
                TopicKey = topicKey,
                OneDevice = request.OneDevice,
                Phase = request.OneDevice ? FloorPhase.Speaking : FloorPhase.Invited,
                SpeakerId = viewer.MemberId,
                StartedAt = now,
                PhaseStartedAt = now,
                Version = 1,
            }
        );
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(Text.Of("Your partner started a conversation at the same moment. Here it is."));
        }

        if (!request.OneDevice)
        {
            // The partner hears that something waits (fixed words, no topic, no name), once, unless it is over by then.
            await outbox.QueueAsync(
                partnerId,
                NoticeKind.ConversationWaiting,
                ConversationNotices.KeyFor(conversationId, partnerId),
                cancellationToken
            );
        }

        logger.LogInformation("Member {MemberId} started a guided conversation in couple {CoupleId}", viewer.MemberId, viewer.CoupleId);
        return Outcome<ConversationView>.Ok((await conversation.HandleAsync(cancellationToken))!);
    }
}
