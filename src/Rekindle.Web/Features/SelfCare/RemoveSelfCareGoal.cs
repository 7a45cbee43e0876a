using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>Removes one of the member's own goals; another member's goal id (or one already gone) is not found, and nothing
/// changes.</summary>
public sealed class RemoveSelfCareGoal(AppDbContext db, CurrentMember current)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var removed = await db.SelfCareGoals.Where(g => g.Id == id && g.OwnerId == memberId).ExecuteDeleteAsync(cancellationToken);
        return removed > 0 ? Outcome<bool>.Ok(true) : Problem.NotFound(Text.Of("That goal wasn't found. It may already be removed."));
    }
}
