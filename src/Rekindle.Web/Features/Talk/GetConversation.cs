using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// What the member sees of the couple's conversation; null <see cref="Current"/> when there is none.
/// <see cref="Resting"/>: the member's own concern or pause; <see cref="Concern"/>: which is the concern;
/// <see cref="PartnerAway"/>: the partner rests, for a reason never told (decisions/0027).
/// </summary>
public sealed record ConversationView(
    Conversation? Current,
    ConversationTopic? Topic,
    string? Summary,
    bool Resting,
    Guid MemberId,
    string MyName,
    string PartnerName,
    bool Concern = false,
    bool PartnerAway = false
)
{
    public bool IsSpeaker => Current is { } c && (c.OneDevice || c.SpeakerId == MemberId);

    public bool IsListener => Current is { } c && (c.OneDevice || c.ListenerId == MemberId);

    public string NameOf(Guid member) => member == MemberId ? MyName : PartnerName;
}

/// <summary>
/// The couple's guided conversation as the member sees it: the open or latest one, and whether it rests.
/// A member whose own safety screen raised a concern, or who paused exercises for two, sees the exercise
/// resting (decisions/0010, 0027): they cannot start or join one. Their partner cannot start one either,
/// and is told only, in the same words whatever the reason, that the other has paused.
/// </summary>
public sealed class GetConversation(
    AppDbContext db,
    CurrentMember current,
    GetCoupleStatus status,
    Resting resting,
    Account.MemberNames names,
    ConversationContent content,
    Sealer sealer
)
{
    /// <summary>The view, or null when the member has no partner in their couple space yet.</summary>
    public async Task<ConversationView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var couple = await status.HandleAsync(cancellationToken);
        if (viewer.CoupleId is null || couple.Stage != CoupleStage.Together)
        {
            return null;
        }

        var rest = await resting.StateAsync(cancellationToken);
        var latest = await ConversationStore
            .Involving(db, viewer)
            .VisibleTo(viewer)
            // The open one first (there is at most one): picked up again in the same tick, it still wins over the one it follows.
            .OrderBy(c => c.EndedAt == null ? 0 : 1)
            .ThenByDescending(c => c.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        string? summary = null;
        if (latest?.Summary is not null)
        {
            summary = await sealer.OpenAsync(latest.Summary, latest.PlaceOf(nameof(Conversation.Summary)), cancellationToken);
        }

        var me = await db.Users.AsNoTracking().Where(u => u.Id == viewer.MemberId).Select(u => u.FirstName).FirstAsync(cancellationToken);
        return new ConversationView(
            latest,
            latest is null ? null : content.Topic(latest.TopicKey),
            summary,
            rest.Mine,
            viewer.MemberId,
            await names.OpenAsync(viewer.MemberId, me, cancellationToken),
            couple.PartnerFirstName ?? "",
            rest.Concern,
            rest.PartnerAway
        );
    }
}
