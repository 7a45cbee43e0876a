using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record EveningView(
    Guid Id,
    DayOfWeek Day,
    TimeOnly Time,
    int Minutes,
    string TimeZone,
    bool SetByMe,
    bool Agreed,
    IReadOnlyList<EveningDate> Next
);

/// <summary>One week's evening: its local day in the evening's zone, its start, and whether it is skipped.</summary>
public sealed record EveningDate(DateOnly Day, DateTime StartsAt, bool Skipped);

/// <summary>The couple's recurring "our evening" and its coming weeks, or null when there is none.</summary>
public sealed class GetOurEvening(AppDbContext db, CurrentMember current, EveningStore store)
{
    public async Task<EveningView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var evening = await db
            .OurEvenings.AsNoTracking()
            .Include(e => e.Skips)
            .FirstOrDefaultAsync(e => e.CoupleId == viewer.CoupleId && viewer.CoupleId != null, cancellationToken);
        if (evening is null)
        {
            return null;
        }

        var next = store.Upcoming(evening).Select(o => new EveningDate(o.Day, o.StartsAt, evening.Skips.Any(s => s.Day == o.Day))).ToList();
        return new EveningView(
            evening.Id,
            evening.Day,
            evening.Time,
            evening.Minutes,
            evening.TimeZone,
            evening.SetBy == viewer.MemberId,
            evening.AgreedAt is not null,
            next
        );
    }
}
