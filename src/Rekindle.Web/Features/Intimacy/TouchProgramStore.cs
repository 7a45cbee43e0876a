using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>
/// What the touch program's use cases share, with no use case of its own (decisions/0032). The couple's
/// stage is how many stages, from the first, both partners have privately marked themselves ready to
/// leave (<see cref="StageOf"/>): a member's readiness is never shown to the partner, only its effect
/// once both are ready.
/// </summary>
public sealed class TouchProgramStore(AppDbContext db, CurrentMember current, IntimacyContent content, DesireStore desires)
{
    public const int LogsShown = 20;

    /// <summary>The stage (0-based) a couple is on: the first stage not both ready for. Equal to the number of stages when done.</summary>
    public static int StageOf(IEnumerable<(Guid Owner, int Stage)> ready, Guid me, Guid partner, int stages)
    {
        var marks = ready.ToHashSet();
        var stage = 0;
        while (stage < stages && marks.Contains((me, stage)) && marks.Contains((partner, stage)))
        {
            stage++;
        }

        return stage;
    }

    /// <summary>The member, the partner and their couple, only when both are in and the shared parts are open; else null.</summary>
    public async Task<(Guid Me, Guid Partner, Guid CoupleId)?> PartiesAsync(CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (
            !(await desires.AccessAsync(cancellationToken)).BothIn
            || viewer.CoupleId is not { } coupleId
            || await current.PartnerIdAsync(cancellationToken) is not { } partner
        )
        {
            return null;
        }

        return (viewer.MemberId, partner, coupleId);
    }

    public async Task<int> StageAsync(Guid me, Guid partner, Guid coupleId, CancellationToken cancellationToken)
    {
        var ready = await db
            .StageReadies.AsNoTracking()
            .Where(r => r.CoupleId == coupleId)
            .Select(r => new { r.OwnerId, r.Stage })
            .ToListAsync(cancellationToken);
        return StageOf(ready.Select(r => (r.OwnerId, r.Stage)), me, partner, content.Stages.Count);
    }
}
