using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// A week after a couple shared their plan, each partner gets one email saying a follow-up is waiting
/// (fixed words, nothing of the repair in it), keyed by repair and member so it goes out once. It is
/// dropped if the member has answered by then, or the repair is gone (the couple ended).
/// </summary>
public sealed class RepairFollowUps(AppDbContext db, NoticeOutbox outbox) : INoticeSource
{
    /// <summary>Follow-ups older than this are not emailed any more (a server that was off for a long time).</summary>
    public static readonly TimeSpan TooLate = TimeSpan.FromDays(30);

    public static string KeyFor(Guid incidentId, Guid memberId) => $"repair-followup:{incidentId:N}:{memberId:N}";

    public async Task QueueDueAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        var completedBy = utcNow - RepairRules.FollowUpAfter;
        var notBefore = completedBy - TooLate;
        var due = await db
            .Incidents.AsNoTracking()
            .Where(i => i.CompletedAt != null && i.CompletedAt <= completedBy && i.CompletedAt > notBefore && i.SetAsideAt == null)
            .Select(i => new
            {
                i.Id,
                i.OpenedBy,
                i.PartnerId,
                i.CompletedAt,
            })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return;
        }

        var ids = due.Select(d => d.Id).ToList();
        var answered = (
            await db
                .IncidentEntries.AsNoTracking()
                .Where(e => ids.Contains(e.IncidentId) && e.Step == RepairStep.FollowUp)
                .Select(e => new { e.IncidentId, e.OwnerId })
                .ToListAsync(cancellationToken)
        )
            .Select(e => (e.IncidentId, e.OwnerId))
            .ToHashSet();
        var wanted = due.SelectMany(d => new[] { (d.Id, Member: d.OpenedBy, d.CompletedAt), (d.Id, Member: d.PartnerId, d.CompletedAt) })
            .Where(d => !answered.Contains((d.Id, d.Member)))
            .ToList();
        var queued = await outbox.QueuedAsync(wanted.Select(w => KeyFor(w.Id, w.Member)).ToList(), cancellationToken);
        foreach (var (id, member, completedAt) in wanted.Where(w => !queued.Contains(KeyFor(w.Id, w.Member))))
        {
            await outbox.QueueAsync(
                member,
                NoticeKind.RepairFollowUp,
                KeyFor(id, member),
                completedAt!.Value + RepairRules.FollowUpAfter,
                cancellationToken
            );
        }
    }

    public async Task<bool?> NoLongerNeededAsync(Notice notice, DateTime utcNow, CancellationToken cancellationToken)
    {
        if (notice.Kind != NoticeKind.RepairFollowUp)
        {
            return null;
        }

        var parts = notice.Key.Split(':');
        if (parts.Length != 3 || !Guid.TryParseExact(parts[1], "N", out var incidentId))
        {
            return true;
        }

        var member = notice.MemberId;
        var stillThere = await db.Incidents.AnyAsync(
            i =>
                i.Id == incidentId
                && i.SetAsideAt == null
                && (i.OpenedBy == member || i.PartnerId == member)
                && db.CoupleMembers.Any(m => m.MemberId == member && m.CoupleId == i.CoupleId),
            cancellationToken
        );
        return !stillThere
            || await db.IncidentEntries.AnyAsync(
                e => e.IncidentId == incidentId && e.OwnerId == member && e.Step == RepairStep.FollowUp,
                cancellationToken
            );
    }
}
