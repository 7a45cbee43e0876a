using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// Home's line for the partner who is asked to agree to a couple connection: not while either of them rests (decisions/0027),
/// and never for anything else (a member's individual connection never shows on the partner's home). One small query.
/// </summary>
public sealed class ConnectWaiting(AppDbContext db, IOptions<PracticeOptions> options) : IWaitingSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !who.Together || who.Rest.Couple)
        {
            return [];
        }

        var asked = await db
            .ProfessionalConnections.AsNoTracking()
            .AnyAsync(
                c =>
                    c.CoupleId == who.CoupleId
                    && c.State == ConnectionState.AwaitingPartner
                    && c.StartedBy == who.PartnerId
                    && db.ConnectionConsents.Any(k => k.ConnectionId == c.Id && k.MemberId == who.MemberId && k.AgreedAt == null),
                cancellationToken
            );
        return asked
            ?
            [
                new WaitingItem(
                    WaitingKind.Counselor,
                    Text.Of("{0} would like to bring in their counselor. Nothing about you is shared unless you agree.", who.PartnerName),
                    Text.Of("See the request"),
                    "/counselor"
                ),
            ]
            : [];
    }
}

/// <summary>The member's connections in their export: the counselor's name, when, and the member's own choices, never the
/// partner's.</summary>
public sealed class ConnectExport(AppDbContext db, MemberNames names) : IExportSection
{
    public string Name => "counselors";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db
            .ConnectionConsents.AsNoTracking()
            .Where(c => c.MemberId == memberId)
            .Join(db.ProfessionalConnections, c => c.ConnectionId, p => p.Id, (c, p) => new { Consent = c, Connection = p })
            .Join(
                db.Users,
                x => x.Connection.ProfessionalId,
                u => u.Id,
                (x, u) =>
                    new
                    {
                        x.Consent,
                        x.Connection,
                        u.FirstName,
                    }
            )
            .OrderBy(x => x.Connection.CreatedAt)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var list = new List<object>();
        foreach (var row in rows)
        {
            list.Add(
                new
                {
                    Counselor = await names.OpenAsync(row.Connection.ProfessionalId, row.FirstName, cancellationToken),
                    Kind = row.Connection.Kind == ConnectionKind.Couple ? "for both of us" : "just me",
                    State = row.Connection.State.ToString(),
                    StartedByYou = row.Connection.StartedBy == memberId,
                    row.Connection.CreatedAt,
                    row.Connection.ActiveAt,
                    row.Connection.EndedAt,
                    YouAgreedAt = row.Consent.AgreedAt,
                    YouShare = ScopeChoices.Keys(row.Consent.Scopes),
                    YourChoicesChangedAt = row.Consent.ChangedAt,
                }
            );
        }

        return list;
    }
}
