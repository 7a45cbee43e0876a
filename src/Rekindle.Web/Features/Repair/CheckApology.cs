using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Repair;

/// <summary>How an apology reads before it is sent, part by part; nothing is stored. It rests with the rest of repair.</summary>
public sealed class CheckApology(Resting safety, RepairContent content, ApologyRules rules)
{
    public async Task<Outcome<ApologyTone>> HandleAsync(SendApologyRequest request, CancellationToken cancellationToken = default) =>
        await safety.ConcernAsync(cancellationToken) ? Problem.Resting(content.Resting) : Outcome<ApologyTone>.Ok(rules.Tone(request));
}
