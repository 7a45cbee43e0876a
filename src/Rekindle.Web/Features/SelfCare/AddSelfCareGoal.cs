using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>A goal: metric (sleep, movement, eating, stress, mood), direction (least or most), value, days a week.</summary>
public sealed record GoalRequest(string? Metric, string? Direction, decimal? Value, int? DaysPerWeek);

/// <summary>Adds one of the member's own goals (at most <see cref="SelfCareRules.MaxGoals"/>), sealed for them alone.</summary>
public sealed class AddSelfCareGoal(AppDbContext db, CurrentMember current, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(GoalRequest request, CancellationToken cancellationToken = default)
    {
        var goal = SelfCareRules.GoalOf(request);
        if (!goal.Succeeded)
        {
            return goal.As<bool>();
        }

        var memberId = current.RequiredMemberId;
        if (await db.SelfCareGoals.CountAsync(g => g.OwnerId == memberId, cancellationToken) >= SelfCareRules.MaxGoals)
        {
            return Problem.Conflict(
                Text.Of("You have {0} goals already. Remove one to add another: fewer goals are easier to keep.", SelfCareRules.MaxGoals)
            );
        }

        var row = new SelfCareGoal
        {
            Id = Guid.NewGuid(),
            OwnerId = memberId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        row.Goal = await sealer.SealAsync(
            JsonSerializer.Serialize(goal.Value!, SelfCareStore.Json),
            row.PlaceOf(nameof(SelfCareGoal.Goal)),
            cancellationToken
        );
        db.SelfCareGoals.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
