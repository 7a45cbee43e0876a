using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.SelfCare;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Features.Understand;

namespace Rekindle.Web.Features.Practice;

/// <summary>Program sessions one member finished in their current program: how many and which weeks, never what they wrote.</summary>
public sealed record SharedProgress(int Done, IReadOnlyList<int> Weeks);

/// <summary>One piece of the connection's homework: done by this member or not yet.</summary>
/// <summary>A piece of homework as the professional's view shows it; <see cref="Title"/> is the library item's title.</summary>
public sealed record SharedHomework(Guid Id, HomeworkKind Kind, string Title, DateOnly DueOn, DateOnly? DoneOn);

/// <summary>One finished check: the seven area scores and closeness. Never the answers, wellbeing or the safety part.</summary>
public sealed record SharedCheck(DateOnly FinishedOn, IReadOnlyDictionary<string, int> Domains, int Closeness);

/// <summary>One week's closeness pulse from the member's own check-in: the number, never the words.</summary>
public sealed record SharedPulse(DateOnly Week, int Pulse);

/// <summary>
/// What one agreed member shares with their counselor (decisions/0044): each part is null unless they chose it. The professional's
/// view and the member's own "what your counselor sees" render this same record with the same component.
/// </summary>
public sealed record SharedPart(
    Guid MemberId,
    string Name,
    ConnectionScopes Scopes,
    SharedProgress? Progress,
    IReadOnlyList<SharedHomework>? Homework,
    IReadOnlyList<SharedCheck>? Checks,
    IReadOnlyList<SharedPulse>? Trend,
    IReadOnlyList<WeekSummary>? SelfCare
);

/// <summary>The Couple Map both partners shared with each other: levels side by side, in the order of the members.</summary>
public sealed record SharedMapRow(string Domain, int First, int Second, bool BothStrained, bool Gap);

public sealed record SharedMap(string FirstName, string SecondName, IReadOnlyList<SharedMapRow> Rows);

/// <summary>A connection as its professional sees it: each agreed member's part, and the joint map when it may show.</summary>
public sealed record ConnectionView(ProfessionalConnection Connection, IReadOnlyList<SharedPart> Members, SharedMap? Map)
{
    /// <summary>The scopes actually shown of one member: their choices, with the map only when the joint map shows.</summary>
    public ConnectionScopes ShownOf(SharedPart part) => Map is null ? part.Scopes & ~ConnectionScopes.Map : part.Scopes;
}

