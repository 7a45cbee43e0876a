using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.Guided;

/// <summary>
/// The one gentle reminder (decisions/0040): for a member who turned it on, when this week's session has been open for their
/// chosen number of days and they have not opened it, one content-free notice ("This week's session is waiting"), keyed by
/// run, session and member, so never twice for a session (sessions are at least a week apart). Dropped once the session is
/// opened, the switch is off, or the program ended.
/// </summary>
public sealed class ProgramReminders(AppDbContext db, NoticeOutbox outbox) : INoticeSource
{
    public static string KeyFor(Guid runId, int week, Guid memberId) => $"program:{runId:N}:{week}:{memberId:N}";

    public async Task QueueDueAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        var wanting = await db.ProgramNudgeSettings.AsNoTracking().Where(s => s.On).ToListAsync(cancellationToken);
        foreach (var setting in wanting)
        {
            var member = setting.MemberId;
            var coupleId = await db
                .CoupleMembers.AsNoTracking()
                .Where(m => m.MemberId == member)
                .Select(m => (Guid?)m.CoupleId)
                .FirstOrDefaultAsync(cancellationToken);
            var run = await db
                .ProgramRuns.AsNoTracking()
                .Where(r =>
                    r.EndedAt == null && ((coupleId != null && r.CoupleId == coupleId) || (r.CoupleId == null && r.StartedBy == member))
                )
                .FirstOrDefaultAsync(cancellationToken);
            if (run is null)
            {
                continue;
            }

            var prefs = await db.MemberPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == member, cancellationToken)
                ?? new MemberPreferences { MemberId = member };
            var today = DateOnly.FromDateTime(prefs.Local(utcNow));
            var sessions = run.Sessions.Count;
            if (ProgramRules.Finished(run.FirstDay, run.EveryDays, sessions, today))
            {
                continue;
            }

            var week = ProgramRules.CurrentWeek(run.FirstDay, run.EveryDays, sessions, today);
            var opensOn = ProgramRules.OpensOn(run.FirstDay, run.EveryDays, week);
            if (opensOn > today || today.DayNumber - opensOn.DayNumber < setting.AfterDays)
            {
                continue;
            }

            if (await OpenedAsync(run.Id, week, member, cancellationToken))
            {
                continue;
            }

            await outbox.QueueAsync(member, NoticeKind.ProgramSession, KeyFor(run.Id, week, member), cancellationToken);
        }
    }

    public async Task<bool?> NoLongerNeededAsync(Notice notice, DateTime utcNow, CancellationToken cancellationToken)
    {
        if (notice.Kind != NoticeKind.ProgramSession)
        {
            return null;
        }

        var parts = notice.Key.Split(':');
        if (parts.Length != 4 || !Guid.TryParseExact(parts[1], "N", out var runId) || !int.TryParse(parts[2], out var week))
        {
            return true;
        }

        var member = notice.MemberId;
        var on = await db.ProgramNudgeSettings.AnyAsync(s => s.MemberId == member && s.On, cancellationToken);
        var active = await db.ProgramRuns.AnyAsync(r => r.Id == runId && r.EndedAt == null, cancellationToken);
        return !on || !active || await OpenedAsync(runId, week, member, cancellationToken);
    }

    private Task<bool> OpenedAsync(Guid runId, int week, Guid member, CancellationToken cancellationToken) =>
        db.ProgramWeeks.AnyAsync(w => w.RunId == runId && w.Week == week && w.MemberId == member && w.OpenedAt != null, cancellationToken);
}
