using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>The connect form and the API body: the code, what the member shares, and whether it is for both of them.</summary>
public sealed record ConnectRequest(string? Code, IReadOnlyList<string>? Scopes, bool ForBoth);

/// <summary>Whose code it is, for the screen where the member chooses what they share.</summary>
public sealed record CodeOwner(string ProfessionalName);

/// <summary>
/// A partner enters a professional's code. "Just me" is active at once and only ever seen by this member; "for both of us"
/// waits until the partner agrees separately (nothing is shared before), and is not offered while either of them rests
/// (decisions/0027). The code is claimed by a conditional update, so it works once even under races.
/// </summary>
public sealed class EnterConnectionCode(
    AppDbContext db,
    CounselorMember door,
    CurrentMember current,
    Resting resting,
    MemberNames names,
    TimeProvider clock,
    ILogger<EnterConnectionCode> logger
)
{
    /// <summary>Checks a code without using it (the first screen); a guess like any other, under the same limits.</summary>
    public async Task<Outcome<CodeOwner>> CheckAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        if (await door.MemberIdAsync(cancellationToken) is null)
        {
            return CounselorMember.NotHere();
        }

        var found = await FindAsync(typedCode, cancellationToken);
        if (found.Problem is { } problem)
        {
            return problem;
        }

        return Outcome<CodeOwner>.Ok(new CodeOwner(await ProfessionalNameAsync(found.Value!.ProfessionalId, cancellationToken)));
    }

    public async Task<Outcome<Guid>> HandleAsync(ConnectRequest request, CancellationToken cancellationToken = default)
    {
        if (await door.MemberIdAsync(cancellationToken) is not { } me)
        {
            return CounselorMember.NotHere();
        }

        var kind = request.ForBoth ? ConnectionKind.Couple : ConnectionKind.Individual;
        var scopes = ScopeChoices.Parse(request.Scopes, kind);
        if (scopes.Problem is { } scopeProblem)
        {
            return scopeProblem;
        }

        var found = await FindAsync(request.Code, cancellationToken);
        if (found.Problem is { } codeProblem)
        {
            return codeProblem;
        }

        Guid? coupleId = null;
        Guid? partnerId = null;
        if (request.ForBoth)
        {
            partnerId = await current.PartnerIdAsync(cancellationToken);
            if (partnerId is null)
            {
                return Problem.Conflict(
                    Text.Of("A counselor for both of you needs your partner in Rekindle first. You can connect one just for you.")
                );
            }

            if (await resting.RefusalAsync(RestingNote(), evenWhenPartnerAway: true, cancellationToken) is { } refusal)
            {
                return Problem.Resting(refusal);
            }

            coupleId = (await current.MembershipAsync(cancellationToken))!.CoupleId;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var connection = new ProfessionalConnection
        {
            Id = Guid.NewGuid(),
            ProfessionalId = found.Value!.ProfessionalId,
            Kind = kind,
            CoupleId = coupleId,
            StartedBy = me,
            State = request.ForBoth ? ConnectionState.AwaitingPartner : ConnectionState.Active,
            CreatedAt = now,
            ActiveAt = request.ForBoth ? null : now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (coupleId is { } couple)
        {
            await Rows.LockCoupleAsync(db, couple, cancellationToken);
        }

        var open = await db.ProfessionalConnections.AnyAsync(
            c =>
                c.State != ConnectionState.Ended
                && (request.ForBoth ? c.CoupleId == coupleId : c.Kind == ConnectionKind.Individual && c.StartedBy == me),
            cancellationToken
        );
        if (open)
        {
            return Problem.Conflict(
                request.ForBoth
                    ? Text.Of("You already have a counselor connected for both of you. End that connection first to connect another.")
                    : Text.Of("You already have a counselor connected just for you. End that connection first to connect another.")
            );
        }

        var hash = found.Value.CodeHash;
        var claimed = await db
            .ConnectionCodes.Where(c => c.CodeHash == hash && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now).SetProperty(c => c.ConnectionId, connection.Id), cancellationToken);
        if (claimed != 1)
        {
            return Unusable();
        }

        db.ProfessionalConnections.Add(connection);
        db.ConnectionConsents.Add(
            new ConnectionConsent
            {
                ConnectionId = connection.Id,
                MemberId = me,
                AgreedAt = now,
                Scopes = scopes.Value,
                ChangedAt = now,
            }
        );
        if (partnerId is { } partner)
        {
            // The partner's own row, not agreed: nothing of theirs is shown until they agree and choose.
            db.ConnectionConsents.Add(
                new ConnectionConsent
                {
                    ConnectionId = connection.Id,
                    MemberId = partner,
                    Scopes = ConnectionScopes.None,
                    ChangedAt = now,
                }
            );
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} entered a code: connection {ConnectionId}", me, connection.Id);
        return Outcome<Guid>.Ok(connection.Id);
    }

    /// <summary>What a member who rests is told when asking for a couples connection: calm, and "just me" stays open.</summary>
    public static string RestingNote() => Text.Of("For now, a counselor can be connected just for you. Support for you comes first.");

    private async Task<Outcome<ConnectionCode>> FindAsync(string? typedCode, CancellationToken cancellationToken)
    {
        if (ConnectionCodes.Normalize(typedCode) is not { } code)
        {
            return Problem.Invalid(
                "code",
                Text.Of("That doesn't look like a connection code. Codes have 10 letters and numbers, like ABCDE-FGHJK.")
            );
        }

        var hash = ConnectionCodes.Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db
            .ConnectionCodes.AsNoTracking()
            .FirstOrDefaultAsync(c => c.CodeHash == hash && c.UsedAt == null && c.ExpiresAt > now, cancellationToken);
        return row is null ? Unusable() : Outcome<ConnectionCode>.Ok(row);
    }

    // One answer for unknown, used, cancelled and expired: the code holder can act on it, a guesser learns nothing.
    private static Problem Unusable() =>
        Problem.Invalid(
            "code",
            Text.Of("That code can't be used. It may be mistyped, used already, or expired. Check it, or ask your counselor for a new one.")
        );

    private async Task<string> ProfessionalNameAsync(Guid professionalId, CancellationToken cancellationToken)
    {
        var sealedName = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == professionalId)
            .Select(u => u.FirstName)
            .FirstAsync(cancellationToken);
        return await names.OpenAsync(professionalId, sealedName, cancellationToken);
    }
}
