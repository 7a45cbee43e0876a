using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Web.Features.Repair;

/// <summary>What the member wrote in a letting-go exercise: theirs alone. Decision is toward, not-yet or unsure.</summary>
public sealed record GrudgeWordsDto(string? Hurt, string? Cost, string? Decision, string? DecisionNote, string? Context, string? Letter);

/// <summary>
/// One letting-go exercise. Step is the one reached: name, decide, context, letter, release. While the
/// member rests, the words of an exercise not yet put away are not shown (it can still be destroyed).
/// </summary>
public sealed record GrudgeDto(Guid Id, string Step, DateTime StartedAt, DateTime? PutAwayAt, bool Resting, GrudgeWordsDto? Words);

public sealed record GrudgeSummaryDto(Guid Id, string Step, DateTime StartedAt, DateTime? PutAwayAt);

/// <summary>
/// Letting go for the member. While it rests for them it is not offered (decisions/0031): Note is the resting note and
/// only earlier exercises are listed, to read or destroy. Otherwise Note says what forgiving is and is not: not excusing,
/// not reconciling, never owed to someone who hurt you, and not for harm or fear.
/// </summary>
public sealed record LettingGoDto(bool Resting, string Note, IReadOnlyList<GrudgeSummaryDto> Exercises);

/// <summary>Begin: the hurt, and what carrying it has cost you.</summary>
public sealed record StartGrudgeRequest(string? Hurt, string? Cost);

/// <summary>
/// Save a step (name, decide, context, letter): Text is its words (the hurt for name, an optional note
/// for decide); Second is the cost, for name only; Decision (toward, not-yet, unsure) for decide only.
/// </summary>
public sealed record GrudgeStepRequest(string? Step, string? Text, string? Second, string? Decision);

/// <summary>Letting go (decisions/0016): one member's private exercise. The partner never learns it exists; another member's id is not found.</summary>
public static class LettingGoApi
{
    private const string NotHere = "That exercise isn't here.";

