using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// Home's lines for homework from a counselor: each piece the member sees and has not marked done, soonest due first, at most
/// <see cref="MaxLines"/>. The same rules as /counselor/homework (work for two rests while either partner rests); an
/// individual connection's homework reaches only its member. A fixed, small number of queries.
/// </summary>
public sealed class HomeworkWaiting(AppDbContext db, HomeworkStore store, HomeworkLibrary library) : IWaitingSource
{
    public const int MaxLines = 3;

    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        if (await store.VisibleAsync(cancellationToken) is not { Homework.Count: > 0 } visible)
        {
            return [];
        }

        var ids = visible.Homework.Select(h => h.Id).ToList();
        var done = await db
            .HomeworkDone.AsNoTracking()
            .Where(d => d.MemberId == visible.MemberId && ids.Contains(d.HomeworkId))
            .Select(d => d.HomeworkId)
            .ToListAsync(cancellationToken);
        var open = visible.Homework.Where(h => !done.Contains(h.Id)).Take(MaxLines).ToList();
        if (open.Count == 0)
        {
            return [];
        }

        var professionals = visible.Connections.ToDictionary(c => c.Id, c => c.ProfessionalId);
        var names = await store.NamesAsync([.. professionals.Values.Distinct()], cancellationToken);
        return
        [
            .. open.Select(h => new WaitingItem(
                WaitingKind.Homework,
                Text.Of(
                    "From {0}: {1}, by {2}",
                    names.GetValueOrDefault(professionals[h.ConnectionId], ""),
                    library.Title(h.Kind, h.ItemKey),
                    Formats.DayMonth(h.DueOn)
                ),
                Text.Of("See homework"),
                "/counselor/homework"
            )),
        ];
    }
}
