using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>What the self-care use cases share, with no use case of its own: the member's today, and their logged days opened.</summary>
public sealed class SelfCareStore(AppDbContext db, Preferences preferences, Sealer sealer, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How far back a day may be logged or corrected.</summary>
    public const int DaysBack = 7;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) =>
        DateOnly.FromDateTime((await preferences.MineAsync(cancellationToken)).Local(clock.GetUtcNow().UtcDateTime));

    /// <summary>Whether <paramref name="day"/> may be logged: today or one of the last <see cref="DaysBack"/> days.</summary>
    public static bool MayLog(DateOnly day, DateOnly today) => day <= today && day >= today.AddDays(-DaysBack);

    public async Task<Dictionary<DateOnly, DayEntry>> DaysAsync(
        Guid memberId,
        DateOnly since,
        CancellationToken cancellationToken = default
    )
    {
        var days = new Dictionary<DateOnly, DayEntry>();
        foreach (
            var row in await db
                .SelfCareLogs.AsNoTracking()
                .Where(l => l.OwnerId == memberId && l.Day >= since)
                .ToListAsync(cancellationToken)
        )
        {
            if (
                await sealer.OpenAsync(row.Entry, row.PlaceOf(nameof(SelfCareLog.Entry)), cancellationToken) is { } text
                && JsonSerializer.Deserialize<DayEntry>(text, Json) is { } entry
            )
            {
                days[row.Day] = entry;
            }
        }

        return days;
    }
}
