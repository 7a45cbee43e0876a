using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Practice;

/// <summary>What a member sees of their counselors' homework: their agreed, active connections and the homework not withdrawn,
/// without work for two while the couple rests.</summary>
public sealed record VisibleHomework(
    Guid MemberId,
    IReadOnlyList<ProfessionalConnection> Connections,
    IReadOnlyList<Homework> Homework,
    RestState Rest
);

/// <summary>
/// What the homework use cases share (decisions/0044): who is on the member's side of practice mode, which homework a member
/// sees, names and notes opened. No use case lives here.
/// </summary>
public sealed class HomeworkStore(
    AppDbContext db,
    CurrentMember current,
    MyConnections mine,
    Resting resting,
    HomeworkLibrary library,
    MemberNames names,
    Sealer sealer,
    IOptions<PracticeOptions> options
)
{
    /// <summary>At most this many things shared for the next session, per member and connection, at a time.</summary>
    public const int MaxSessionItems = 20;

    /// <summary>The member's side of practice mode: practice mode is on and the signed-in account is a partner, not a
    /// professional. Otherwise every /counselor page and route is a 404.</summary>
    public async Task<bool> MemberSideAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || current.MemberId is not { } me)
        {
            return false;
        }

        return await db.Users.AsNoTracking().AnyAsync(m => m.Id == me && m.Role == MemberRole.Partner, cancellationToken);
    }

    /// <summary>The homework the signed-in member sees, or null when they are not on the member's side of practice mode.</summary>
    public async Task<VisibleHomework?> VisibleAsync(CancellationToken cancellationToken)
    {
        if (!await MemberSideAsync(cancellationToken))
        {
            return null;
        }

        var me = current.RequiredMemberId;
        var connections = await mine.ActiveAsync(cancellationToken);
        var rest = await resting.StateAsync(cancellationToken);
        if (connections.Count == 0)
        {
            return new VisibleHomework(me, connections, [], rest);
        }

        var ids = connections.Select(c => c.Id).ToList();
        var homework = await db
            .Homework.AsNoTracking()
            .Where(h => ids.Contains(h.ConnectionId) && h.WithdrawnAt == null)
            .OrderBy(h => h.DueOn)
            .ThenBy(h => h.AssignedAt)
            .ToListAsync(cancellationToken);
        // While either partner rests, nothing for two is shown: the same for a concern, a pause or a partner away.
        return new VisibleHomework(me, connections, [.. homework.Where(h => !(rest.Couple && library.ForTwo(h.Kind, h.ItemKey)))], rest);
    }

    /// <summary>Whether exercises for two rest in a connection's couple: either partner's concern or pause, folded into one fact
    /// the professional may know without learning which partner or why. One person alone: nothing for two is assigned anyway.</summary>
    public async Task<bool> RestsAsync(ProfessionalConnection connection, CancellationToken cancellationToken) =>
        connection.Kind == ConnectionKind.Couple
        && connection.CoupleId is { } coupleId
        && await resting.CoupleRestsAsync(coupleId, cancellationToken);

    /// <summary>First names by member id.</summary>
    public async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken)
    {
        var rows = await db
            .Users.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.FirstName })
            .ToListAsync(cancellationToken);
        var result = new Dictionary<Guid, string>();
        foreach (var row in rows)
        {
            result[row.Id] = await names.OpenAsync(row.Id, row.FirstName, cancellationToken);
        }

        return result;
    }

    public async Task<string?> NoteAsync(Homework homework, CancellationToken cancellationToken) =>
        homework.Note is { } note ? await sealer.OpenAsync(note, homework.PlaceOf(nameof(Homework.Note)), cancellationToken) : null;

    public Task<string> TextAsync(SessionItem item, CancellationToken cancellationToken) =>
        sealer.OpenAsync(item.Text, item.PlaceOf(nameof(SessionItem.Text)), cancellationToken);
}
