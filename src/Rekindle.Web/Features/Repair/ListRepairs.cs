using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Repair;

/// <summary>The couple's repairs for the hub's list, newest first: whether the member has something to do in each.</summary>
public sealed class ListRepairs(AppDbContext db, CurrentMember current, RepairStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<RepairSummary>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var turns = await TurnsAsync(db, coupleId, openOnly: false, viewer.MemberId, now, cancellationToken);
        var list = new List<RepairSummary>();
        foreach (var (incident, step, myTurn, followUp) in turns)
        {
            list.Add(
                new RepairSummary(
                    incident.Id,
                    await store.TitleAsync(incident, cancellationToken),
                    incident.OpenedAt,
                    step,
                    myTurn,
                    followUp,
                    incident.SetAsideAt is not null
                )
            );
        }

        return list;
    }

    /// <summary>
    /// The couple's repairs, newest first (only those not set aside when <paramref name="openOnly"/>), each with its
    /// current step and whether it waits on the member: two queries whatever the number of repairs.
    /// </summary>
    internal static async Task<List<(Incident Incident, RepairStep Step, bool MyTurn, bool FollowUp)>> TurnsAsync(
        AppDbContext db,
        Guid coupleId,
        bool openOnly,
        Guid memberId,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        var incidents = await db
            .Incidents.AsNoTracking()
            .Where(i => i.CoupleId == coupleId && (!openOnly || i.SetAsideAt == null))
            .OrderByDescending(i => i.OpenedAt)
            .ToListAsync(cancellationToken);
        var ids = incidents.Select(i => i.Id).ToList();
        var written = await db
            .IncidentEntries.AsNoTracking()
            .Where(e => ids.Contains(e.IncidentId))
            .Select(e => new
            {
                e.IncidentId,
                e.OwnerId,
                e.Step,
                e.Reply,
            })
            .ToListAsync(cancellationToken);
        var byIncident = written.ToLookup(w => w.IncidentId, w => (w.OwnerId, w.Step, w.Reply));
        return incidents
            .Select(incident =>
            {
                var (myTurn, followUp) = TurnOf(incident, byIncident[incident.Id], memberId, now, out var step);
                return (incident, step, myTurn, followUp);
            })
            .ToList();
    }

    /// <summary>Whether the member has a step to take in a repair, and whether its follow-up waits for them.</summary>
    private static (bool MyTurn, bool FollowUp) TurnOf(
        Incident incident,
        IEnumerable<(Guid Member, RepairStep Step, HeardReply? Reply)> written,
        Guid memberId,
        DateTime now,
        out RepairStep step
    )
    {
        var state = RepairState.Of(incident, written);
        step = RepairRules.Current(state);
        var myTurn =
            incident.SetAsideAt is null
            && step != RepairStep.Done
            && (
                step == RepairStep.Calm ? !(incident.OpenedBy == memberId ? incident.OpenerCalm : incident.PartnerCalm)
                : RepairRules.Answering(state) ? RepairRules.HeardWaitsOn(state, memberId)
                : !RepairRules.Wrote(state, memberId, step)
            );
        var followUp = RepairRules.FollowUpDue(incident, now) && !RepairRules.Wrote(state, memberId, RepairStep.FollowUp);
        return (myTurn, followUp);
    }
}
