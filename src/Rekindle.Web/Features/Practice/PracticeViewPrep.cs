using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Documents;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Practice;

/// <summary>One connection on the professional's dashboard. Names only of members who agreed; none while a partner has not.</summary>
public sealed record DashboardConnection(
    Guid Id,
    ConnectionKind Kind,
    ConnectionState State,
    IReadOnlyList<string> Names,
    DateOnly Since,
    DateOnly? LastSessionOn,
    int HomeworkDoneSince
);

/// <summary>The professional's dashboard: their active connections, and those waiting for the second partner.</summary>
public sealed class ProfessionalDashboard(AppDbContext db, ProfessionalAccess access, ReadConnectionView read)
{
    public async Task<IReadOnlyList<DashboardConnection>?> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await access.ProfessionalAsync(cancellationToken) is not { } professional)
        {
            return null;
        }

        var connections = await db
            .ProfessionalConnections.AsNoTracking()
            .Where(c => c.ProfessionalId == professional.Id && c.State != ConnectionState.Ended)
            .OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken);
        var result = new List<DashboardConnection>();
        foreach (var c in connections)
        {
            if (c.State != ConnectionState.Active)
            {
                // Nothing of anyone until both agreed: no names, no counts.
                result.Add(new DashboardConnection(c.Id, c.Kind, c.State, [], DateOnly.FromDateTime(c.CreatedAt), null, 0));
                continue;
            }

            var agreed = await access.AgreedAsync(c.Id, cancellationToken);
            var names = new List<string>();
            foreach (var consent in agreed)
            {
                names.Add(await read.NameAsync(consent.MemberId, cancellationToken));
            }

            var sharers = agreed.Where(a => a.Scopes.HasFlag(ConnectionScopes.Homework)).Select(a => a.MemberId).ToList();
            var since = SessionPrep.StartOf(c);
            var done = await db
                .HomeworkDone.AsNoTracking()
                .Where(d => sharers.Contains(d.MemberId) && d.DoneAt >= since)
                .Join(
                    db.Homework.AsNoTracking().Where(h => h.ConnectionId == c.Id && h.WithdrawnAt == null),
                    d => d.HomeworkId,
                    h => h.Id,
                    (d, _) => d.MemberId
                )
                .CountAsync(cancellationToken);
            result.Add(
                new DashboardConnection(
                    c.Id,
                    c.Kind,
                    c.State,
                    names,
                    DateOnly.FromDateTime(c.ActiveAt ?? c.CreatedAt),
                    c.LastSessionOn,
                    done
                )
            );
        }

        return result;
    }
}

/// <summary>What one member did since the last session, in the parts they share.</summary>
public sealed record PrepMember(
    Guid MemberId,
    string Name,
    ConnectionScopes Shown,
    IReadOnlyList<SharedHomework>? HomeworkDone,
    SharedProgress? Sessions,
    IReadOnlyList<SharedPulse>? Trend
);

/// <summary>Something a partner shared "for our next session", opened with the connection's key.</summary>
public sealed record PrepItem(string Name, DateOnly SharedOn, string Text);

public sealed record PrepView(
    ProfessionalConnection Connection,
    DateOnly Since,
    IReadOnlyList<PrepMember> Members,
    IReadOnlyList<PrepItem> Items
)
{
    /// <summary>The parts a session prep can show; the rest of a member's choices are not read for it.</summary>
    public const ConnectionScopes Parts = ConnectionScopes.Homework | ConnectionScopes.Progress | ConnectionScopes.Trend;
}

