using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// What the check-in's use cases (<see cref="GetThisWeeksCheckIn"/>, <see cref="SaveCheckIn"/>) and other
/// areas share: the week a day falls in, reading sealed check-ins, and a member's history of them.
/// </summary>
public sealed class WeeklyCheckIns(AppDbContext db, CurrentMember current, Sealer sealer)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Every check-in of the member, with the partner's where both were done (for the export and Progress).</summary>
    public async Task<List<(DateOnly Week, CheckInAnswers Mine, CheckInAnswers? Partners)>> HistoryAsync(
        Guid memberId,
        CancellationToken cancellationToken = default
    )
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var rows = await db.CheckIns.AsNoTracking().VisibleTo(viewer).OrderBy(c => c.WeekStart).ToListAsync(cancellationToken);
        var result = new List<(DateOnly, CheckInAnswers, CheckInAnswers?)>();
        foreach (var mine in rows.Where(r => r.OwnerId == memberId))
        {
            var theirs = rows.FirstOrDefault(r => r.OwnerId != memberId && r.PromptKey == mine.PromptKey);
            result.Add(
                (
                    mine.WeekStart,
                    await OpenAsync(mine, cancellationToken),
                    theirs is null ? null : await OpenAsync(theirs, cancellationToken)
                )
            );
        }

        return result;
    }

    internal async Task<CheckInAnswers> OpenAsync(CheckIn row, CancellationToken cancellationToken)
    {
        var json = await sealer.OpenAsync(row.Answers, row.PlaceOf(nameof(CheckIn.Answers)), cancellationToken);
        return (json is null ? null : JsonSerializer.Deserialize<CheckInAnswers>(json, Json)) ?? new CheckInAnswers([], "", "", "", 0);
    }
}
