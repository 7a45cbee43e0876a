using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>adult: true confirms the member is an adult and wants this on, for themselves.</summary>
public sealed record OptInRequest(bool Adult)
{
    /// <summary>The page's checkbox posts adult=yes.</summary>
    public static OptInRequest FromForm(string? adult) => new(adult == "yes");
}

/// <summary>Turns the area on for the member alone, only with the adult confirmation and never while their intimacy rests.</summary>
public sealed class TurnIntimacyOn(AppDbContext db, CurrentMember current, Resting resting)
{
    public async Task<Outcome<bool>> HandleAsync(OptInRequest request, CancellationToken cancellationToken = default)
    {
        if ((await resting.StateAsync(cancellationToken)).Mine)
        {
            return Problem.Resting(Text.Of(DesireStore.RestingNote));
        }

        if (!request.Adult)
        {
            return Problem.Invalid("adult", Text.Of("Please confirm that you are an adult and want to turn this on."));
        }

        await IntimacySwitch.SetAsync(db, current.RequiredMemberId, on: true, cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}

/// <summary>The member's own switch, as both turning on and turning off write it.</summary>
internal static class IntimacySwitch
{
    public static async Task SetAsync(AppDbContext db, Guid memberId, bool on, CancellationToken cancellationToken)
    {
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            row = new MemberPreferences { MemberId = memberId };
            db.MemberPreferences.Add(row);
        }

        row.IntimacyOptIn = on;
        await db.SaveChangesAsync(cancellationToken);
    }
}