/// <summary>
/// Reads what each member of a connection chose to share, and nothing else: every part is read only when its scope is chosen, from
/// the owning area's own records, and never from anything written (daily answers, check-in words, reflections, notes, intimacy,
/// safety answers, self-care notes have no scope). Callers pass a connection they already got through
/// <see cref="ProfessionalAccess"/> or <see cref="MyConnections"/>.
/// </summary>
public sealed class ReadConnectionView(
    AppDbContext db,
    MemberNames names,
    MyChecks checks,
    WeeklyCheckIns checkIns,
    SelfCareStore selfCare,
    GetCoupleMap map,
    HomeworkLibrary library,
    TimeProvider clock
)
{
    /// <summary>Weeks of closeness and of self-care averages shown at most.</summary>
    public const int Weeks = 12;

    public async Task<ConnectionView> HandleAsync(
        ProfessionalConnection connection,
        IReadOnlyList<ConnectionConsent> agreed,
        CancellationToken cancellationToken = default
    )
    {
        var parts = new List<SharedPart>();
        foreach (var consent in agreed.Where(c => c.AgreedAt is not null).OrderBy(c => c.MemberId))
        {
            parts.Add(await PartAsync(connection, consent, cancellationToken));
        }

        return new ConnectionView(connection, parts, await MapAsync(connection, parts, cancellationToken));
    }

    /// <summary>
    /// A member's own part of a connection as its professional sees it, for "what your counselor sees". The map shows whenever the
    /// member chose it and both shared it with each other, whatever the partner chose: the partner's choices are theirs alone.
    /// </summary>
    public async Task<(SharedPart Mine, SharedMap? Map)> OwnAsync(
        ProfessionalConnection connection,
        Guid memberId,
        CancellationToken cancellationToken = default
    )
    {
        var agreed = await db
            .ConnectionConsents.AsNoTracking()
            .Where(c => c.ConnectionId == connection.Id && c.AgreedAt != null)
            .OrderBy(c => c.MemberId)
            .ToListAsync(cancellationToken);
        var mine = agreed.Single(c => c.MemberId == memberId);
        var part = await PartAsync(connection, mine, cancellationToken);
        if (!part.Scopes.HasFlag(ConnectionScopes.Map) || agreed.Count != 2)
        {
            return (part, null);
        }

        var both = new List<(Guid, string)>();
        foreach (var consent in agreed)
        {
            both.Add((consent.MemberId, consent.MemberId == memberId ? part.Name : await NameAsync(consent.MemberId, cancellationToken)));
        }

        return (part, await MapOfAsync(connection, both, cancellationToken));
    }

    public async Task<string> NameAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var member = await db.Users.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
        return member is null ? "" : await names.OpenAsync(member, cancellationToken);
    }

    private async Task<SharedPart> PartAsync(
        ProfessionalConnection connection,
        ConnectionConsent consent,
        CancellationToken cancellationToken
    )
    {
        var scopes = consent.Scopes & ConnectionScopes.All;
        var memberId = consent.MemberId;
        return new SharedPart(
            memberId,
            await NameAsync(memberId, cancellationToken),
            scopes,
            scopes.HasFlag(ConnectionScopes.Progress) ? await ProgressAsync(memberId, null, cancellationToken) : null,
            scopes.HasFlag(ConnectionScopes.Homework) ? await HomeworkAsync(connection.Id, memberId, cancellationToken) : null,
            scopes.HasFlag(ConnectionScopes.Checks) ? await ChecksAsync(memberId, cancellationToken) : null,
            scopes.HasFlag(ConnectionScopes.Trend) ? await TrendAsync(memberId, DateOnly.MinValue, cancellationToken) : null,
            scopes.HasFlag(ConnectionScopes.Summary) ? await SelfCareAsync(memberId, cancellationToken) : null
        );
    }

    /// <summary>The member's current (latest) program: the weeks whose lesson they finished.</summary>
    internal async Task<SharedProgress> ProgressAsync(Guid memberId, DateTime? since, CancellationToken cancellationToken)
    {
        var weeks = await db
            .ProgramWeeks.AsNoTracking()
            .Where(w => w.MemberId == memberId && w.LessonDoneAt != null)
            .Join(
                db.ProgramRuns.AsNoTracking(),
                w => w.RunId,
                r => r.Id,
                (w, r) =>
                    new
                    {
                        w.Week,
                        w.LessonDoneAt,
                        r.StartedAt,
                        r.Id,
                    }
            )
            .ToListAsync(cancellationToken);
        var latest = weeks.OrderByDescending(w => w.StartedAt).FirstOrDefault()?.Id;
        var done = weeks
            .Where(w => w.Id == latest && (since is null || w.LessonDoneAt >= since))
            .Select(w => w.Week)
            .Distinct()
            .Order()
            .ToList();
        return new SharedProgress(done.Count, done);
    }

    /// <summary>Each piece of the connection's homework (not taken back), done by this member or not yet.</summary>
    internal async Task<IReadOnlyList<SharedHomework>> HomeworkAsync(Guid connectionId, Guid memberId, CancellationToken cancellationToken)
    {
        var items = await db
            .Homework.AsNoTracking()
            .Where(h => h.ConnectionId == connectionId && h.WithdrawnAt == null)
            .OrderBy(h => h.DueOn)
            .ThenBy(h => h.AssignedAt)
            .Select(h => new
            {
                h.Id,
                h.Kind,
                h.ItemKey,
                h.DueOn,
            })
            .ToListAsync(cancellationToken);
        var ids = items.Select(h => h.Id).ToList();
        var done = await db
            .HomeworkDone.AsNoTracking()
            .Where(d => d.MemberId == memberId && ids.Contains(d.HomeworkId))
            .ToDictionaryAsync(d => d.HomeworkId, d => d.DoneAt, cancellationToken);
        return items
            .Select(h => new SharedHomework(
                h.Id,
                h.Kind,
                library.Title(h.Kind, h.ItemKey),
                h.DueOn,
                done.TryGetValue(h.Id, out var at) ? DateOnly.FromDateTime(at) : null
            ))
            .ToList();
    }

    private async Task<IReadOnlyList<SharedCheck>> ChecksAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var completed = (await checks.ForMemberAsync(memberId, cancellationToken)).Completed;
        return completed
            .Select(c => new SharedCheck(
                DateOnly.FromDateTime(c.CompletedAt),
                CheckContent.DomainKeys.Where(c.Scores.Domains.ContainsKey).ToDictionary(k => k, k => c.Scores.Domains[k]),
                c.Scores.Satisfaction
            ))
            .ToList();
    }

    /// <summary>The member's own pulses, from the week of <paramref name="since"/> on (the last <see cref="Weeks"/>).</summary>
    internal async Task<IReadOnlyList<SharedPulse>> TrendAsync(Guid memberId, DateOnly since, CancellationToken cancellationToken)
    {
        var from = since == DateOnly.MinValue ? since : WeeklyCheckIns.WeekOf(since);
        var rows = await db
            .CheckIns.AsNoTracking()
            .Where(c => c.OwnerId == memberId && c.WeekStart >= from)
            .OrderBy(c => c.WeekStart)
            .ToListAsync(cancellationToken);
        var pulses = new List<SharedPulse>();
        foreach (var row in rows.TakeLast(Weeks))
        {
            // Opened only to take the number out: the words stay in the member's check-in.
            pulses.Add(new SharedPulse(row.WeekStart, (await checkIns.OpenAsync(row, cancellationToken)).Pulse));
        }

        return pulses;
    }

    /// <summary>The summary's part that holds no words: weekly averages of the days logged (never notes, never goals).</summary>
    private async Task<IReadOnlyList<WeekSummary>> SelfCareAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var thisWeek = WeeklyCheckIns.WeekOf(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var days = await selfCare.DaysAsync(memberId, thisWeek.AddDays(-7 * (Weeks - 1)), cancellationToken);
        return SelfCareRules.Weeks(days, thisWeek, Weeks).Where(w => w.Days > 0).ToList();
    }

    /// <summary>The Couple Map: only for a couple's connection, only when both partners shared it with each other (each has a
    /// share in the couple space) and both chose to show it.</summary>
    private async Task<SharedMap?> MapAsync(ProfessionalConnection connection, List<SharedPart> parts, CancellationToken cancellationToken)
    {
        if (parts.Count != 2 || !parts.All(p => p.Scopes.HasFlag(ConnectionScopes.Map)))
        {
            return null;
        }

        return await MapOfAsync(connection, parts.Select(p => (p.MemberId, p.Name)).ToList(), cancellationToken);
    }

    /// <summary>The map of the couple's two members, in this order, when each has shared it with the other; else null.</summary>
    private async Task<SharedMap?> MapOfAsync(
        ProfessionalConnection connection,
        IReadOnlyList<(Guid MemberId, string Name)> members,
        CancellationToken cancellationToken
    )
    {
        if (connection.Kind != ConnectionKind.Couple || connection.CoupleId is not { } coupleId || members.Count != 2)
        {
            return null;
        }

        var shares = await db.MapShares.AsNoTracking().Where(s => s.CoupleId == coupleId).ToListAsync(cancellationToken);
        var first = shares.Where(s => s.OwnerId == members[0].MemberId).MaxBy(s => s.SharedAt);
        var second = shares.Where(s => s.OwnerId == members[1].MemberId).MaxBy(s => s.SharedAt);
        if (first is null || second is null)
        {
            return null;
        }

        var a = await map.DomainsOfAsync(first, cancellationToken);
        var b = await map.DomainsOfAsync(second, cancellationToken);
        var rows = CheckContent
            .DomainKeys.Where(d => a.ContainsKey(d) && b.ContainsKey(d))
            .Select(d => new SharedMapRow(
                d,
                a[d],
                b[d],
                CheckScoring.Level(a[d]) == StrainLevel.Strained && CheckScoring.Level(b[d]) == StrainLevel.Strained,
                CheckScoring.IsGap(a[d], b[d])
            ))
            .ToList();
        return new SharedMap(members[0].Name, members[1].Name, rows);
    }
}