    public static void MapLettingGoApi(this RouteGroupBuilder repair)
    {
        var lettingGo = repair.MapGroup("/letting-go");

        repair.MapGet("/letting-go", async Task<Ok<LettingGoDto>> (LettingGo handler, Resting safety, RepairContent content, CancellationToken cancellationToken) =>
            {
                var resting = await safety.ConcernAsync(cancellationToken);
                return TypedResults.Ok(new LettingGoDto(resting, resting ? content.Resting : content.LettingGo.NotExcusing + " " + content.LettingGo.Safety,
                    (await handler.ListAsync(cancellationToken)).Select(g => new GrudgeSummaryDto(g.Id, Key(g.Step), g.StartedAt, g.ArchivedAt)).ToList()));
            })
            .WithName("ListLettingGo").WithSummary("Your own letting-go exercises (only you ever see them)");

        repair.MapPost("/letting-go", async Task<Results<Ok<GrudgeDto>, ValidationProblem>> (StartGrudgeRequest request, LettingGo handler, Resting safety, CancellationToken cancellationToken) =>
            {
                var outcome = await handler.StartAsync(request.Hurt, request.Cost, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(await DtoAsync((await handler.FindAsync(outcome.Value, cancellationToken))!, safety, cancellationToken))
                    : TalkApi.Invalid(await safety.ConcernAsync(cancellationToken) ? "exercise" : FieldOf(GrudgeStep.Name, request.Hurt, request.Cost, null) == "text" ? "hurt" : "cost", outcome.Error!);
            })
            .WithName("StartLettingGo").WithSummary("Begin a letting-go exercise with its first step (not while it rests for you)");

        lettingGo.MapGet("/{id:guid}", async Task<Results<Ok<GrudgeDto>, ProblemHttpResult>> (Guid id, LettingGo handler, Resting safety, CancellationToken cancellationToken) =>
                await handler.FindAsync(id, cancellationToken) is { } grudge ? TypedResults.Ok(await DtoAsync(grudge, safety, cancellationToken)) : TalkApi.NotFound(NotHere))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetLettingGo").WithSummary("One of your letting-go exercises");

        lettingGo.MapPost("/{id:guid}/steps", async Task<Results<Ok<GrudgeDto>, ValidationProblem, ProblemHttpResult>> (
                Guid id, GrudgeStepRequest request, LettingGo handler, Resting safety, CancellationToken cancellationToken) =>
            {
                if (await handler.FindAsync(id, cancellationToken) is null)
                {
                    return TalkApi.NotFound(NotHere);
                }

                if (Enum.GetValues<GrudgeStep>().Cast<GrudgeStep?>().FirstOrDefault(s => Key(s!.Value) == request.Step) is not { } step)
                {
                    return TalkApi.Invalid("step", "That step isn't one this exercise knows.");
                }

                var outcome = await handler.SaveAsync(id, step, request.Text, request.Second, request.Decision, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(await DtoAsync((await handler.FindAsync(id, cancellationToken))!, safety, cancellationToken))
                    : TalkApi.Invalid(await safety.ConcernAsync(cancellationToken) ? "exercise" : FieldOf(step, request.Text, request.Second, request.Decision), outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SaveLettingGoStep").WithSummary("Save a step, or change an earlier one; one step at a time");

        lettingGo.MapPost("/{id:guid}/put-away", async Task<Results<Ok<GrudgeDto>, ValidationProblem, ProblemHttpResult>> (
                Guid id, LettingGo handler, Resting safety, CancellationToken cancellationToken) =>
            {
                if (await handler.FindAsync(id, cancellationToken) is null)
                {
                    return TalkApi.NotFound(NotHere);
                }

                var outcome = await handler.ArchiveAsync(id, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(await DtoAsync((await handler.FindAsync(id, cancellationToken))!, safety, cancellationToken))
                    : TalkApi.Invalid("exercise", outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("PutAwayLettingGo").WithSummary("Release: put the exercise away (kept, closed, for you alone)");

        // Destroying is always allowed, resting or not: a member can always remove what they wrote.
        lettingGo.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, LettingGo handler, CancellationToken cancellationToken) =>
                (await handler.DestroyAsync(id, cancellationToken)).Succeeded ? TypedResults.NoContent() : TalkApi.NotFound(NotHere))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DestroyLettingGo").WithSummary("Destroy the exercise for good, at any step; it can't be brought back");
    }

    private static string Key(GrudgeStep step) => step.ToString().ToLowerInvariant();

    /// <summary>
    /// Which field a refused save is about, in the order the handler checks them: the decision, the
    /// step's words, then the second words (name only). Anything else is about the step itself.
    /// </summary>
    private static string FieldOf(GrudgeStep step, string? text, string? second, string? decision)
    {
        if (step == GrudgeStep.Decide && (decision is null || !LettingGoRules.Decisions.Contains(decision)))
        {
            return "decision";
        }

        var words = text?.Trim() ?? "";
        var max = step == GrudgeStep.Letter ? Grudge.LetterMaxLength : Grudge.TextMaxLength;
        if ((step != GrudgeStep.Decide || words.Length > 0) && TalkText.Problem(words, max) is not null)
        {
            return "text";
        }

        return step == GrudgeStep.Name && TalkText.Problem(second?.Trim() ?? "", max) is not null ? "second" : "step";
    }

    private static async Task<GrudgeDto> DtoAsync(GrudgeView g, Resting safety, CancellationToken cancellationToken)
    {
        var resting = await safety.ConcernAsync(cancellationToken);
        var p = g.Payload;
        var words = resting && g.ArchivedAt is null ? null : new GrudgeWordsDto(p.Hurt, p.Cost, p.Decision, p.DecisionNote, p.Context, p.Letter);
        return new GrudgeDto(g.Id, Key(g.Step), g.StartedAt, g.ArchivedAt, resting, words);
    }
}
