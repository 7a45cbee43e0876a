using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Betrayal;

/// <summary>The couple's paths after a betrayal. While joint work rests for either (decisions/0027) the list is empty and
/// <see cref="Resting"/> says why, in the same words whatever the reason.</summary>
public sealed record BetrayalHubDto(bool Resting, bool HasPartner, IReadOnlyList<BetrayalSummaryDto> Paths);

public sealed record BetrayalSummaryDto(Guid Id, string Kind, bool YouWereHurt, DateTime OpenedAt, string Stage, bool WaitsOnYou);

/// <summary>
/// One path: only your own writing (drafts included) and what your partner sent. Stage is invited, hurtfirst, acknowledge,
/// together or ended. While it rests, nothing but the ids and the stage.
/// </summary>
public sealed record BetrayalDto(
    Guid Id,
    string Kind,
    bool YouWereHurt,
    string Stage,
    bool Resting,
    bool QuestionsOpen,
    bool QuestionsPaused,
    bool PartnerLimitsSet,
    PartView? Feelings,
    PartView? Acknowledgment,
    PartView? MyLimits,
    PartView? TheirLimits,
    IReadOnlyList<QuestionView> Questions,
    IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<StepItemView> Steps
);

/// <summary>The path after a betrayal (decisions/0041) through the API: the same handlers, visibility and resting as the pages.</summary>
[ApiArea]
public static class BetrayalApi
{
    public static void MapBetrayalApi(this RouteGroupBuilder api)
    {
        // /api/v1/betrayal, not under /repair as the pages are: "/repair/betrayal/{id}" and "/repair/{id}/calm" could name the same
        // path, which OpenAPI tools refuse (issue 27).
        var path = api.MapGroup("/betrayal").WithTags("Betrayal");
        api.MapGet("/betrayal", GetHubAsync)
            .WithTags("Betrayal")
            .WithName("GetBetrayalPaths")
            .WithSummary("Your couple's paths after a betrayal");
        api.MapPost("/betrayal", OpenAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Betrayal")
            .WithName("OpenBetrayalPath")
            .WithSummary("Open a path: the kind, and whether you were hurt or broke trust; your partner is invited to join");
        path.MapGet("/{id:guid}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetBetrayalPath")
            .WithSummary("A path: your own writing and what your partner sent");
        path.MapPost("/{id:guid}", ActAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ActOnBetrayalPath")
            .WithSummary("Do one thing on the path, named by go (the same request as the page's form)");
    }

    private static async Task<Ok<BetrayalHubDto>> GetHubAsync(
        Resting resting,
        GetCoupleStatus status,
        ListBetrayals list,
        CancellationToken cancellationToken
    )
    {
        var rests = (await resting.StateAsync(cancellationToken)).Couple;
        var hasPartner = (await status.HandleAsync(cancellationToken)).Stage == CoupleStage.Together;
        return TypedResults.Ok(
            new BetrayalHubDto(
                rests,
                hasPartner,
                rests || !hasPartner
                    ? []
                    :
                    [
                        .. (await list.HandleAsync(cancellationToken)).Select(s => new BetrayalSummaryDto(
                            s.Id,
                            s.Kind,
                            s.IAmHurt,
                            s.OpenedAt,
                            s.Stage.ToString().ToLowerInvariant(),
                            s.WaitsOnMe
                        )),
                    ]
            )
        );
    }

    private static async Task<Results<Ok<BetrayalDto>, ProblemHttpResult>> OpenAsync(
        OpenBetrayalRequest request,
        OpenBetrayal open,
        FindBetrayal find,
        Resting resting,
        CancellationToken cancellationToken
    )
    {
        var outcome = await open.HandleAsync(request, cancellationToken);
        return outcome.Problem is { } problem
            ? ApiResults.Problem(problem)
            : await DtoAsync(outcome.Value, find, resting, cancellationToken);
    }

    private static Task<Results<Ok<BetrayalDto>, ProblemHttpResult>> GetAsync(
        Guid id,
        FindBetrayal find,
        Resting resting,
        CancellationToken cancellationToken
    ) => DtoAsync(id, find, resting, cancellationToken);

    private static async Task<Results<Ok<BetrayalDto>, ProblemHttpResult>> ActAsync(
        Guid id,
        BetrayalRequest request,
        ActOnBetrayal act,
        FindBetrayal find,
        Resting resting,
        CancellationToken cancellationToken
    ) =>
        (await act.HandleAsync(id, request, cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : await DtoAsync(id, find, resting, cancellationToken);

    private static async Task<Results<Ok<BetrayalDto>, ProblemHttpResult>> DtoAsync(
        Guid id,
        FindBetrayal find,
        Resting resting,
        CancellationToken cancellationToken
    )
    {
        if (await find.HandleAsync(id, cancellationToken) is not { } v)
        {
            return ApiResults.Problem(BetrayalStore.NotYours());
        }

        var stage = v.Stage.ToString().ToLowerInvariant();
        return TypedResults.Ok(
            (await resting.StateAsync(cancellationToken)).Couple
                ? new BetrayalDto(v.Id, "", v.IAmHurt, stage, true, false, false, false, null, null, null, null, [], [], [])
                : new BetrayalDto(
                    v.Id,
                    v.Kind,
                    v.IAmHurt,
                    stage,
                    false,
                    v.QuestionsOpen,
                    v.QuestionsPaused,
                    v.PartnerLimitsSet,
                    v.Feelings,
                    v.Acknowledgment,
                    v.MyLimits,
                    v.TheirLimits,
                    v.Questions,
                    v.Agreements,
                    v.Steps
                )
        );
    }
}
