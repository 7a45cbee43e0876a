using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// "Something is waiting for you": the notice a member gets when their partner invites them to a guided
/// conversation on two devices (queued by <see cref="StartConversation"/>, keyed by conversation and member so it
/// goes out once). It is dropped when the invitation is no longer open by the time it is due (taken up, ended,
/// the couple ended), and when either member rests (decisions/0027): nobody is pushed toward joint work while
/// a safety concern is current, and a concern and a neutral pause drop it alike, so nothing reveals which.
/// </summary>
public sealed class ConversationNotices(AppDbContext db, Resting resting) : INoticeSource
{
    public static string KeyFor(Guid conversationId, Guid memberId) => $"conversation:{conversationId:N}:{memberId:N}";

    // Queued at the moment of the invitation, not on a schedule.
    public Task QueueDueAsync(DateTime utcNow, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<bool?> NoLongerNeededAsync(Notice notice, DateTime utcNow, CancellationToken cancellationToken)
    {
        if (notice.Kind != NoticeKind.ConversationWaiting)
        {
            return null;
        }

        var parts = notice.Key.Split(':');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[1], "N", out var conversationId))
        {
            return true;
        }

        var member = notice.MemberId;
        var coupleId = await db
            .Conversations.AsNoTracking()
            .Where(c =>
                c.Id == conversationId
                && c.PartnerId == member
                && c.EndedAt == null
                && c.Phase == FloorPhase.Invited
                && db.CoupleMembers.Any(m => m.MemberId == member && m.CoupleId == c.CoupleId)
            )
            .Select(c => c.CoupleId)
            .FirstOrDefaultAsync(cancellationToken);
        return coupleId is not { } couple || await resting.CoupleRestsAsync(couple, cancellationToken);
    }
}
