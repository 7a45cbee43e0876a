using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Practice;

/// <summary>One of the member's own connections: waiting for the partner (one they started) or active, with their own choices.</summary>
public sealed record CounselorConnection(
    Guid Id,
    ConnectionKind Kind,
    ConnectionState State,
    string ProfessionalName,
    DateTime Since,
    ConnectionScopes Scopes,
    bool StartedByMe
);

/// <summary>The partner asked this member to agree to a couple connection.</summary>
public sealed record CounselorAsk(Guid Id, string ProfessionalName);

/// <summary>A connection that ended in the last week (or that the partner chose not to join), shown until the week is over.</summary>
public sealed record CounselorEnded(Guid Id, string ProfessionalName, DateTime EndedAt, bool Declined);

/// <summary>Everything /counselor shows the member, in one place. Never anything of the partner's own choices or connections.</summary>
public sealed record CounselorView(
    bool Together,
    string PartnerName,
    RestState Rest,
    IReadOnlyList<CounselorConnection> Connections,
    CounselorAsk? Asked,
    IReadOnlyList<CounselorEnded> Ended
)
{
    /// <summary>"For both of us" is offered only with a partner, while neither rests, and with no couple connection open.</summary>
    public bool CanConnectForBoth => Together && !Rest.Couple && Asked is null && !Connections.Any(c => c.Kind == ConnectionKind.Couple);

    /// <summary>"Just me" is always offered, whatever the couple's state, unless the member already has one.</summary>
    public bool CanConnectJustMe => !Connections.Any(c => c.Kind == ConnectionKind.Individual);

    public bool CanConnect => CanConnectForBoth || CanConnectJustMe;

    /// <summary>The asked partner can agree only while neither of them rests.</summary>
    public bool CanAgree => Asked is not null && !Rest.Couple;

    /// <summary>The neutral line of decisions/0027, where the partner's rest stops something joint here.</summary>
    public bool ShowPartnerPaused =>
        Together
        && Rest.PartnerAway
        && !Rest.Mine
        && (Asked is not null || Connections.Any(c => c.State == ConnectionState.AwaitingPartner));
}

/// <summary>
/// The member's state with counselors: their own connections, a couple connection their partner asked them to agree to, and
/// what ended in the last week. A member who rests is not shown the partner's request (decisions/0027).
/// </summary>
public sealed class GetCounselorState(
    AppDbContext db,
    CounselorMember door,
    CurrentMember current,
    GetCoupleStatus couple,
    Resting resting,
    MemberNames names,
    TimeProvider clock
)
{
    /// <summary>How long an ended connection stays on the page: a week, then it is gone (nothing to dismiss).</summary>
    public static readonly TimeSpan EndedShownFor = TimeSpan.FromDays(7);

    public async Task<Outcome<CounselorView>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (await door.MemberIdAsync(cancellationToken) is not { } me)
        {
            return CounselorMember.NotHere();
        }

        var status = await couple.HandleAsync(cancellationToken);
        var together = status.Stage == CoupleStage.Together;
        var rest = await resting.StateAsync(cancellationToken);
        var coupleId = (await current.MembershipAsync(cancellationToken))?.CoupleId;
        var since = clock.GetUtcNow().UtcDateTime - EndedShownFor;

        var rows = await db
            .ConnectionConsents.AsNoTracking()
            .Where(c => c.MemberId == me)
            .Join(db.ProfessionalConnections, c => c.ConnectionId, p => p.Id, (c, p) => new { Consent = c, Connection = p })
            .Where(x => x.Connection.State != ConnectionState.Ended || x.Connection.EndedAt > since)
            .OrderBy(x => x.Connection.CreatedAt)
            .Select(x => new
            {
                x.Connection,
                x.Consent.AgreedAt,
                x.Consent.Scopes,
                Others = db.ConnectionConsents.Count(o => o.ConnectionId == x.Connection.Id && o.MemberId != me),
            })
            .ToListAsync(cancellationToken);

        var connections = new List<CounselorConnection>();
        var ended = new List<CounselorEnded>();
        CounselorAsk? asked = null;
        foreach (var row in rows)
        {
            var c = row.Connection;
            if (c.State == ConnectionState.Ended)
            {
                var declined = c.ActiveAt is null && c.StartedBy == me && c.Kind == ConnectionKind.Couple && row.Others == 0;
                if (declined || (c.ActiveAt is not null && row.AgreedAt is not null))
                {
                    ended.Add(new CounselorEnded(c.Id, await NameAsync(c.ProfessionalId, cancellationToken), c.EndedAt!.Value, declined));
                }
            }
            else if (row.AgreedAt is not null)
            {
                connections.Add(
                    new CounselorConnection(
                        c.Id,
                        c.Kind,
                        c.State,
                        await NameAsync(c.ProfessionalId, cancellationToken),
                        c.ActiveAt ?? c.CreatedAt,
                        row.Scopes,
                        c.StartedBy == me
                    )
                );
            }
            else if (c.CoupleId == coupleId && c.State == ConnectionState.AwaitingPartner && !rest.Mine)
            {
                asked = new CounselorAsk(c.Id, await NameAsync(c.ProfessionalId, cancellationToken));
            }
        }

        return Outcome<CounselorView>.Ok(
            new CounselorView(together, together ? status.PartnerFirstName ?? "" : "", rest, connections, asked, ended)
        );
    }

    private readonly Dictionary<Guid, string> _names = [];

    private async Task<string> NameAsync(Guid professionalId, CancellationToken cancellationToken)
    {
        if (_names.TryGetValue(professionalId, out var known))
        {
            return known;
        }

        var sealedName = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == professionalId)
            .Select(u => u.FirstName)
            .FirstAsync(cancellationToken);
        return _names[professionalId] = await names.OpenAsync(professionalId, sealedName, cancellationToken);
    }
}
