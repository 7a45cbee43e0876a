using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>The professional takes homework back: the couple no longer sees it. 404 for homework not in their active
/// connection, or already withdrawn.</summary>
public sealed class WithdrawHomework(AppDbContext db, ProfessionalAccess access, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(Guid connectionId, Guid homeworkId, CancellationToken cancellationToken = default)
    {
        var row = await access.ActiveAsync(connectionId, cancellationToken) is null
            ? null
            : await db.Homework.FirstOrDefaultAsync(
                h => h.Id == homeworkId && h.ConnectionId == connectionId && h.WithdrawnAt == null,
                cancellationToken
            );
        if (row is null)
        {
            return Problem.NotFound(Text.Of("That homework wasn't found."));
        }

        row.WithdrawnAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
