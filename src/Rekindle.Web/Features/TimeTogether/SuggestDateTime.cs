using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Another time for a proposed date, or a move of an agreed one: a local day (yyyy-MM-dd) and time (HH:mm) in the member's
/// zone.</summary>
public sealed record SuggestTimeRequest(string? Day, string? Time);

/// <summary>Suggests another time for a proposed date, or moves an agreed one; the partner accepts it.</summary>
public sealed class SuggestDateTime(AppDbContext db, CurrentMember current, Preferences preferences, DateStore store)
{
    public async Task<Outcome<DateView>> HandleAsync(Guid planId, SuggestTimeRequest request, CancellationToken cancellationToken = default)
    {
        var prefs = await preferences.ForAsync(current.RequiredMemberId, cancellationToken);
        var parsed = store.ParseTime(request.Day, request.Time, prefs, "day", "time");
        if (parsed.Problem is { } refused)
        {
            return refused;
        }

        return await store.ChangeAsync(
            planId,
            (plan, viewer) =>
            {
                var mine = plan.Options.Where(o => !o.Closed && o.ProposedBy == viewer.MemberId).ToList();
                if (mine.Any(o => o.StartsAt == parsed.Value) || (plan.Status == DateStatus.Agreed && plan.StartsAt == parsed.Value))
                {
                    return Problem.Invalid("time", Text.Of("That time is already on the table."));
                }

                if (mine.Count >= DatePlan.MaxOpenOptions)
                {
                    return Problem.Invalid(
                        "time",
                        Text.Of(
                            "You already offered {0} times. Wait for your partner's answer, or cancel and start again.",
                            DatePlan.MaxOpenOptions
                        )
                    );
                }

                // Added explicitly: EF would take a new child with its key already set for an existing row.
                var option = new DateOption
                {
                    Id = Guid.NewGuid(),
                    PlanId = plan.Id,
                    CoupleId = plan.CoupleId,
                    ProposedBy = viewer.MemberId,
                    StartsAt = parsed.Value,
                    CreatedAt = store.Now,
                };
                plan.Options.Add(option);
                db.Add(option);
                return null;
            },
            cancellationToken
        );
    }
}
