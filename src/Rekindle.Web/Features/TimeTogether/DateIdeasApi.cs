using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record IdeaDto(
    string Key,
    string Title,
    string? Description,
    string Cost,
    string Place,
    string? Energy,
    int? Minutes,
    string? Season,
    string? Category,
    bool Custom
);

/// <summary>An idea with the member's own rating (love, like, no, or null): never the partner's.</summary>
public sealed record RatedIdeaDto(IdeaDto Idea, string? MyRating);

public sealed record IdeaPageDto(IReadOnlyList<RatedIdeaDto> Ideas, int Page, bool HasMore, int Rated, int Total);

/// <summary>The ideas you both loved or liked: the only thing either of you learns of the other's ratings.</summary>
public sealed record BothEnjoyDto(bool HasPartner, IReadOnlyList<IdeaDto> Ideas);

public sealed record IdeaRatingDto(string Key, string? MyRating);

/// <summary>Date ideas as the ideas page offers them: filtered and paged, private ratings, the couple's own ideas.</summary>
public static class DateIdeasApi
{
    public static void MapDateIdeasApi(this RouteGroupBuilder api)
    {
        var ideas = api.MapGroup("/date-ideas").WithTags("TimeTogether");

        api.MapGet("/date-ideas", ListAsync)
            .WithTags("TimeTogether")
            .WithName("ListDateIdeas")
            .WithSummary("Date ideas (yours first, then the library), 20 a page, with the page's filters and your own ratings");

        ideas
            .MapGet("/both-enjoy", BothEnjoyAsync)
            .WithName("ListIdeasYouBothEnjoy")
            .WithSummary("The ideas you both loved or liked; nothing else about your partner's ratings");

        ideas
            .MapPost("/ratings", RateAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RateDateIdea")
            .WithSummary("Rate an idea privately (love, like, no; or clear)");

        api.MapPost("/date-ideas", AddAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("TimeTogether")
            .WithName("AddDateIdea")
            .WithSummary("Add an idea of your own; you both see it and rate it privately");
    }

    // Filters as on the page: an unknown value is simply no filter, a page out of range an empty page.
    private static async Task<Ok<IdeaPageDto>> ListAsync(
        ListDateIdeas handler,
        CancellationToken cancellationToken,
        string? cost = null,
        string? place = null,
        string? energy = null,
        string? minutes = null,
        string? season = null,
        string? category = null,
        bool unrated = false,
        int page = 1
    )
    {
        var list = await handler.HandleAsync(
            IdeaFilter.From(cost, place, energy, minutes, season, category, unrated ? "1" : null),
            page,
            cancellationToken
        );
        return TypedResults.Ok(
            new IdeaPageDto(
                list.Ideas.Select(i => new RatedIdeaDto(Dto(i.Idea), i.MyRating)).ToList(),
                list.Page,
                list.HasMore,
                list.Rated,
                list.Total
            )
        );
    }

    private static async Task<Ok<BothEnjoyDto>> BothEnjoyAsync(
        ListIdeasBothEnjoy handler,
        CancellationToken cancellationToken,
        string? cost = null,
        string? place = null,
        string? energy = null,
        string? minutes = null,
        string? season = null,
        string? category = null
    ) =>
        TypedResults.Ok(
            await handler.HandleAsync(IdeaFilter.From(cost, place, energy, minutes, season, category, null), cancellationToken) is { } both
                ? new BothEnjoyDto(true, both.Select(Dto).ToList())
                : new BothEnjoyDto(false, [])
        );

    private static async Task<Results<Ok<IdeaRatingDto>, ProblemHttpResult>> RateAsync(
        RateIdeaRequest request,
        RateDateIdea handler,
        CancellationToken cancellationToken
    ) =>
        ApiResults.From(await handler.HandleAsync(request, cancellationToken), _ => new IdeaRatingDto(
            request.Key!,
            request.Rating == "clear" ? null : request.Rating
        ));

    private static async Task<Results<Ok<IdeaDto>, ProblemHttpResult>> AddAsync(
        AddIdeaRequest request,
        AddDateIdea handler,
        CancellationToken cancellationToken
    ) => ApiResults.From(await handler.HandleAsync(request, cancellationToken), Dto);

    private static IdeaDto Dto(IdeaCard c) =>
        new(c.Key, c.Title, c.Description, c.Cost, c.Place, c.Energy, c.Minutes, c.Season, c.Category, c.Custom);
}