/// <summary>
/// Session prep (decisions/0044): since the last session day the professional set (or since the connection began), the homework
/// done, the program sessions done and the closeness trend of each member who shares that part, and the items shared for this
/// session. Printable as a PDF or a web page with our own writers.
/// </summary>
public sealed class SessionPrep(AppDbContext db, ReadConnectionView read, Sealer sealer)
{
    /// <summary>The first moment prep looks at: the start of the last session day, or when the connection became active.</summary>
    public static DateTime StartOf(ProfessionalConnection connection) =>
        connection.LastSessionOn is { } day
            ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)
            : connection.ActiveAt ?? connection.CreatedAt;

    public async Task<PrepView> HandleAsync(
        ProfessionalConnection connection,
        IReadOnlyList<ConnectionConsent> agreed,
        CancellationToken cancellationToken = default
    )
    {
        var since = StartOf(connection);
        var members = new List<PrepMember>();
        var names = new Dictionary<Guid, string>();
        foreach (var consent in agreed.Where(c => c.AgreedAt is not null).OrderBy(c => c.MemberId))
        {
            var shown = consent.Scopes & PrepView.Parts;
            var name = await read.NameAsync(consent.MemberId, cancellationToken);
            names[consent.MemberId] = name;
            members.Add(
                new PrepMember(
                    consent.MemberId,
                    name,
                    shown,
                    shown.HasFlag(ConnectionScopes.Homework)
                        ? (await read.HomeworkAsync(connection.Id, consent.MemberId, cancellationToken))
                            .Where(h => h.DoneOn is { } d && d >= DateOnly.FromDateTime(since))
                            .ToList()
                        : null,
                    shown.HasFlag(ConnectionScopes.Progress) ? await read.ProgressAsync(consent.MemberId, since, cancellationToken) : null,
                    shown.HasFlag(ConnectionScopes.Trend)
                        ? await read.TrendAsync(consent.MemberId, DateOnly.FromDateTime(since), cancellationToken)
                        : null
                )
            );
        }

        var items = new List<PrepItem>();
        foreach (
            var item in await db
                .SessionItems.AsNoTracking()
                .Where(i => i.ConnectionId == connection.Id && i.SharedAt >= since)
                .OrderBy(i => i.SharedAt)
                .ToListAsync(cancellationToken)
        )
        {
            // Only from a member who still agrees to the connection.
            if (names.TryGetValue(item.MemberId, out var name))
            {
                var text = await sealer.OpenAsync(item.Text, item.PlaceOf(nameof(SessionItem.Text)), cancellationToken);
                items.Add(new PrepItem(name, DateOnly.FromDateTime(item.SharedAt), text));
            }
        }

        return new PrepView(connection, DateOnly.FromDateTime(since), members, items);
    }

    /// <summary>The prep as a document to print, with the same parts as the page.</summary>
    public static PrintDocument Document(PrepView prep, DateTime now)
    {
        var blocks = new List<DocBlock>
        {
            new DocParagraph(Text.Of("Since {0}. Only what each partner chose to share is here.", Formats.Date(prep.Since))),
        };
        foreach (var member in prep.Members)
        {
            blocks.Add(new DocHeading(member.Name));
            if (member.Shown == ConnectionScopes.None)
            {
                blocks.Add(new DocParagraph(Text.Of("{0} shares none of these parts at the moment.", member.Name)));
                continue;
            }

            if (member.HomeworkDone is { } homework)
            {
                blocks.Add(
                    new DocParagraph(
                        homework.Count == 0
                            ? Text.Of("Homework done: none since then.")
                            : Text.Of(
                                "Homework done: {0}.",
                                string.Join("; ", homework.Select(h => Text.Of("{0}, on {1}", h.Title, Formats.Date(h.DoneOn!.Value))))
                            )
                    )
                );
            }

            if (member.Sessions is { } sessions)
            {
                blocks.Add(new DocParagraph(PracticeViewText.Sessions(sessions)));
            }

            if (member.Trend is { } trend)
            {
                blocks.Add(
                    trend.Count == 0
                        ? new DocParagraph(Text.Of("Closeness: no weekly check-in since then."))
                        : new DocTable(
                            [Text.Of("Week of"), Text.Of("Closeness (0 to 10)")],
                            trend
                                .Select(p => (IReadOnlyList<string>)[Formats.Date(p.Week), p.Pulse.ToString(CultureInfo.CurrentCulture)])
                                .ToList()
                        )
                );
            }
        }

        blocks.Add(new DocHeading(Text.Of("Shared for this session")));
        if (prep.Items.Count == 0)
        {
            blocks.Add(new DocParagraph(Text.Of("Nothing shared for this session yet.")));
        }

        foreach (var item in prep.Items)
        {
            blocks.Add(new DocParagraph(Text.Of("{0}, on {1}:", item.Name, Formats.Date(item.SharedOn)), Small: true));
            blocks.Add(new DocParagraph(item.Text));
        }

        return new PrintDocument(
            Text.Of("Session prep"),
            blocks,
            Text.Of("Rekindle · made on {0} · private: keep it with your session notes", Formats.Date(DateOnly.FromDateTime(now))),
            now
        );
    }
}

