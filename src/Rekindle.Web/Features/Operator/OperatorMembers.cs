using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Operator;

/// <summary>
/// What every operator action on one account shares: finding the account by id, the operator not acting on themselves where the
/// page forbids it, and the line in the affected member's own security log.
/// </summary>
public sealed class OperatorMembers(AppDbContext db, SecurityLog log, TimeProvider clock, Push.PushDevices push)
{
    /// <summary>
    /// The account to act on, tracked for a change: NotFound for an unknown id; Invalid when <paramref name="notThemselves"/> and
    /// the operator on the page names their own account (turning it off or resetting it is for someone else, or the command line).
    /// </summary>
    public async Task<Outcome<Member>> TargetAsync(
        Guid memberId,
        Guid? byOperator,
        bool notThemselves = false,
        CancellationToken cancellationToken = default
    )
    {
        if (notThemselves && byOperator == memberId)
        {
            return Problem.Invalid("memberId", Text.Of("You cannot do this to your own account here. Use the command line on the server."));
        }

        return await db.Users.FindAsync([memberId], cancellationToken) is { } member
            ? Outcome<Member>.Ok(member)
            : Problem.NotFound(Text.Of("There is no account with this id."));
    }

    /// <summary>The account to confirm or send a new link to: as <see cref="TargetAsync"/>, and Conflict when its email is
    /// already confirmed.</summary>
    public async Task<Outcome<Member>> UnconfirmedAsync(Guid memberId, Guid? byOperator, CancellationToken cancellationToken = default)
    {
        var target = await TargetAsync(memberId, byOperator, cancellationToken: cancellationToken);
        return target.Succeeded && target.Value!.EmailConfirmed ? Problem.Conflict(Text.Of("This email is already confirmed.")) : target;
    }

    /// <summary>Writes the action in the affected member's own security log, from "the server": never the operator's own
    /// device.</summary>
    public Task RecordAsync(Guid memberId, SecurityEventKind kind) => log.RecordAsync(memberId, kind, byOperator: true);

    /// <summary>
    /// Ends every open session of the member, browsers and API clients alike: cookies and access tokens stop at their next request,
    /// refresh tokens are refused, and the devices show no more notifications. Returns how many were ended.
    /// </summary>
    public async Task<int> EndEverySessionAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db
            .MemberSessions.Where(s => s.MemberId == memberId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), cancellationToken);
        if (ended > 0)
        {
            await push.ForgetEndedAsync(memberId, cancellationToken);
        }

        return ended;
    }
}
