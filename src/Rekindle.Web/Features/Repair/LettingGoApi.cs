using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure.Api;

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

/// <summary>Letting go (decisions/0016): one member's private exercise. The partner never learns it exists; another member's id is not
/// found. Its API is /api/v1/letting-go, beside repair rather than under it, so no path of it can be read as a repair's
/// (issue 27).</summary>
public static class LettingGoApi
{
    public static void MapLettingGoApi(this RouteGroupBuilder api)
    {
        var lettingGo = api.MapGroup("/letting-go").WithTags("Repair");

        api.MapGet("/letting-go", ListAsync)
            .WithTags("Repair")
            .WithName("ListLettingGo")
            .WithSummary("Your own letting-go exercises (only you ever see them)");

        api.MapPost("/letting-go", StartAsync)
            .WithTags("Repair")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartLettingGo")
            .WithSummary("Begin a letting-go exercise with its first step (not while it rests for you)");

        lettingGo
            .MapGet("/{id:guid}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetLettingGo")
            .WithSummary("One of your letting-go exercises");

        lettingGo
            .MapPost("/{id:guid}/steps", SaveStepAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SaveLettingGoStep")
            .WithSummary("Save a step, or change an earlier one; one step at a time");

        lettingGo
            .MapPost("/{id:guid}/put-away", PutAwayAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("PutAwayLettingGo")
            .WithSummary("Release: put the exercise away (kept, closed, for you alone)");

        // Destroying is always allowed, resting or not: a member can always remove what they wrote.
        lettingGo
            .MapDelete("/{id:guid}", DestroyAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DestroyLettingGo")
            .WithSummary("Destroy the exercise for good, at any step; it can't be brought back");
    }

    private static async Task<Ok<LettingGoDto>> ListAsync(
        ListLettingGo list,
        Resting safety,
        RepairContent content,
        CancellationToken cancellationToken
    )
    {
        var resting = await safety.ConcernAsync(cancellationToken);
        var exercises = (await list.HandleAsync(cancellationToken))
            .Select(g => new GrudgeSummaryDto(g.Id, LettingGoStore.KeyOf(g.Step), g.StartedAt, g.ArchivedAt))
            .ToList();
        return TypedResults.Ok(
            new LettingGoDto(resting, resting ? content.Resting : content.LettingGo.NotExcusing + " " + content.LettingGo.Safety, exercises)
        );
    }

    private static async Task<Results<Ok<GrudgeDto>, ProblemHttpResult>> StartAsync(
        StartGrudgeRequest request,
        StartLettingGo start,
        FindLettingGo find,
        Resting safety,
        CancellationToken cancellationToken
    )
    {
        var outcome = await start.HandleAsync(request, cancellationToken);
        return outcome.Problem is { } problem
            ? ApiResults.Problem(problem)
            : await DtoAsync(outcome.Value, find, safety, cancellationToken);
    }

    private static Task<Results<Ok<GrudgeDto>, ProblemHttpResult>> GetAsync(
        Guid id,
        FindLettingGo find,
        Resting safety,
        CancellationToken cancellationToken
    ) => DtoAsync(id, find, safety, cancellationToken);

    private static async Task<Results<Ok<GrudgeDto>, ProblemHttpResult>> SaveStepAsync(
        Guid id,
        GrudgeStepRequest request,
        SaveLettingGoStep save,
        FindLettingGo find,
        Resting safety,
        CancellationToken cancellationToken
    ) =>
        (await save.HandleAsync(id, request, cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : await DtoAsync(id, find, safety, cancellationToken);

    private static async Task<Results<Ok<GrudgeDto>, ProblemHttpResult>> PutAwayAsync(
        Guid id,
        PutAwayLettingGo putAway,
        FindLettingGo find,
        Resting safety,
        CancellationToken cancellationToken
    ) =>
        (await putAway.HandleAsync(id, cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : await DtoAsync(id, find, safety, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> DestroyAsync(
        Guid id,
        DestroyLettingGo destroy,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await destroy.HandleAsync(id, cancellationToken));

    private static async Task<Results<Ok<GrudgeDto>, ProblemHttpResult>> DtoAsync(
        Guid id,
        FindLettingGo find,
        Resting safety,
        CancellationToken cancellationToken
    )
    {
        if (await find.HandleAsync(id, cancellationToken) is not { } g)
        {
            return ApiResults.Problem(LettingGoStore.NotHere());
        }

        var resting = await safety.ConcernAsync(cancellationToken);
        var p = g.Payload;
        var words =
            resting && g.ArchivedAt is null ? null : new GrudgeWordsDto(p.Hurt, p.Cost, p.Decision, p.DecisionNote, p.Context, p.Letter);
        return TypedResults.Ok(new GrudgeDto(g.Id, LettingGoStore.KeyOf(g.Step), g.StartedAt, g.ArchivedAt, resting, words));
    }
}
