using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>What the calendar files share: a couple's agreed dates and evening as calendar entries.</summary>
public sealed class CalendarStore(AppDbContext db, Sealer sealer, TimeProvider clock)
{
    /// <summary>Dates this far back stay in the feed, so a calendar keeps recent history.</summary>
    private static readonly TimeSpan Past = TimeSpan.FromDays(60);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The entries as a file, or null when there are none.</summary>
    public async Task<string?> FileAsync(Guid coupleId, bool showNames, Guid? onlyPlan, CancellationToken cancellationToken)
    {
        var entries = await EntriesAsync(coupleId, showNames, onlyPlan, cancellationToken);
        return entries.Count == 0 ? null : CalendarFile.Write(entries, Now, "Rekindle");
    }

    /// <summary>The couple's entries. <paramref name="onlyPlan"/>: null for everything, Guid.Empty for the evening alone, an id for that
    /// one date.</summary>
    public async Task<List<CalendarEntry>> EntriesAsync(Guid coupleId, bool showNames, Guid? onlyPlan, CancellationToken cancellationToken)
    {
        var entries = new List<CalendarEntry>();
        if (onlyPlan != Guid.Empty)
        {
            var since = Now - Past;
            var plans = await db
                .DatePlans.AsNoTracking()
                .Where(p =>
                    p.CoupleId == coupleId && p.Status == DateStatus.Agreed && (onlyPlan == null ? p.StartsAt >= since : p.Id == onlyPlan)
                )
                .OrderBy(p => p.StartsAt)
                .ToListAsync(cancellationToken);
            foreach (var plan in plans)
            {
                var title = showNames
                    ? await sealer.OpenAsync(plan.Title, plan.PlaceOf(nameof(DatePlan.Title)), cancellationToken) ?? "Time together"
                    : "Time together";
                entries.Add(
                    new CalendarEntry($"date-{plan.Id:N}@rekindle", title, plan.StartsAt!.Value, plan.Minutes, plan.TimeZone, plan.Revision)
                );
            }
        }

        if (onlyPlan is null || onlyPlan == Guid.Empty)
        {
            var evening = await db
                .OurEvenings.AsNoTracking()
                .Include(e => e.Skips)
                .FirstOrDefaultAsync(e => e.CoupleId == coupleId && e.AgreedAt != null, cancellationToken);
            var from = evening?.StartsOn.AddDays(-1).ToDateTime(TimeOnly.MinValue) ?? default;
            if (
                evening is not null
                && EveningRules.Occurrences(evening, from, from.AddDays(9), includeSkipped: true).Select(o => o.StartsAt).FirstOrDefault()
                    is var first
                && first != default
            )
            {
                var skipped = EveningRules
                    .Occurrences(evening, first, Now.AddYears(1), includeSkipped: true)
                    .Where(o => evening.Skips.Any(s => s.Day == o.Day))
                    .Select(o => o.StartsAt)
                    .ToList();
                entries.Add(
                    new CalendarEntry(
                        $"evening-{evening.Id:N}-{evening.Revision}@rekindle",
                        showNames ? "Our evening" : "Time together",
                        first,
                        evening.Minutes,
                        evening.TimeZone,
                        evening.Revision,
                        Weekly: true,
                        skipped
                    )
                );
            }
        }

        return entries;
    }
}
