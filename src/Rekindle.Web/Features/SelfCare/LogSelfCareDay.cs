using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>A day's log: every value may be left out; an empty entry removes the day.</summary>
public sealed record DayLogRequest(
    DateOnly Day,
    decimal? SleepHours,
    int? MovementMinutes,
    int? Eating,
    int? Stress,
    int? Mood,
    string? Note
);

/// <summary>Logs or corrects one of the member's days (today or the last <see cref="SelfCareStore.DaysBack"/>), sealed for them
/// alone.</summary>
public sealed class LogSelfCareDay(AppDbContext db, CurrentMember current, SelfCareStore store, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(DayLogRequest request, CancellationToken cancellationToken = default)
    {
        var read = SelfCareRules.Read(request);
        if (!read.Succeeded)
        {
            return read.As<bool>();
        }

        var memberId = current.RequiredMemberId;
        var day = request.Day;
        if (!SelfCareStore.MayLog(day, await store.TodayAsync(cancellationToken)))
        {
            return Problem.Invalid("day", Text.Of("You can log today or any of the last {0} days.", SelfCareStore.DaysBack));
        }

        var entry = read.Value!;
        var row = await db.SelfCareLogs.FirstOrDefaultAsync(l => l.OwnerId == memberId && l.Day == day, cancellationToken);
        if (entry.IsEmpty)
        {
            if (row is not null)
            {
                db.SelfCareLogs.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Outcome<bool>.Ok(true);
        }

        if (row is null)
        {
            row = new SelfCareLog
            {
                Id = Guid.NewGuid(),
                OwnerId = memberId,
                Day = day,
            };
            db.SelfCareLogs.Add(row);
        }

        row.Entry = await sealer.SealAsync(
            JsonSerializer.Serialize(entry, SelfCareStore.Json),
            row.PlaceOf(nameof(SelfCareLog.Entry)),
            cancellationToken
        );
        row.SavedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(Text.Of("That day was saved from another window at the same moment. Please look again."));
        }

        return Outcome<bool>.Ok(true);
    }
}
