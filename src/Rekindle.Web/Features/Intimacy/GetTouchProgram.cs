using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Intimacy;

public sealed record TouchLogView(DateOnly Day, int Stage, string Feeling, string? Note);

/// <summary>Where the couple is in the program (the same for both), and the member's own part: their readiness and their log.</summary>
public sealed record ProgramView(int Stage, bool Finished, bool IAmReady, IReadOnlyList<TouchLogView> MyLogs);

/// <summary>The touch program as the member sees it; null until both are in and the shared parts are open.</summary>
public sealed class GetTouchProgram(AppDbContext db, TouchProgramStore store, IntimacyContent content, Sealer sealer)
{
    public async Task<ProgramView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await store.PartiesAsync(cancellationToken) is not var (me, partner, coupleId))
        {
            return null;
        }

        var stage = await store.StageAsync(me, partner, coupleId, cancellationToken);
        var iAmReady = await db.StageReadies.AnyAsync(
            r => r.CoupleId == coupleId && r.OwnerId == me && r.Stage == stage,
            cancellationToken
        );
        var logs = new List<TouchLogView>();
        foreach (
            var row in await db
                .TouchLogs.AsNoTracking()
                .Where(l => l.OwnerId == me && l.CoupleId == coupleId)
                .OrderByDescending(l => l.Day)
                .ThenByDescending(l => l.LoggedAt)
                .Take(TouchProgramStore.LogsShown)
                .ToListAsync(cancellationToken)
        )
        {
            var entry = (await sealer.OpenAsync(row.Entry, row.PlaceOf(nameof(TouchLog.Entry)), cancellationToken) ?? "").Split('\n', 2);
            logs.Add(new TouchLogView(row.Day, row.Stage, entry[0], entry.Length > 1 && entry[1].Length > 0 ? entry[1] : null));
        }

        return new ProgramView(stage, stage >= content.Stages.Count, iAmReady, logs);
    }
}
