using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// Where a member's nudges fall in a week: on different days, at a moment drawn at random inside the
/// member's window, never in quiet hours. Pure and deterministic for a member and week, so every
/// server computes the same moments and the notice key makes each one go out once.
/// </summary>
public static class NudgePlanner
{
    /// <summary>
    /// A moment falls in the first 50 minutes of its hour, so the job (every 30 seconds, or a slow
    /// pass) still sends it before the hour ends: the next hour may be a quiet one, where it is dropped.
    /// </summary>
    public const int MinutesIntoHour = 50;

    public static IReadOnlyList<DateTime> MomentsFor(Guid memberId, DateOnly weekStart, MemberPreferences prefs)
    {
        var count = Math.Clamp(prefs.NudgesPerWeek, 0, MemberPreferences.MaxNudgesPerWeek);
        var hours = WindowHours(prefs).Where(h => !prefs.IsQuiet(h)).ToList();
        if (count == 0 || hours.Count == 0)
        {
            return [];
        }

        var random = new Random(Seed(memberId, weekStart));
        var days = Enumerable.Range(0, 7).OrderBy(_ => random.Next()).Take(count).Order().ToList();
        var zone = prefs.Zone();
        return days
            .Select(d => weekStart.AddDays(d).ToDateTime(new TimeOnly(hours[random.Next(hours.Count)], random.Next(MinutesIntoHour))))
            .Select(local => EveningRules.ToUtc(local, zone))
            .ToList();
    }

    /// <summary>The local hours the window covers; a window that ends after midnight wraps round.</summary>
    public static IEnumerable<int> WindowHours(MemberPreferences prefs)
    {
        var from = Math.Clamp(prefs.NudgeFromHour, 0, 23);
        var to = Math.Clamp(prefs.NudgeToHour, 1, 24);
        var length = to > from ? to - from : to + 24 - from;
        return Enumerable.Range(from, length).Select(h => h % 24);
    }

    private static int Seed(Guid memberId, DateOnly weekStart)
    {
        Span<byte> input = stackalloc byte[20];
        memberId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], weekStart.DayNumber);
        return BitConverter.ToInt32(SHA256.HashData(input));
    }
}

/// <summary>Queues each member's nudges as their moments arrive (a nudge more than an hour late is not sent).</summary>
public sealed class NudgeNotices(AppDbContext db, NoticeOutbox outbox) : INoticeSource
{
    private static readonly TimeSpan Freshness = TimeSpan.FromHours(1);

    public async Task QueueDueAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        // Members who want nudges and have a partner to be kind to.
        var wanting = await db.MemberPreferences.AsNoTracking()
            .Where(p => p.NudgesPerWeek > 0 && db.CoupleMembers.Any(m => m.MemberId == p.MemberId
                && db.CoupleMembers.Any(o => o.CoupleId == m.CoupleId && o.MemberId != m.MemberId)))
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

        var hasPartner = await db.CoupleMembers.AnyAsync(m => m.MemberId == notice.MemberId
            && db.CoupleMembers.Any(o => o.CoupleId == m.CoupleId && o.MemberId != m.MemberId), cancellationToken);
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
