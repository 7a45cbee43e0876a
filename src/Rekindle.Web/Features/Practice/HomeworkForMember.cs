using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

public sealed record MyHomeworkItem(Guid Id, HomeworkKind Kind, string Title, string Link, DateOnly DueOn, string? Note, bool Done);

/// <summary>Something the member shared for the next session: theirs alone (the partner never sees it).</summary>
public sealed record MySessionItem(Guid Id, Guid? HomeworkId, string Text, DateTime SharedAt);

/// <summary>One of the member's counselors: the professional's name, whether the connection is the member's alone, the
/// homework the member sees, and what the member shared for the next session.</summary>
public sealed record MyCounselor(
    Guid ConnectionId,
    string ProfessionalName,
    bool JustMe,
    IReadOnlyList<MyHomeworkItem> Homework,
    IReadOnlyList<MySessionItem> Shared
)
{
    public bool CanShareMore => Shared.Count < HomeworkStore.MaxSessionItems;
}

public sealed record MyHomework(IReadOnlyList<MyCounselor> Counselors, RestState Rest, DateOnly Today);

/// <summary>
/// The member's homework page (/counselor/homework): for each agreed, active connection, the homework not withdrawn with the
/// professional's note and the member's own mark (never the partner's), and the member's own items for the next session.
/// Work for two is left out while either partner rests. 404 unless practice mode is on and the member is a partner.
/// </summary>
public sealed class GetMyHomework(AppDbContext db, HomeworkStore store, HomeworkLibrary library, TimeProvider clock)
{
    public async Task<Outcome<MyHomework>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await store.VisibleAsync(cancellationToken) is not { } visible)
        {
            return Problem.NotFound(Text.Of("That page wasn't found."));
        }

        var me = visible.MemberId;
        var ids = visible.Homework.Select(h => h.Id).ToList();
        var done =
            ids.Count == 0
                ? []
                : await db
                    .HomeworkDone.AsNoTracking()
                    .Where(d => d.MemberId == me && ids.Contains(d.HomeworkId))
                    .Select(d => d.HomeworkId)
                    .ToListAsync(cancellationToken);
        var connectionIds = visible.Connections.Select(c => c.Id).ToList();
        var items =
            connectionIds.Count == 0
                ? []
                : await db
                    .SessionItems.AsNoTracking()
                    .Where(i => i.MemberId == me && connectionIds.Contains(i.ConnectionId))
                    .OrderBy(i => i.SharedAt)
                    .ToListAsync(cancellationToken);
        var names = await store.NamesAsync([.. visible.Connections.Select(c => c.ProfessionalId).Distinct()], cancellationToken);

        var counselors = new List<MyCounselor>();
        foreach (var connection in visible.Connections)
        {
            var homework = new List<MyHomeworkItem>();
            foreach (var h in visible.Homework.Where(h => h.ConnectionId == connection.Id))
            {
                homework.Add(
                    new MyHomeworkItem(
                        h.Id,
                        h.Kind,
                        library.Title(h.Kind, h.ItemKey),
                        HomeworkLibrary.Link(h.Kind, h.ItemKey),
                        h.DueOn,
                        await store.NoteAsync(h, cancellationToken),
                        done.Contains(h.Id)
                    )
                );
            }

            var shared = new List<MySessionItem>();
            foreach (var item in items.Where(i => i.ConnectionId == connection.Id))
            {
                shared.Add(new MySessionItem(item.Id, item.HomeworkId, await store.TextAsync(item, cancellationToken), item.SharedAt));
            }

            counselors.Add(
                new MyCounselor(
                    connection.Id,
                    names.GetValueOrDefault(connection.ProfessionalId, ""),
                    connection.Kind == ConnectionKind.Individual,
                    homework,
                    shared
                )
            );
        }

        return Outcome<MyHomework>.Ok(new MyHomework(counselors, visible.Rest, Formats.DayOf(clock.GetUtcNow().UtcDateTime)));
    }
}
