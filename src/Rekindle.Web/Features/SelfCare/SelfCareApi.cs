using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.SelfCare;

public sealed record WeekLineDto(DateOnly Week, string Line);

/// <summary>The self-care page's view: the member's own log, goals and weeks, and the partner's shared lines only.</summary>
public sealed record SelfCareDto(
    DateOnly Today,
    DateOnly Day,
    DayEntry Entry,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<WeekSummary> Weeks,
    string? MyLineThisWeek,
    IReadOnlyList<WeekLineDto> PartnersLines,
    bool HasPartner
);

[Infrastructure.Api.ApiArea]
public static class SelfCareApi
{
    public static void MapSelfCareApi(this RouteGroupBuilder api)
    {
        var selfCare = api.MapGroup("/self-care").WithTags("SelfCare");

        // On the API group itself: in the /self-care group, "" would make the route "/api/v1/self-care/".
        api.MapGet("/self-care", GetAsync)
            .WithTags("SelfCare")
            .WithName("GetSelfCare")
            .WithSummary("Your self-care log for a day (today by default), goals and weekly averages");

        selfCare
            .MapPost("/days", LogDayAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("LogSelfCareDay")
            .WithSummary("Log or correct a day (today or the last 7); an empty entry removes it");

        selfCare
            .MapPost("/goals", AddGoalAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddSelfCareGoal")
            .WithSummary("Add a goal (at most three)");

        // Another member's goal id (or one already removed) is not found, and nothing changes.
        selfCare
            .MapDelete("/goals/{id:guid}", RemoveGoalAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RemoveSelfCareGoal")
            .WithSummary("Remove one of your goals");
    }

    private static async Task<Ok<SelfCareDto>> GetAsync(DateOnly? day, ViewSelfCare view, CancellationToken cancellationToken) =>
        TypedResults.Ok(Dto(await view.HandleAsync(day, cancellationToken)));

    private static async Task<Results<Ok<SelfCareDto>, ProblemHttpResult>> LogDayAsync(
        DayLogRequest request,
        LogSelfCareDay log,
        ViewSelfCare view,
        CancellationToken cancellationToken
    ) => await AfterAsync(await log.HandleAsync(request, cancellationToken), request.Day, view, cancellationToken);

    private static async Task<Results<Ok<SelfCareDto>, ProblemHttpResult>> AddGoalAsync(
        GoalRequest request,
        AddSelfCareGoal add,
        ViewSelfCare view,
        CancellationToken cancellationToken
    ) => await AfterAsync(await add.HandleAsync(request, cancellationToken), null, view, cancellationToken);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveGoalAsync(
        Guid id,
        RemoveSelfCareGoal remove,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await remove.HandleAsync(id, cancellationToken));

    private static async Task<Results<Ok<SelfCareDto>, ProblemHttpResult>> AfterAsync(
        Outcome<bool> outcome,
        DateOnly? day,
        ViewSelfCare view,
        CancellationToken cancellationToken
    ) =>
        outcome.Problem is { } problem ? ApiResults.Problem(problem) : TypedResults.Ok(Dto(await view.HandleAsync(day, cancellationToken)));

    private static SelfCareDto Dto(SelfCareView v) =>
        new(
            v.Today,
            v.Day,
            v.Entry,
            v.Goals,
            v.Weeks,
            v.MyLineThisWeek,
            v.PartnersLines.Select(l => new WeekLineDto(l.Week, l.Line)).ToList(),
            v.HasPartner
        );
}
