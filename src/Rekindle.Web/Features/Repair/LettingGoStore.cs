using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

public sealed record GrudgeView(Guid Id, GrudgePayload Payload, GrudgeStep Step, DateTime StartedAt, DateTime? ArchivedAt);

/// <summary>
/// What the letting-go use cases share, with no use case of its own: the member's own rows only (read
/// through <see cref="Disclosure"/>), sealing and opening them, and one step's answers checked into the payload.
/// </summary>
public sealed class LettingGoStore(AppDbContext db, CurrentMember current, RepairContent content, Sealer sealer)
{
    internal static readonly GrudgePayload Empty = new(null, null, null, null, null, null);

    internal static Problem NotHere() => Problem.NotFound(Text.Of("That exercise isn't here any more."));

    public static string KeyOf(GrudgeStep step) => step.ToString().ToLowerInvariant();

    /// <summary>The step a request names by its key (name, decide, context, letter, release); null when it names none.</summary>
    public static GrudgeStep? StepOf(string? key) =>
        Enum.GetValues<GrudgeStep>().Cast<GrudgeStep?>().FirstOrDefault(s => KeyOf(s!.Value) == key);

    internal async Task<IReadOnlyList<GrudgeView>> ListAsync(CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var rows = await db
            .Grudges.AsNoTracking()
            .VisibleTo(viewer)
            .Where(g => g.OwnerId == viewer.MemberId)
            .OrderByDescending(g => g.StartedAt)
            .ToListAsync(cancellationToken);
        var views = new List<GrudgeView>();
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, cancellationToken));
        }

        return views;
    }

    internal async Task<GrudgeView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var row = await db
            .Grudges.AsNoTracking()
            .VisibleTo(viewer)
            .FirstOrDefaultAsync(g => g.Id == id && g.OwnerId == viewer.MemberId, cancellationToken);
        return row is null ? null : await ViewAsync(row, cancellationToken);
    }

    internal async Task<Grudge?> MineAsync(Guid id, CancellationToken cancellationToken)
    {
        var memberId = current.RequiredMemberId;
        return await db.Grudges.FirstOrDefaultAsync(g => g.Id == id && g.OwnerId == memberId, cancellationToken);
    }

    internal async Task<SealedText> SealAsync(Grudge grudge, GrudgePayload payload, CancellationToken cancellationToken) =>
        await sealer.SealAsync(
            JsonSerializer.Serialize(payload, RepairStore.Json),
            grudge.PlaceOf(nameof(Grudge.Entry)),
            cancellationToken
        );

    internal async Task<GrudgeView> ViewAsync(Grudge grudge, CancellationToken cancellationToken)
    {
        var json = await sealer.OpenAsync(grudge.Entry, grudge.PlaceOf(nameof(Grudge.Entry)), cancellationToken);
        var payload = json is null ? Empty : JsonSerializer.Deserialize<GrudgePayload>(json, RepairStore.Json)!;
        return new GrudgeView(grudge.Id, payload, grudge.Step, grudge.StartedAt, grudge.ArchivedAt);
    }

    /// <summary>The payload with one step's answers in it, or what is wrong with them: about "decision", "text" or "second".</summary>
    internal Outcome<GrudgePayload> Apply(GrudgePayload payload, GrudgeStep step, string? text, string? second, string? decision)
    {
        var first = text?.Trim() ?? "";
        var other = second?.Trim() ?? "";
        var label = content.GrudgeStep(step).TextLabel;
        var max = step == GrudgeStep.Letter ? Grudge.LetterMaxLength : Grudge.TextMaxLength;
        if (step == GrudgeStep.Decide && (decision is null || !LettingGoRules.Decisions.Contains(decision)))
        {
            return Problem.Invalid("decision", Text.Of("Please choose one answer; \"not yet\" and \"I don't know yet\" are fine."));
        }

        if ((step != GrudgeStep.Decide || first.Length > 0) && TalkText.Problem(first, max) is { } problem)
        {
            return Problem.Invalid("text", first.Length == 0 ? Text.Of("Please write something for \"{0}\".", label) : problem);
        }

        if (step == GrudgeStep.Name && TalkText.Problem(other, max) is { } secondProblem)
        {
            return Problem.Invalid(
                "second",
                other.Length == 0 ? Text.Of("Please write something for \"{0}\".", content.GrudgeStep(step).SecondLabel) : secondProblem
            );
        }

        var words = first.Length == 0 ? null : first;
        return Outcome<GrudgePayload>.Ok(
            step switch
            {
                GrudgeStep.Name => payload with { Hurt = words, Cost = other },
                GrudgeStep.Decide => payload with { Decision = decision, DecisionNote = words },
                GrudgeStep.Context => payload with { Context = words },
                _ => payload with { Letter = words },
            }
        );
    }
}
