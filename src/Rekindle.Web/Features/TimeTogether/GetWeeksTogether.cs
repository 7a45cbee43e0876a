using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Which of the last weeks (in the member's zone) had time together: a date, or the evening.</summary>
public sealed class GetWeeksTogether(AppDbContext db, CurrentMember current, Preferences preferences, TimeProvider clock)
{
    public async Task<IReadOnlyList<(DateOnly Week, bool Together)>> HandleAsync(int weeks, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var prefs = await preferences.ForAsync(viewer.MemberId, cancellationToken);
        return viewer.CoupleId is { } coupleId
            ? await Schedule.WeeksAsync(db, coupleId, prefs.Zone(), clock.GetUtcNow().UtcDateTime, weeks, cancellationToken)
            : [];
    }
}
