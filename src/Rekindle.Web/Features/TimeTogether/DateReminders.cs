using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// Reminders before dates and evenings: about a day before and two hours before, each as the member
/// chose. Queued by the notice job when they fall due, keyed by member, item and start, so each goes
/// out once however many servers run the job and however often it restarts. A reminder whose date
/// was moved, skipped or cancelled, or has begun, is dropped instead of sent.
/// </summary>
public sealed class DateReminders(AppDbContext db, NoticeOutbox outbox) : INoticeSource
{
    public static readonly TimeSpan DayBefore = TimeSpan.FromHours(24);

    public static readonly TimeSpan Soon = TimeSpan.FromHours(2);

    /// <summary>When a reminder for an item is due, or null when it should not be sent (agreed after that moment).</summary>
    public static DateTime? DueAt(ScheduledItem item, NoticeKind kind)
    {
        var due = item.StartsAt - (kind == NoticeKind.DateTomorrow ? DayBefore : Soon);
        return item.AgreedAt <= due ? due : null;
    }

    public static string KeyFor(NoticeKind kind, Guid memberId, ScheduledItem item) =>
        $"r{(int)kind}:{memberId:N}:{item.Key}:{new DateTimeOffset(DateTime.SpecifyKind(item.StartsAt, DateTimeKind.Utc)).ToUnixTimeSeconds() / 60}";

    public async Task QueueDueAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        var items = await Schedule.BetweenAsync(db, null, utcNow, utcNow + DayBefore + TimeSpan.FromMinutes(1), cancellationToken);
        if (items.Count == 0)
        {
            return;
        }

        var couples = items.Select(i => i.CoupleId).Distinct().ToList();
        var members = await db
            .CoupleMembers.AsNoTracking()
            .Where(m => couples.Contains(m.CoupleId))
            .Select(m => new { m.CoupleId, m.MemberId })
            .ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.MemberId).ToList();
        var prefs = await db
            .MemberPreferences.AsNoTracking()
            .Where(p => memberIds.Contains(p.MemberId))
            .ToDictionaryAsync(p => p.MemberId, cancellationToken);
        var due = new List<(Guid Member, NoticeKind Kind, string Key, DateTime At)>();
        foreach (var item in items)
        {
            foreach (var member in members.Where(m => m.CoupleId == item.CoupleId))
            {
                var mine = prefs.GetValueOrDefault(member.MemberId) ?? new Account.MemberPreferences { MemberId = member.MemberId };
                foreach (
                    var (kind, wanted) in new[]
                    {
                        (NoticeKind.DateTomorrow, mine.NoticeDateDayBefore),
                        (NoticeKind.DateSoon, mine.NoticeDateTwoHours),
                    }
                )
                {
                    if (wanted && DueAt(item, kind) is { } at && at <= utcNow)
                    {
                        due.Add((member.MemberId, kind, KeyFor(kind, member.MemberId, item), at));
                    }
                }
            }
        }

        var queued = await outbox.QueuedAsync(due.Select(d => d.Key).ToList(), cancellationToken);
        foreach (var (member, kind, key, at) in due.Where(d => !queued.Contains(d.Key)))
        {
            await outbox.QueueAsync(member, kind, key, at, cancellationToken);
        }
    }

    public async Task<bool?> NoLongerNeededAsync(Notice notice, DateTime utcNow, CancellationToken cancellationToken)
    {
        switch (notice.Kind)
        {
            case NoticeKind.DateTomorrow or NoticeKind.DateSoon:
                var parts = notice.Key.Split(':');
                if (parts.Length != 4 || !long.TryParse(parts[3], out var minutes))
                {
                    return true;
                }

                var start = DateTimeOffset.FromUnixTimeSeconds(minutes * 60).UtcDateTime;
                var coupleId = await CoupleOfAsync(notice.MemberId, cancellationToken);
                if (start <= utcNow || coupleId is null)
                {
                    return true;
                }

                var still = await Schedule.BetweenAsync(db, coupleId, start, start.AddMinutes(1), cancellationToken);
                return !still.Any(i => i.Key == parts[2]);
            case NoticeKind.DateNews:
                // News about plans is dropped once the member has no partner any more (either left).
                return !await db.CoupleMembers.AnyAsync(
                    m => m.MemberId == notice.MemberId && db.CoupleMembers.Any(o => o.CoupleId == m.CoupleId && o.MemberId != m.MemberId),
                    cancellationToken
                );
            default:
                return null;
        }
    }

    private Task<Guid?> CoupleOfAsync(Guid memberId, CancellationToken cancellationToken) =>
        db
            .CoupleMembers.AsNoTracking()
            .Where(m => m.MemberId == memberId)
            .Select(m => (Guid?)m.CoupleId)
            .FirstOrDefaultAsync(cancellationToken);
}
