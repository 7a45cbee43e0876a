using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>One step as the member sees it: their own entry, and their partner's only once both have written.</summary>
public sealed record StepView(RepairStep Step, EntryPayload? Mine, EntryPayload? Theirs, bool PartnerDone)
{
    public bool Revealed => Mine is not null && Theirs is not null;
}

public sealed record RepairView(
    Guid Id,
    string Title,
    bool OpenedByMe,
    DateTime OpenedAt,
    RepairStep Current,
    bool Paused,
    bool MeCalm,
    bool PartnerCalm,
    DateTime? CompletedAt,
    DateTime? FollowUpDueAt,
    bool FollowUpDue,
    bool SetAside,
    int Revision,
    IReadOnlyList<StepView> Steps)
{
    public StepView Of(RepairStep step) => Steps.First(s => s.Step == step);

    public bool Closed => SetAside || CompletedAt is not null;
}

/// <summary>A repair in the hub's list: whether the member has something to do in it.</summary>
public sealed record RepairSummary(Guid Id, string Title, DateTime OpenedAt, RepairStep Current, bool MyTurn, bool FollowUpWaiting, bool SetAside);

/// <summary>
/// Reading the couple's repairs. Everything starts from <see cref="CurrentMember"/>: another couple's
/// repair is simply not found. The partner's entries are read only through <see cref="Disclosure"/>.
/// </summary>
public sealed class Repairs(AppDbContext db, CurrentMember current, Sealer sealer, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<RepairSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var incidents = await db.Incidents.AsNoTracking().Where(i => i.CoupleId == coupleId).OrderByDescending(i => i.OpenedAt).ToListAsync(cancellationToken);
        var ids = incidents.Select(i => i.Id).ToList();
        var written = await db.IncidentEntries.AsNoTracking().Where(e => ids.Contains(e.IncidentId))
            .Select(e => new { e.IncidentId, e.OwnerId, e.Step }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var list = new List<RepairSummary>();
        foreach (var incident in incidents)
        {
            var state = RepairState.Of(incident, written.Where(w => w.IncidentId == incident.Id).Select(w => (w.OwnerId, w.Step)));
            var step = RepairRules.Current(state);
            var myTurn = incident.SetAsideAt is null && step != RepairStep.Done
                && (step == RepairStep.Calm ? !(incident.OpenedBy == viewer.MemberId ? incident.OpenerCalm : incident.PartnerCalm) : !RepairRules.Wrote(state, viewer.MemberId, step));
            var followUp = RepairRules.FollowUpDue(incident, now) && !RepairRules.Wrote(state, viewer.MemberId, RepairStep.FollowUp);
            list.Add(new RepairSummary(incident.Id, await TitleAsync(incident, cancellationToken), incident.OpenedAt, step, myTurn, followUp, incident.SetAsideAt is not null));
        }

        return list;
    }

    public async Task<RepairView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.CoupleId == viewer.CoupleId && viewer.CoupleId != null, cancellationToken);
        if (incident is null)
        {
            return null;
        }

        var entries = await db.IncidentEntries.AsNoTracking().Where(e => e.IncidentId == id && e.CoupleId == viewer.CoupleId).ToListAsync(cancellationToken);
        var state = RepairState.Of(incident, entries.Select(e => (e.OwnerId, e.Step)));
        var steps = new List<StepView>();
        foreach (var step in RepairRules.Steps.Append(RepairStep.FollowUp))
        {
            var mine = entries.FirstOrDefault(e => e.Step == step && e.OwnerId == viewer.MemberId);
            var theirs = entries.FirstOrDefault(e => e.Step == step && e.OwnerId != viewer.MemberId);
            var maySee = theirs is not null && Disclosure.MaySee(viewer, theirs.OwnerId, theirs.CoupleId, theirs.Visibility, mine is not null)
                && RepairRules.MaySeePartners(state, viewer.MemberId, step);
            steps.Add(new StepView(step, mine is null ? null : await OpenAsync(mine, cancellationToken), maySee ? await OpenAsync(theirs!, cancellationToken) : null, theirs is not null));
        }

        var byMe = incident.OpenedBy == viewer.MemberId;
        return new RepairView(incident.Id, await TitleAsync(incident, cancellationToken), byMe, incident.OpenedAt, RepairRules.Current(state), incident.Paused,
            byMe ? incident.OpenerCalm : incident.PartnerCalm, byMe ? incident.PartnerCalm : incident.OpenerCalm,
            incident.CompletedAt, incident.FollowUpDueAt, RepairRules.FollowUpDue(incident, clock.GetUtcNow().UtcDateTime), incident.SetAsideAt is not null,
            incident.Revision, steps);
    }

    /// <summary>For Support: how many of the couple's repairs are unresolved for this member (<see cref="RepairRules.Unresolved"/>).</summary>
    public async Task<int> UnresolvedCountAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return 0;
        }

        var incidents = await db.Incidents.AsNoTracking().Where(i => i.CoupleId == coupleId && i.SetAsideAt == null).ToListAsync(cancellationToken);
        var followUps = await db.IncidentEntries.AsNoTracking()
            .Where(e => e.CoupleId == coupleId && e.OwnerId == viewer.MemberId && e.Step == RepairStep.FollowUp).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var count = 0;
        foreach (var incident in incidents)
        {
            var mine = followUps.FirstOrDefault(e => e.IncidentId == incident.Id);
            if (RepairRules.Unresolved(incident, now, mine is null ? null : (await OpenAsync(mine, cancellationToken))?.Choice))
            {
                count++;
            }
        }

        return count;
    }

    internal async Task<EntryPayload?> OpenAsync(IncidentEntry entry, CancellationToken cancellationToken) =>
        await sealer.OpenAsync(entry.Entry, entry.PlaceOf(nameof(IncidentEntry.Entry)), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<EntryPayload>(json, Json)
            : null;

    internal async Task<string> TitleAsync(Incident incident, CancellationToken cancellationToken) =>
        await sealer.OpenAsync(incident.Title, incident.PlaceOf(nameof(Incident.Title)), cancellationToken) ?? "";
}
