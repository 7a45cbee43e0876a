using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Understand;

/// <summary>
/// What waits in Understand: the Couple Map is ready to share (both finished a check and the member has
/// not shared: what /understand/map already says, never whether the partner shared), and the first step of
/// this week in the member's own plan not yet done. Steps for two are left out while the member's own
/// exercises for two rest (a concern or their own pause), as the plan's own page does for the member.
/// </summary>
public sealed class UnderstandWaiting(AppDbContext db, GetMyPlan plans) : IWaitingSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        var items = new List<WaitingItem>();
        var plan = await plans.HandleAsync(cancellationToken);
        if (plan is null)
        {
            return items;
        }

        if (who.Together)
        {
            var partnerId = who.PartnerId!.Value;
            var partnerFinished = await db.CheckAttempts.AnyAsync(c => c.OwnerId == partnerId && c.CompletedAt != null, cancellationToken);
            var shared = partnerFinished && await db.MapShares.AnyAsync(s => s.OwnerId == who.MemberId, cancellationToken);
            if (partnerFinished && !shared)
            {
                items.Add(
                    new WaitingItem(
                        WaitingKind.Reveal,
                        Text.Of(
                            "You and {0} have both finished the check. Share your summary to see your Couple Map together.",
                            who.PartnerName
                        ),
                        Text.Of("Open the map"),
                        "/understand/map"
                    )
                );
            }
        }

        // The member's own rest only, as the plan's page: the partner's plan never changes with the other's state
        // (decisions/0010; the partner's pages are compared byte for byte across the other's safety answers).
        // With a program, its session is this week's line (decisions/0040); the plan's steps live on inside it.
        if (
            await db.ProgramRuns.AnyAsync(
                r => r.EndedAt == null && (r.StartedBy == who.MemberId || (who.CoupleId != null && r.CoupleId == who.CoupleId)),
                cancellationToken
            )
        )
        {
            return items;
        }

        var forTwoRest = plan.Plan.JointExercisesResting || who.Rest.Mine;
        var step = plan
            .Plan.Weeks.FirstOrDefault(w => w.Week == plan.CurrentWeek)
            ?.Steps.FirstOrDefault(s => !plan.Done.Contains(s.Key) && !(s.Together && forTwoRest));
        if (step is not null)
        {
            items.Add(
                new WaitingItem(
                    WaitingKind.PlanStep,
                    Text.Of("This week's step: {0}", step.Title),
                    Text.Of("See your plan"),
                    "/understand/plan#week-" + plan.CurrentWeek
                )
            );
        }

        return items;
    }
}
