using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Features.Repair;

/// <summary>Begin: the hurt, and what carrying it has cost you.</summary>
public sealed record StartGrudgeRequest(string? Hurt, string? Cost);

/// <summary>Starts a private letting-go exercise with its first step; not while it rests for the member (decisions/0031).</summary>
public sealed class StartLettingGo(
    AppDbContext db,
    CurrentMember current,
    Resting safety,
    RepairContent content,
    LettingGoStore store,
    TimeProvider clock
)
{
    public async Task<Outcome<Guid>> HandleAsync(StartGrudgeRequest request, CancellationToken cancellationToken = default)
    {
        if (await safety.ConcernAsync(cancellationToken))
        {
            return Problem.Resting(content.Resting);
        }

        var started = store.Apply(LettingGoStore.Empty, GrudgeStep.Name, request.Hurt, request.Cost, null);
        if (started.Problem is { } problem)
        {
            // The first step's words are the request's hurt and cost.
            return problem with { Field = problem.Field == "text" ? "hurt" : "cost" };
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var grudge = new Grudge
        {
            Id = Guid.NewGuid(),
            OwnerId = current.RequiredMemberId,
            Step = GrudgeStep.Decide,
            StartedAt = now,
            UpdatedAt = now,
        };
        grudge.Entry = await store.SealAsync(grudge, started.Value!, cancellationToken);
        db.Grudges.Add(grudge);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(grudge.Id);
    }
}
