using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Understand;

/// <summary>The member's plan from their latest check, when it started, and the steps they ticked.</summary>
public sealed record PlanView(
    Plan Plan,
    Guid CheckId,
    DateTime StartedOn,
    int CurrentWeek,
    IReadOnlySet<string> Done,
    string? PartnerFirstName
);

/// <summary>
/// The personal plan: <see cref="PlanRules"/> applied to the member's latest check and, when both
/// partners shared on the Couple Map, the partner's shared domain scores. Nothing else of the
/// partner's goes in, so the partner's plan never reflects this member's wellbeing or safety answers.
/// </summary>
public sealed class GetMyPlan(
    AppDbContext db,
    CurrentMember current,
    MyChecks checks,
    GetCoupleMap map,
    GetCoupleStatus status,
    PlanSteps steps,
    Account.Preferences preferences,
    TimeProvider clock
)
{
    public async Task<PlanView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var latest = (await checks.HandleAsync(cancellationToken)).Latest;
        if (latest is null)
        {
            return null;
        }

        var memberId = current.RequiredMemberId;
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var partnerFinished =
            partnerId is not null
            && await db.CheckAttempts.AnyAsync(c => c.OwnerId == partnerId && c.CompletedAt != null, cancellationToken);
        var shared = partnerFinished ? await map.PartnerSharedDomainsAsync(cancellationToken) : null;
        var plan = PlanRules.Make(new PlanInput(latest.Scores, shared, partnerFinished), steps);

        var done = await db
            .PlanTicks.AsNoTracking()
            .Where(t => t.OwnerId == memberId && t.CheckId == latest.Id)
            .Select(t => t.StepKey)
            .ToListAsync(cancellationToken);
        // Weeks are the member's own: they start on the local date the check was finished.
        var prefs = await preferences.MineAsync(cancellationToken);
        var startedOn = prefs.Local(latest.CompletedAt).Date;
        var week = Math.Clamp(
            (int)((prefs.Local(clock.GetUtcNow().UtcDateTime).Date - startedOn).TotalDays / 7) + 1,
            1,
            PlanRules.Weeks + 1
        );
        var partnerName = shared is null ? null : (await status.HandleAsync(cancellationToken)).PartnerFirstName;
        return new PlanView(plan, latest.Id, startedOn, week, done.ToHashSet(), partnerName);
    }
}

/// <summary>Ticks a step of the member's current plan as done, or unticks it.</summary>
public sealed class TickPlanStep(AppDbContext db, GetMyPlan plans, CurrentMember current, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(string? stepKey, bool done, CancellationToken cancellationToken = default)
    {
        var view = await plans.HandleAsync(cancellationToken);
        if (view is null)
        {
            return Problem.NotFound(Text.Of("Take the Rough Patch Check first: your plan is made from it."));
        }

        if (string.IsNullOrEmpty(stepKey) || !view.Plan.Weeks.SelectMany(w => w.Steps).Any(s => s.Key == stepKey))
        {
            return Problem.NotFound(Text.Of("That step is not in your plan."));
        }

        var memberId = current.RequiredMemberId;
        var existing = db.PlanTicks.Where(t => t.OwnerId == memberId && t.CheckId == view.CheckId && t.StepKey == stepKey);
        if (!done)
        {
            await existing.ExecuteDeleteAsync(cancellationToken);
            return Outcome<bool>.Ok(true);
        }

        if (!await existing.AnyAsync(cancellationToken))
        {
            db.PlanTicks.Add(
                new PlanTick
                {
                    Id = Guid.NewGuid(),
                    OwnerId = memberId,
                    CheckId = view.CheckId,
                    StepKey = stepKey,
                    DoneAt = clock.GetUtcNow().UtcDateTime,
                }
            );
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Ticked twice at once (a double tap): it is ticked, which is what was asked.
                db.ChangeTracker.Clear();
            }
        }

        return Outcome<bool>.Ok(true);
    }
}
