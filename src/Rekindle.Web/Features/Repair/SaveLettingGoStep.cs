using Rekindle.Web.Data;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// Save a step (name, decide, context, letter): Text is its words (the hurt for name, an optional note
/// for decide); Second is the cost, for name only; Decision (toward, not-yet, unsure) for decide only.
/// </summary>
public sealed record GrudgeStepRequest(string? Step, string? Text, string? Second, string? Decision);

/// <summary>Saves a step of the member's own exercise, or changes an earlier one; one step at a time, and not while it rests.</summary>
public sealed class SaveLettingGoStep(AppDbContext db, Resting safety, RepairContent content, LettingGoStore store, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, GrudgeStepRequest request, CancellationToken cancellationToken = default)
    {
        if (await safety.ConcernAsync(cancellationToken))
        {
            return Problem.Resting(content.Resting);
        }

        var grudge = await store.MineAsync(id, cancellationToken);
        if (grudge is null)
        {
            return LettingGoStore.NotHere();
        }

        if (LettingGoStore.StepOf(request.Step) is not { } step)
        {
            return Problem.Invalid("step", Text.Of("That step isn't one this page knows. Here is where you are."));
        }

        if (LettingGoRules.CanSave(grudge, step) is { } problem)
        {
            return Problem.Invalid("step", problem);
        }

        var view = await store.ViewAsync(grudge, cancellationToken);
        var changed = store.Apply(view.Payload, step, request.Text, request.Second, request.Decision);
        if (!changed.Succeeded)
        {
            return changed.As<bool>();
        }

        grudge.Entry = await store.SealAsync(grudge, changed.Value!, cancellationToken);
        grudge.Step = LettingGoRules.After(grudge.Step, step);
        grudge.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
