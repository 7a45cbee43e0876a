using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// One of the couple's repairs as the member sees it: null when it is not the couple's. The partner's
/// entries are read only through <see cref="Disclosure"/>, and only for steps both have written.
/// </summary>
public sealed class FindRepair(AppDbContext db, CurrentMember current, RepairStore store, TimeProvider clock)
{
    public async Task<RepairView?> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var incident = await db
            .Incidents.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == id && i.CoupleId == viewer.CoupleId && viewer.CoupleId != null, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var entries = await db
            .IncidentEntries.AsNoTracking()
            .Where(e => e.IncidentId == id && e.CoupleId == viewer.CoupleId)
            .ToListAsync(cancellationToken);
        var state = RepairState.Of(incident, entries.Select(e => (e.OwnerId, e.Step, e.Reply)));
        var steps = new List<StepView>();
        foreach (var step in RepairRules.Steps.Append(RepairStep.FollowUp))
        {
            var mine = entries.FirstOrDefault(e => e.Step == step && e.OwnerId == viewer.MemberId);
            var theirs = entries.FirstOrDefault(e => e.Step == step && e.OwnerId != viewer.MemberId);
            var maySee =
                theirs is not null
                && Disclosure.MaySee(viewer, theirs.OwnerId, theirs.CoupleId, theirs.Visibility, mine is not null)
                && RepairRules.MaySeePartners(state, viewer.MemberId, step);
            steps.Add(
                new StepView(
                    step,
                    mine is null ? null : await store.OpenAsync(mine, cancellationToken),
                    maySee ? await store.OpenAsync(theirs!, cancellationToken) : null,
                    theirs is not null,
                    // Answers to "what you heard" follow the entry they sit on: the partner's only once the step is revealed.
                    step == RepairStep.Heard
                    && mine is not null
                        ? await store.AnswerAsync(mine, cancellationToken)
                        : null,
                    step == RepairStep.Heard && maySee ? await store.AnswerAsync(theirs!, cancellationToken) : null
                )
            );
        }

        var byMe = incident.OpenedBy == viewer.MemberId;
        return new RepairView(
            incident.Id,
            await store.TitleAsync(incident, cancellationToken),
            byMe,
            incident.OpenedAt,
            RepairRules.Current(state),
            RepairRules.Current(state) == RepairStep.Heard && RepairRules.Answering(state) && incident.SetAsideAt is null,
            incident.Paused,
            byMe ? incident.OpenerCalm : incident.PartnerCalm,
            byMe ? incident.PartnerCalm : incident.OpenerCalm,
            incident.CompletedAt,
            incident.FollowUpDueAt,
            RepairRules.FollowUpDue(incident, clock.GetUtcNow().UtcDateTime),
            incident.SetAsideAt is not null,
            incident.Revision,
            steps
        );
    }
}