/// <summary>Sets the day of the last session; prep shows what happened since. Only the connection's own professional.</summary>
public sealed class SetLastSession(AppDbContext db, ProfessionalAccess access, TimeProvider clock)
{
    public async Task<Outcome<DateOnly>> HandleAsync(Guid connectionId, string? day, CancellationToken cancellationToken = default)
    {
        if (await access.ActiveAsync(connectionId, cancellationToken) is null)
        {
            return Problem.NotFound(Text.Of("That connection isn't there."));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (
            !DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || date > today.AddDays(1)
            || date < today.AddYears(-5)
        )
        {
            return Problem.Invalid("day", Text.Of("Please choose the day of your last session, today or earlier."));
        }

        await db
            .ProfessionalConnections.Where(c => c.Id == connectionId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastSessionOn, date), cancellationToken);
        return Outcome<DateOnly>.Ok(date);
    }
}

/// <summary>
/// Every view by a professional (decisions/0044): a line in each agreed member's security log with the parts of theirs shown,
/// and one in the professional's own log with all parts shown; the connection's id on each, nothing else.
/// </summary>
public sealed class RecordProfessionalView(SecurityLog log)
{
    public async Task HandleAsync(Guid professionalId, Guid connectionId, IReadOnlyList<(Guid MemberId, ConnectionScopes Shown)> shown)
    {
        foreach (var (memberId, scopes) in shown)
        {
            await log.RecordAsync(memberId, SecurityEventKind.ProfessionalViewed, (int)scopes, connectionId);
        }

        var all = shown.Aggregate(ConnectionScopes.None, (a, s) => a | s.Shown);
        await log.RecordAsync(professionalId, SecurityEventKind.ProfessionalLooked, (int)all, connectionId);
    }

    public Task HandleAsync(Guid professionalId, ConnectionView view) =>
        HandleAsync(professionalId, view.Connection.Id, view.Members.Select(m => (m.MemberId, view.ShownOf(m))).ToList());

    public Task HandleAsync(Guid professionalId, PrepView prep) =>
        HandleAsync(professionalId, prep.Connection.Id, prep.Members.Select(m => (m.MemberId, m.Shown)).ToList());
}

/// <summary>The professional's name for a member's activity log, looked up when it is shown: gone with the connection.</summary>
public sealed class CounselorNames(AppDbContext db, MemberNames names)
{
    public async Task<IReadOnlyDictionary<Guid, string>> OfAsync(
        IEnumerable<Guid> connectionIds,
        CancellationToken cancellationToken = default
    )
    {
        var ids = connectionIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        var professionals = await db
            .ProfessionalConnections.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Join(db.Users.AsNoTracking(), c => c.ProfessionalId, m => m.Id, (c, m) => new { c.Id, Member = m })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, string>();
        foreach (var p in professionals)
        {
            result[p.Id] = await names.OpenAsync(p.Member, cancellationToken);
        }

        return result;
    }
}
