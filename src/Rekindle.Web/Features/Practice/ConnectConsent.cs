using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>The partner who was asked agrees, choosing what they share.</summary>
public sealed record AgreeRequest(IReadOnlyList<string>? Scopes);

/// <summary>A member's new choices for one of their connections.</summary>
public sealed record ScopesRequest(Guid? ConnectionId, IReadOnlyList<string>? Scopes);

/// <summary>Ends a connection (or, for the partner who was asked, answers "not now").</summary>
public sealed record EndRequest(Guid? ConnectionId);

/// <summary>
/// The asked partner agrees to the couple's waiting connection: from this request on, the professional sees what each of
/// them chose. Not while either of them rests: the same neutral words as every joint thing (decisions/0027).
/// </summary>
public sealed class AgreeToConnection(AppDbContext db, CounselorMember door, CurrentMember current, Resting resting, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(AgreeRequest request, CancellationToken cancellationToken = default)
    {
        if (await door.MemberIdAsync(cancellationToken) is not { } me || await current.MembershipAsync(cancellationToken) is not { } mine)
        {
            return CounselorMember.NotHere();
        }

        var scopes = ScopeChoices.Parse(request.Scopes, ConnectionKind.Couple);
        if (scopes.Problem is { } scopeProblem)
        {
            return scopeProblem;
        }

        var waiting = await db
            .ProfessionalConnections.AsNoTracking()
            .Where(c => c.CoupleId == mine.CoupleId && c.State == ConnectionState.AwaitingPartner && c.StartedBy != me)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (waiting is not { } connectionId)
        {
            return Problem.NotFound(Text.Of("There is no connection waiting for you to agree."));
        }

        if (await resting.RefusalAsync(EnterConnectionCode.RestingNote(), evenWhenPartnerAway: true, cancellationToken) is { } refusal)
        {
            return Problem.Resting(refusal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var agreed = await db
            .ConnectionConsents.Where(c => c.ConnectionId == connectionId && c.MemberId == me && c.AgreedAt == null)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.AgreedAt, now).SetProperty(c => c.Scopes, scopes.Value).SetProperty(c => c.ChangedAt, now),
                cancellationToken
            );
        // Only a connection still waiting becomes active: one ended in the same instant stays ended.
        var activated = await db
            .ProfessionalConnections.Where(c => c.Id == connectionId && c.State == ConnectionState.AwaitingPartner)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.State, ConnectionState.Active).SetProperty(c => c.ActiveAt, now),
                cancellationToken
            );
        if (agreed != 1 || activated != 1)
        {
            return Problem.NotFound(Text.Of("There is no connection waiting for you to agree."));
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome<Guid>.Ok(connectionId);
    }
}

/// <summary>A member changes what they share in one of their connections; the professional's next request sees the change.</summary>
public sealed class ChooseScopes(AppDbContext db, CounselorMember door, TimeProvider clock)
{
    public async Task<Outcome<ConnectionScopes>> HandleAsync(ScopesRequest request, CancellationToken cancellationToken = default)
    {
        if (await door.MemberIdAsync(cancellationToken) is not { } me)
        {
            return CounselorMember.NotHere();
        }

        var kind = await db
            .ConnectionConsents.AsNoTracking()
            .Where(c => c.ConnectionId == request.ConnectionId && c.MemberId == me && c.AgreedAt != null)
            .Join(
                db.ProfessionalConnections.Where(p => p.State != ConnectionState.Ended),
                c => c.ConnectionId,
                p => p.Id,
                (_, p) => (ConnectionKind?)p.Kind
            )
            .FirstOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            return NoConnection();
        }

        var scopes = ScopeChoices.Parse(request.Scopes, kind.Value);
        if (scopes.Problem is { } problem)
        {
            return problem;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db
            .ConnectionConsents.Where(c => c.ConnectionId == request.ConnectionId && c.MemberId == me)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Scopes, scopes.Value).SetProperty(c => c.ChangedAt, now), cancellationToken);
        return Outcome<ConnectionScopes>.Ok(scopes.Value);
    }

    internal static Problem NoConnection() => Problem.NotFound(Text.Of("That connection has ended or isn't yours."));
}

/// <summary>
/// Either partner ends a connection, at once: the professional's next request gets nothing (<see cref="ProfessionalAccess"/>
/// reads the state on every request). The asked partner's "not now" ends a waiting connection too; their own row goes, so the
/// partner who started it sees that they chose not to connect for now.
/// </summary>
public sealed class EndConnection(AppDbContext db, CounselorMember door, TimeProvider clock, ILogger<EndConnection> logger)
{
    public async Task<Outcome<bool>> HandleAsync(EndRequest request, CancellationToken cancellationToken = default)
    {
        if (await door.MemberIdAsync(cancellationToken) is not { } me)
        {
            return CounselorMember.NotHere();
        }

        var mine = await db
            .ConnectionConsents.AsNoTracking()
            .Where(c => c.ConnectionId == request.ConnectionId && c.MemberId == me)
            .Join(
                db.ProfessionalConnections.Where(p => p.State != ConnectionState.Ended),
                c => c.ConnectionId,
                p => p.Id,
                (c, p) => new { p.Id, c.AgreedAt }
            )
            .FirstOrDefaultAsync(cancellationToken);
        if (mine is null)
        {
            return ChooseScopes.NoConnection();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db
            .ProfessionalConnections.Where(c => c.Id == mine.Id && c.State != ConnectionState.Ended)
            .ExecuteUpdateAsync(
                s => s.SetProperty(c => c.State, ConnectionState.Ended).SetProperty(c => c.EndedAt, now),
                cancellationToken
            );
        if (mine.AgreedAt is null)
        {
            await db.ConnectionConsents.Where(c => c.ConnectionId == mine.Id && c.MemberId == me).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} ended connection {ConnectionId}", me, mine.Id);
        return Outcome<bool>.Ok(true);
    }
}

/// <summary>
/// When a partner leaves the couple (and so when an account is deleted), the couple's connections end at once. They are kept,
/// ended and no longer tied to the couple space that goes, so both partners see that they ended and the professional sees
/// nothing more.
/// </summary>
public sealed class EndCoupleConnections(AppDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(Guid coupleId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db
            .ProfessionalConnections.Where(c => c.CoupleId == coupleId)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(c => c.State, ConnectionState.Ended)
                        .SetProperty(c => c.EndedAt, c => c.EndedAt ?? now)
                        .SetProperty(c => c.CoupleId, (Guid?)null),
                cancellationToken
            );
    }
}
