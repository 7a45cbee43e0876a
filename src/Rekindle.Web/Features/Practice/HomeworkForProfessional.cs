using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>A partner's mark on one piece of homework, as the professional sees it.</summary>
public enum HomeworkMarkState
{
    NotYet,
    Done,

    /// <summary>The partner does not share homework with the professional: done or not is not shown.</summary>
    NotShared,
}

public sealed record HomeworkPartnerMark(Guid MemberId, string Name, HomeworkMarkState State);

public sealed record AssignedHomework(
    Guid Id,
    HomeworkKind Kind,
    string ItemKey,
    string Title,
    DateOnly DueOn,
    string? Note,
    DateTime AssignedAt,
    IReadOnlyList<HomeworkPartnerMark> Marks
);

/// <summary>Something a partner chose to share for the next session, as the professional reads it.</summary>
public sealed record SharedForSession(Guid Id, string From, Guid? HomeworkId, string Text, DateTime SharedAt);

/// <summary>A connection's homework for its professional: who is in it, whether exercises for two rest (one fact for the
/// couple), what may be assigned now, the homework with each sharing partner's mark, and what was shared for the next
/// session.</summary>
public sealed record ConnectionHomework(
    Guid ConnectionId,
    ConnectionKind Kind,
    IReadOnlyList<string> Names,
    bool Resting,
    IReadOnlyList<HomeworkKind> Kinds,
    DateOnly Today,
    IReadOnlyList<AssignedHomework> Homework,
    IReadOnlyList<SharedForSession> Shared
)
{
    /// <summary>Only lessons for one may be assigned now.</summary>
    public bool OnlyForOne => Kind == ConnectionKind.Individual || Resting;
}

/// <summary>
/// The professional's homework page (decisions/0044): 404 for a connection that is not theirs, not active or ended. Done or
/// not yet is shown only for a partner who shares homework. Each look is written to the professional's log and, for each
/// partner whose homework marks it showed, to theirs.
/// </summary>
public sealed class GetConnectionHomework(
    AppDbContext db,
    ProfessionalAccess access,
    HomeworkStore store,
    HomeworkLibrary library,
    SecurityLog log,
    TimeProvider clock
)
{
    public async Task<Outcome<ConnectionHomework>> HandleAsync(Guid connectionId, CancellationToken cancellationToken = default)
    {
        if (await access.ActiveAsync(connectionId, cancellationToken) is not { } connection)
        {
            return Problem.NotFound(Text.Of("That page wasn't found."));
        }

        // The partner who entered the code first, then the other: the names read the same way on every look.
        var agreed = (await access.AgreedAsync(connectionId, cancellationToken)).OrderBy(a => a.MemberId != connection.StartedBy).ToList();
        var names = await store.NamesAsync([.. agreed.Select(a => a.MemberId)], cancellationToken);
        var sharing = agreed.Where(a => a.Scopes.HasFlag(ConnectionScopes.Homework)).Select(a => a.MemberId).ToHashSet();
        var rows = await db
            .Homework.AsNoTracking()
            .Where(h => h.ConnectionId == connectionId && h.WithdrawnAt == null)
            .OrderBy(h => h.DueOn)
            .ThenBy(h => h.AssignedAt)
            .ToListAsync(cancellationToken);
        var ids = rows.Select(h => h.Id).ToList();
        var sharingIds = sharing.ToList();
        var done = await db
            .HomeworkDone.AsNoTracking()
            .Where(d => ids.Contains(d.HomeworkId) && sharingIds.Contains(d.MemberId))
            .Select(d => new { d.HomeworkId, d.MemberId })
            .ToListAsync(cancellationToken);

        var homework = new List<AssignedHomework>();
        foreach (var row in rows)
        {
            var marks = agreed
                .Select(a => new HomeworkPartnerMark(
                    a.MemberId,
                    names.GetValueOrDefault(a.MemberId, ""),
                    !sharing.Contains(a.MemberId) ? HomeworkMarkState.NotShared
                        : done.Any(d => d.HomeworkId == row.Id && d.MemberId == a.MemberId) ? HomeworkMarkState.Done
                        : HomeworkMarkState.NotYet
                ))
                .ToList();
            homework.Add(
                new AssignedHomework(
                    row.Id,
                    row.Kind,
                    row.ItemKey,
                    library.Title(row.Kind, row.ItemKey),
                    row.DueOn,
                    await store.NoteAsync(row, cancellationToken),
                    row.AssignedAt,
                    marks
                )
            );
        }

        var agreedIds = agreed.Select(a => a.MemberId).ToList();
        var items = await db
            .SessionItems.AsNoTracking()
            .Where(i => i.ConnectionId == connectionId && agreedIds.Contains(i.MemberId))
            .OrderBy(i => i.SharedAt)
            .ToListAsync(cancellationToken);
        var shared = new List<SharedForSession>();
        foreach (var item in items)
        {
            shared.Add(
                new SharedForSession(
                    item.Id,
                    names.GetValueOrDefault(item.MemberId, ""),
                    item.HomeworkId,
                    await store.TextAsync(item, cancellationToken),
                    item.SharedAt
                )
            );
        }

        var resting = await store.RestsAsync(connection, cancellationToken);
        var onlyForOne = connection.Kind == ConnectionKind.Individual || resting;

        // The look is logged: each partner whose marks were shown, and the professional's own log (ids and scopes only).
        foreach (var memberId in sharingIds.Where(_ => rows.Count > 0))
        {
            await log.RecordAsync(memberId, SecurityEventKind.ProfessionalViewed, (int)ConnectionScopes.Homework, connectionId);
        }

        await log.RecordAsync(
            connection.ProfessionalId,
            SecurityEventKind.ProfessionalLooked,
            sharingIds.Count > 0 && rows.Count > 0 ? (int)ConnectionScopes.Homework : (int)ConnectionScopes.None,
            connectionId
        );

        return Outcome<ConnectionHomework>.Ok(
            new ConnectionHomework(
                connectionId,
                connection.Kind,
                [.. agreed.Select(a => names.GetValueOrDefault(a.MemberId, ""))],
                resting,
                HomeworkLibrary.KindsFor(onlyForOne),
                Formats.DayOf(clock.GetUtcNow().UtcDateTime),
                homework,
                shared
            )
        );
    }
}
