using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>Turning off takes the member's answers out of matching; deleteAnswers also deletes them and the session notes.</summary>
public sealed record OptOutRequest(bool DeleteAnswers)
{
    /// <summary>The page's two buttons post off=keep or off=delete.</summary>
    public static OptOutRequest FromForm(string? off) => new(off == "delete");
}

/// <summary>Turns the area off for the member at once; it can also delete every answer they gave and their session notes.</summary>
public sealed class TurnIntimacyOff(AppDbContext db, CurrentMember current, PrivateAnswers answers)
{
    public async Task<Outcome<bool>> HandleAsync(OptOutRequest request, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        await IntimacySwitch.SetAsync(db, memberId, on: false, cancellationToken);
        if (request.DeleteAnswers)
        {
            // The sets stay, blank: reading them stays the same work (decisions/0026).
            await answers.ClearAllAsync(AnswerList.Desires, memberId, cancellationToken);
            await db.TouchLogs.Where(l => l.OwnerId == memberId).ExecuteDeleteAsync(cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }
}
