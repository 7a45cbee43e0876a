using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>Agrees to the evening the partner proposed.</summary>
public sealed class AgreeToOurEvening(EveningStore store)
{
    public Task<Outcome<bool>> HandleAsync(CancellationToken cancellationToken = default) =>
        store.ChangeAsync(
            create: false,
            (evening, viewer) =>
            {
                if (evening.SetBy == viewer)
                {
                    return Problem.Invalid("evening", Text.Of("You set this evening up: your partner agrees to it."));
                }

                evening.AgreedAt ??= store.Now;
                return null;
            },
            cancellationToken
        );
}
