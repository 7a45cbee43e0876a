using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record IdeaDto(string Key, string Title, string? Description, string Cost, string Place, string? Energy, int? Minutes, string? Season, string? Category, bool Custom);

/// <summary>An idea with the member's own rating (love, like, no, or null): never the partner's.</summary>
public sealed record RatedIdeaDto(IdeaDto Idea, string? MyRating);

public sealed record IdeaPageDto(IReadOnlyList<RatedIdeaDto> Ideas, int Page, bool HasMore, int Rated, int Total);

/// <summary>The ideas you both loved or liked: the only thing either of you learns of the other's ratings.</summary>
public sealed record BothEnjoyDto(bool HasPartner, IReadOnlyList<IdeaDto> Ideas);

/// <summary>Rate an idea love, like or no; "clear" takes the rating back.</summary>
public sealed record RateIdeaRequest(string? Key, string? Rating);

public sealed record IdeaRatingDto(string Key, string? MyRating);

/// <summary>An idea of your own: a short name, home or out, and free, low, medium or high cost.</summary>
public sealed record AddIdeaRequest(string? Title, string? Place, string? Cost);

/// <summary>Date ideas as the ideas page offers them: filtered and paged, private ratings, the couple's own ideas.</summary>
public static class DateIdeasApi
{
    public static void MapDateIdeasApi(this RouteGroupBuilder api)
    {
        var ideas = api.MapGroup("/date-ideas").WithTags("TimeTogether");

        // Filters as on the page: an unknown value is simply no filter, a page out of range an empty page.
        api.MapGet("/date-ideas", async Task<Ok<IdeaPageDto>> (IdeaRatings ratings, CancellationToken cancellationToken,
                string? cost = null, string? place = null, string? energy = null, string? minutes = null, string? season = null, string? category = null, bool unrated = false, int page = 1) =>
            {
                var list = await ratings.ListAsync(IdeaFilter.From(cost, place, energy, minutes, season, category, unrated ? "1" : null), Math.Clamp(page, 1, 1000), cancellationToken);
                return TypedResults.Ok(new IdeaPageDto(list.Ideas.Select(i => new RatedIdeaDto(Dto(i.Idea), i.MyRating)).ToList(), list.Page, list.HasMore, list.Rated, list.Total));
            })
            .WithTags("TimeTogether").WithName("ListDateIdeas").WithSummary("Date ideas (yours first, then the library), 20 a page, with the page's filters and your own ratings");

        ideas.MapGet("/both-enjoy", async Task<Ok<BothEnjoyDto>> (IdeaRatings ratings, CancellationToken cancellationToken,
                string? cost = null, string? place = null, string? energy = null, string? minutes = null, string? season = null, string? category = null) =>
                TypedResults.Ok(await ratings.BothEnjoyAsync(IdeaFilter.From(cost, place, energy, minutes, season, category, null), cancellationToken) is { } both
                    ? new BothEnjoyDto(true, both.Select(Dto).ToList())
                    : new BothEnjoyDto(false, [])))
            .WithName("ListIdeasYouBothEnjoy").WithSummary("The ideas you both loved or liked; nothing else about your partner's ratings");

        ideas.MapPost("/ratings", async Task<Results<Ok<IdeaRatingDto>, ValidationProblem>> (RateIdeaRequest request, IdeaRatings ratings, CancellationToken cancellationToken) =>
            {
                var outcome = await ratings.RateAsync(request.Key, request.Rating, cancellationToken);
                if (!outcome.Succeeded)
                {
                    var field = outcome.Error!.Contains("idea", StringComparison.Ordinal) && !outcome.Error.Contains("couple space", StringComparison.Ordinal) ? "key"
                        : outcome.Error.StartsWith("Please choose", StringComparison.Ordinal) ? "rating" : "idea";
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [outcome.Error] });
                }

                return TypedResults.Ok(new IdeaRatingDto(request.Key!, request.Rating == "clear" ? null : request.Rating));
            })
            .WithName("RateDateIdea").WithSummary("Rate an idea privately (love, like, no; or clear)");

        api.MapPost("/date-ideas", async Task<Results<Ok<IdeaDto>, ValidationProblem>> (AddIdeaRequest request, IdeaRatings ratings, CancellationToken cancellationToken) =>
            {
                var outcome = await ratings.AddCustomAsync(request.Title, request.Place, request.Cost, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outcome.Error!.Contains("couple space", StringComparison.Ordinal) ? "idea" : "title"] = [outcome.Error] });
                }

                // The couple's own ideas come first, newest first: the one just added.
                return TypedResults.Ok(Dto((await ratings.CardsAsync(cancellationToken)).First(c => c.Custom)));
            })
            .WithTags("TimeTogether").WithName("AddDateIdea").WithSummary("Add an idea of your own; you both see it and rate it privately");
    }

    private static IdeaDto Dto(IdeaCard c) => new(c.Key, c.Title, c.Description, c.Cost, c.Place, c.Energy, c.Minutes, c.Season, c.Category, c.Custom);
}
