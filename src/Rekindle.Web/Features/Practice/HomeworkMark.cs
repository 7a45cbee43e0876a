using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>The member's own mark: done, or not done yet.</summary>
public sealed record MarkHomeworkRequest(bool? Done);

/// <summary>
/// A member marks homework they see done or not yet: their own mark only. It reaches the professional only while the member
/// shares homework (ConnectionScopes.Homework). Homework the member does not see (another couple's, withdrawn, ended, or for
/// two while the couple rests) is not found.
/// </summary>
public sealed class MarkHomework(AppDbContext db, HomeworkStore store, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(
        Guid homeworkId,
        MarkHomeworkRequest request,
        CancellationToken cancellationToken = default
    )
    {
        if (await store.VisibleAsync(cancellationToken) is not { } visible || visible.Homework.All(h => h.Id != homeworkId))
        {
            return Problem.NotFound(Text.Of("That homework wasn't found."));
        }

        if (request.Done is not { } done)
        {
            return Problem.Invalid("done", Text.Of("Please say whether it is done."));
        }

        var me = visible.MemberId;
        var mark = await db.HomeworkDone.FirstOrDefaultAsync(d => d.HomeworkId == homeworkId && d.MemberId == me, cancellationToken);
        if (done && mark is null)
        {
            db.HomeworkDone.Add(
                new HomeworkDone
                {
                    HomeworkId = homeworkId,
                    MemberId = me,
                    DoneAt = clock.GetUtcNow().UtcDateTime,
                }
            );
        }
        else if (!done && mark is not null)
        {
            db.HomeworkDone.Remove(mark);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (done)
        {
            // Marked done twice at once (two windows): the other request's mark stands, which is what was asked.
        }

        return Outcome<bool>.Ok(done);
    }
}
