using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>A date as the member sees it (ListDates): times in UTC, the reflection's partner part only once they wrote theirs.</summary>
public sealed record DateDto(
    Guid Id,
    string Title,
    string? IdeaKey,
    int Minutes,
    string Status,
    bool ProposedByMe,
    DateTime? StartsAt,
    IReadOnlyList<OptionView> Options,
    ReflectionView? Reflection
);

public sealed record WeekTogetherDto(DateOnly Week, bool Together);

/// <summary>Dates as their pages offer them: propose, accept, suggest another time, cancel, say how it went.</summary>
[Infrastructure.Api.ApiArea]
public static class DatesApi
{
    public static void MapDatesApi(this RouteGroupBuilder api)
    {
        var dates = api.MapGroup("/dates").WithTags("TimeTogether");

        api.MapGet("/dates", ListAsync)
            .WithTags("TimeTogether")
            .WithName("ListDates")
            .WithSummary("Your couple's dates, proposed and agreed");

        api.MapPost("/dates", ProposeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("TimeTogether")
            .WithName("ProposeDate")
            .WithSummary("Propose a date with one or more times");

        dates
            .MapPost("/{id:guid}/accept", AcceptAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AcceptDate")
            .WithSummary("Accept one of the times your partner offered");

        dates
            .MapGet("/{id:guid}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetDate")
            .WithSummary("One of your couple's dates, with its times and the after-date reflection");

        dates
            .MapPost("/{id:guid}/suggest", SuggestAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SuggestDateTime")
            .WithSummary("Suggest another time for a proposed date, or move an agreed one; your partner accepts it");

        dates
            .MapPost("/{id:guid}/cancel", CancelAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CancelDate")
            .WithSummary("Cancel a date; your partner sees it too");

        dates
            .MapPost("/{id:guid}/reflection", ReflectAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReflectOnDate")
            .WithSummary("Say how the date was; editable until you have both written yours");

        dates
            .MapGet("/weeks", WeeksAsync)
            .WithName("GetWeeksTogether")
            .WithSummary("The last eight weeks (in your time zone), each with whether you had a date or your evening");

        api.MapDateIdeasApi();
        api.MapEveningApi();
        api.MapCalendarFeedApi();
    }

    private static async Task<Ok<List<DateDto>>> ListAsync(ListDates handler, CancellationToken cancellationToken) =>
        TypedResults.Ok((await handler.HandleAsync(cancellationToken)).Select(Dto).ToList());

    private static async Task<Results<Ok<DateDto>, ProblemHttpResult>> ProposeAsync(
        ProposeDateRequest request,
        ProposeDate handler,
        CancellationToken cancellationToken
    ) => ApiResults.From(await handler.HandleAsync(request, cancellationToken), Dto);

    private static async Task<Results<Ok<DateDto>, ProblemHttpResult>> AcceptAsync(
        Guid id,
        AcceptDateRequest request,
        AcceptDateTime handler,
        CancellationToken cancellationToken
    ) => ApiResults.From(await handler.HandleAsync(id, request, cancellationToken), Dto);

    private static async Task<Results<Ok<DateDto>, ProblemHttpResult>> GetAsync(
        Guid id,
        GetDate handler,
        CancellationToken cancellationToken
    ) =>
        await handler.HandleAsync(id, cancellationToken) is { } date
            ? TypedResults.Ok(Dto(date))
            : ApiResults.Problem(DateStore.NotYours());

    private static async Task<Results<Ok<DateDto>, ProblemHttpResult>> SuggestAsync(
        Guid id,
        SuggestTimeRequest request,
        SuggestDateTime handler,
        CancellationToken cancellationToken
    ) => ApiResults.From(await handler.HandleAsync(id, request, cancellationToken), Dto);

    private static async Task<Results<Ok<DateDto>, ProblemHttpResult>> CancelAsync(
        Guid id,
        CancelDate handler,
        CancellationToken cancellationToken
    ) => ApiResults.From(await handler.HandleAsync(id, cancellationToken), Dto);

    private static async Task<Results<Ok<DateDto>, ProblemHttpResult>> ReflectAsync(
        Guid id,
        ReflectRequest request,
        ReflectOnDate handler,
        CancellationToken cancellationToken
    ) => ApiResults.From(await handler.HandleAsync(id, request, cancellationToken), Dto);

    private static async Task<Ok<List<WeekTogetherDto>>> WeeksAsync(GetWeeksTogether handler, CancellationToken cancellationToken) =>
        TypedResults.Ok(
            (await handler.HandleAsync(EveningStore.WeeksShown, cancellationToken))
                .Select(w => new WeekTogetherDto(w.Week, w.Together))
                .ToList()
        );

    private static DateDto Dto(DateView d) =>
        new(d.Id, d.Title, d.IdeaKey, d.Minutes, d.Status.ToString(), d.ProposedByMe, d.StartsAt, d.Options, d.Reflection);
}
