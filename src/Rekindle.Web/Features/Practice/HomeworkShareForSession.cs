using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Practice;

/// <summary>One thing for the next session: which counselor, the homework it is about (optional), and the member's own words,
/// written or pasted here.</summary>
public sealed record ShareForSessionRequest(Guid? Connection, Guid? Homework, string? Text);

/// <summary>
/// A member shares one item "for our next session" with the professional of one of their active connections: a copy of their
/// own words, sealed with the connection's key, which they can take back while the connection is active. Nothing the member
/// wrote elsewhere in the app is ever sent on its own; the partner never sees it.
/// </summary>
public sealed class ShareForSession(
    AppDbContext db,
    HomeworkStore store,
    Sealer sealer,
    TimeProvider clock,
    ILogger<ShareForSession> logger
)
{
    public async Task<Outcome<Guid>> HandleAsync(ShareForSessionRequest request, CancellationToken cancellationToken = default)
    {
        if (await store.VisibleAsync(cancellationToken) is not { } visible || visible.Connections.All(c => c.Id != request.Connection))
        {
            return Problem.NotFound(Text.Of("That counselor connection wasn't found."));
        }

        var connectionId = request.Connection!.Value;
        if (request.Homework is { } homeworkId && visible.Homework.All(h => h.Id != homeworkId || h.ConnectionId != connectionId))
        {
            return Problem.Invalid("homework", Text.Of("Please choose homework from the list, or none."));
        }

        var words = request.Text?.Trim() ?? "";
        if (TalkText.Problem(words, SessionItem.TextMaxLength) is { } problem)
        {
            return Problem.Invalid("text", words.Length == 0 ? Text.Of("Write a few words first.") : problem);
        }

        var me = visible.MemberId;
        if (
            await db.SessionItems.CountAsync(i => i.MemberId == me && i.ConnectionId == connectionId, cancellationToken)
            >= HomeworkStore.MaxSessionItems
        )
        {
            return Problem.Conflict(
                Text.Of("You've shared {0} things for the next session. Take one back to share another.", HomeworkStore.MaxSessionItems)
            );
        }

        var item = new SessionItem
        {
            Id = Guid.NewGuid(),
            ConnectionId = connectionId,
            MemberId = me,
            HomeworkId = request.Homework,
            SharedAt = clock.GetUtcNow().UtcDateTime,
        };
        item.Text = await sealer.SealAsync(words, item.PlaceOf(nameof(SessionItem.Text)), cancellationToken);
        db.SessionItems.Add(item);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Session item {SessionItemId} shared in connection {ConnectionId}", item.Id, connectionId);
        return Outcome<Guid>.Ok(item.Id);
    }
}
