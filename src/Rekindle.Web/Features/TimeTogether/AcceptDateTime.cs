using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>One of the times the partner offered (an option's id).</summary>
public sealed record AcceptDateRequest(Guid OptionId);

/// <summary>Accepts one of the times the partner offered: the date is agreed, the other times close.</summary>
public sealed class AcceptDateTime(DateStore store)
{
    public Task<Outcome<DateView>> HandleAsync(Guid planId, AcceptDateRequest request, CancellationToken cancellationToken = default) =>
        store.ChangeAsync(
            planId,
            (plan, viewer) =>
            {
                if (request.OptionId == Guid.Empty)
                {
                    return Problem.Invalid("optionId", Text.Of("Please choose one of the times."));
                }

                var option = plan.Options.FirstOrDefault(o => o.Id == request.OptionId && !o.Closed);
                if (option is null)
                {
                    return Problem.Invalid("optionId", Text.Of("That time is no longer on offer. Please look again."));
                }

                if (option.ProposedBy == viewer.MemberId)
                {
                    return Problem.Invalid(
                        "optionId",
                        Text.Of("That is a time you offered: your partner accepts it, or suggests another.")
                    );
                }

                if (option.StartsAt <= store.Now)
                {
                    return Problem.Invalid("optionId", Text.Of("That time has already passed. Suggest another one."));
                }

                plan.Status = DateStatus.Agreed;
                plan.StartsAt = option.StartsAt;
                plan.AgreedAt = store.Now;
                foreach (var open in plan.Options.Where(o => !o.Closed))
                {
                    open.Closed = true;
                }

                return null;
            },
            cancellationToken
        );
}
