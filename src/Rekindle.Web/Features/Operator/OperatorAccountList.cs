using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// One account as the operator sees it (decisions/0045): never a name, nothing anyone wrote, nothing of which areas they use.
/// <paramref name="LastSignInAt"/> is the newest sign-in in the member's security log; <paramref name="InCouple"/> says whether
/// someone else shares their couple space.
/// </summary>
public sealed record OperatorAccountRow(
    Guid Id,
    string Email,
    DateTime CreatedAt,
    bool Confirmed,
    bool SecondFactor,
    bool Passkey,
    DateTime? LastSignInAt,
    bool InCouple,
    bool Disabled,
    bool Operator,
    MemberRole Role
);

/// <summary>Every account on the server, by email.</summary>
public sealed class OperatorAccountList(AppDbContext db)
{
    public async Task<IReadOnlyList<OperatorAccountRow>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var members = await db
            .Users.AsNoTracking()
            .Select(m => new
            {
                m.Id,
                m.Email,
                m.CreatedAt,
                m.EmailConfirmed,
                m.TwoFactorEnabled,
                m.DisabledAt,
                m.IsOperator,
                m.Role,
            })
            .ToListAsync(cancellationToken);
        var lastSignIn = await db
            .SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKind.SignedIn)
            .GroupBy(e => e.MemberId)
            .Select(g => new { MemberId = g.Key, At = g.Max(e => e.At) })
            .ToDictionaryAsync(x => x.MemberId, x => x.At, cancellationToken);
        var withPasskey = (
            await db.UserPasskeys.AsNoTracking().Select(p => p.UserId).Distinct().ToListAsync(cancellationToken)
        ).ToHashSet();
        var inCouple = (
            await db
                .CoupleMembers.AsNoTracking()
                .Where(c => db.CoupleMembers.Any(o => o.CoupleId == c.CoupleId && o.MemberId != c.MemberId))
                .Select(c => c.MemberId)
                .ToListAsync(cancellationToken)
        ).ToHashSet();

        return
        [
            .. members
                .Select(m => new OperatorAccountRow(
                    m.Id,
                    m.Email ?? "",
                    m.CreatedAt,
                    m.EmailConfirmed,
                    m.TwoFactorEnabled,
                    withPasskey.Contains(m.Id),
                    lastSignIn.TryGetValue(m.Id, out var at) ? at : null,
                    inCouple.Contains(m.Id),
                    m.DisabledAt is not null,
                    m.IsOperator,
                    m.Role
                ))
                .OrderBy(r => r.Email, StringComparer.OrdinalIgnoreCase),
        ];
    }
}
