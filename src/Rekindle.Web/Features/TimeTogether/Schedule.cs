using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>One agreed time together: a date, or one week's "our evening".</summary>
public sealed record ScheduledItem(
    Guid CoupleId,
    Guid Id,
    bool IsEvening,
    DateOnly? EveningDay,
    DateTime StartsAt,
    int Minutes,
    string TimeZone,
    DateTime AgreedAt,
    int Revision
)
{
    /// <summary>Stable across servers and changes of time: "{id}" for a date, "{id}-{yyyyMMdd}" for an evening.</summary>
    public string Key => IsEvening ? $"{Id:N}-{EveningDay:yyyyMMdd}" : Id.ToString("N");
}

/// <summary>Reads what a couple agreed to: dates and the evening's weeks, in a window of time.</summary>
public static class Schedule
{
    /// <summary>Agreed items starting in [from, to), for one couple or (null) every couple.</summary>
    public static async Task<List<ScheduledItem>> BetweenAsync(
        AppDbContext db,
        Guid? coupleId,
        DateTime from,
        DateTime to,
        CancellationToken cancellationToken
    )
    {
        var dates = await db
            .DatePlans.AsNoTracking()
            .Where(p =>
                p.Status == DateStatus.Agreed && p.StartsAt >= from && p.StartsAt < to && (coupleId == null || p.CoupleId == coupleId)
            )
            .Select(p => new ScheduledItem(
                p.CoupleId,
                p.Id,
                false,
                null,
                p.StartsAt!.Value,
                p.Minutes,
                p.TimeZone,
                p.AgreedAt ?? p.CreatedAt,
                p.Revision
            ))
            .ToListAsync(cancellationToken);
        var evenings = db
            .OurEvenings.AsNoTracking()
            .Include(e => e.Skips)
            .Where(e => e.AgreedAt != null && (coupleId == null || e.CoupleId == coupleId));
        if (coupleId is null && to - from <= TimeSpan.FromDays(3))
        {
            // Across all couples, only evenings on the weekdays the window can touch (a day either side for zones).
            var days = Enumerable.Range(-1, (int)(to - from).TotalDays + 3).Select(d => from.AddDays(d).DayOfWeek).Distinct().ToList();
            evenings = evenings.Where(e => days.Contains(e.Day));
        }

        foreach (var evening in await evenings.ToListAsync(cancellationToken))
        {
            dates.AddRange(
                EveningRules
                    .Occurrences(evening, from, to)
                    .Select(o => new ScheduledItem(
                        evening.CoupleId,
                        evening.Id,
                        true,
                        o.Day,
                        o.StartsAt,
                        evening.Minutes,
                        evening.TimeZone,
                        evening.AgreedAt!.Value,
                        evening.Revision
                    ))
            );
        }

        return dates.OrderBy(d => d.StartsAt).ToList();
    }

    /// <summary>
    /// Of the last <paramref name="weeks"/> weeks (Monday to Sunday in the member's zone, this one
    /// last), which had time together: an agreed date or an evening that was not skipped, already begun.
    /// </summary>
    public static async Task<IReadOnlyList<(DateOnly Week, bool Together)>> WeeksAsync(
        AppDbContext db,
        Guid coupleId,
        TimeZoneInfo zone,
        DateTime now,
        int weeks,
        CancellationToken cancellationToken
    )
    {
        var thisWeek = Talk.WeeklyCheckIns.WeekOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone)));
        var first = thisWeek.AddDays(-7 * (weeks - 1));
        var from = EveningRules.ToUtc(first.ToDateTime(TimeOnly.MinValue), zone);
        var items = await BetweenAsync(db, coupleId, from, now, cancellationToken);
        var together = items
            .Select(i => Talk.WeeklyCheckIns.WeekOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(i.StartsAt, zone))))
            .ToHashSet();
        return Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w)).Select(w => (w, together.Contains(w))).ToList();
    }
}
