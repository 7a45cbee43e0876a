using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>Queues each member's nudges as their moments arrive (a nudge more than an hour late is not sent).</summary>
public sealed class NudgeNotices(AppDbContext db, NoticeOutbox outbox) : INoticeSource
{
    private static readonly TimeSpan Freshness = TimeSpan.FromHours(1);

    public async Task QueueDueAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        // Members who want nudges and have a partner to be kind to.
        var wanting = await db
            .MemberPreferences.AsNoTracking()
            .Where(p =>
                p.NudgesPerWeek > 0
                && db.CoupleMembers.Any(m =>
                    m.MemberId == p.MemberId && db.CoupleMembers.Any(o => o.CoupleId == m.CoupleId && o.MemberId != m.MemberId)
                )
            )
            .ToListAsync(cancellationToken);
        var due = new List<(Guid Member, string Key, DateTime At)>();
        foreach (var prefs in wanting)
        {
            var week = Talk.WeeklyCheckIns.WeekOf(DateOnly.FromDateTime(prefs.Local(utcNow)));
            foreach (var start in new[] { week.AddDays(-7), week })
            {
                var moments = NudgePlanner.MomentsFor(prefs.MemberId, start, prefs);
                for (var i = 0; i < moments.Count; i++)
                {
                    if (moments[i] <= utcNow && utcNow - moments[i] < Freshness)
                    {
                        due.Add((prefs.MemberId, $"nudge:{prefs.MemberId:N}:{start.DayNumber}:{i}", moments[i]));
                    }
                }
            }
        }

        var queued = await outbox.QueuedAsync(due.Select(d => d.Key).ToList(), cancellationToken);
        foreach (var (member, key, at) in due.Where(d => !queued.Contains(d.Key)))
        {
            await outbox.QueueAsync(member, NoticeKind.Nudge, key, at, cancellationToken);
        }
    }

    public async Task<bool?> NoLongerNeededAsync(Notice notice, DateTime utcNow, CancellationToken cancellationToken)
    {
        if (notice.Kind != NoticeKind.Nudge)
        {
            return null;
        }

        var hasPartner = await db.CoupleMembers.AnyAsync(
            m => m.MemberId == notice.MemberId && db.CoupleMembers.Any(o => o.CoupleId == m.CoupleId && o.MemberId != m.MemberId),
            cancellationToken
        );
        return !hasPartner || utcNow - notice.DueAt >= Freshness;
    }
}

public static class NudgesFeature
{
    public static WebApplicationBuilder AddNudges(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<INoticeSource, NudgeNotices>();
        return builder;
    }
}
