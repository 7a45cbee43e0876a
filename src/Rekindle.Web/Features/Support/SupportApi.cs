using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Support;

/// <summary>A suggestion as the support page gives it. Private ones come from the member's own answers and reach no one else.</summary>
public sealed record SuggestionDto(string Kind, string Title, string Why, string Audience, string Link);

public sealed record SupportDto(bool HasCheck, IReadOnlyList<SuggestionDto> Suggestions);

public sealed record DirectoryDto(int Count, IReadOnlyList<DirectoryEntry> Entries);

/// <summary>A part the summary can hold (check, map, self-care, pulse); unavailable says why there is nothing in it yet.</summary>
public sealed record SummaryPartDto(string Key, string Name, string About, string? Unavailable);

/// <summary>include: the part keys; format: pdf (the default) or html.</summary>
public sealed record SummaryRequest(IReadOnlyList<string>? Include, string? Format);

[Infrastructure.Api.ApiArea]
public static class SupportApi
{
    public static void MapSupportApi(this RouteGroupBuilder api)
    {
        var support = api.MapGroup("/support").WithTags("Support");

        api.MapGet("/support", GetSuggestionsAsync)
            .WithTags("Support")
            .WithName("GetSupportSuggestions")
            .WithSummary("Suggestions for professional help from your own answers (private) and the Couple Map you both shared");

        support
            .MapGet("/directory", SearchDirectory)
            .WithName("SearchSupportDirectory")
            .WithSummary("The directory of professionals and services: q (name, place or language), kind, mode (online or in-person)");

        support
            .MapGet("/summary", GetSummaryPartsAsync)
            .WithName("GetSummaryParts")
            .WithSummary("The parts a summary for a professional can hold, and whether each has anything in it yet");

        support
            .MapPost("/summary", MakeSummaryAsync)
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf", "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("MakeSummary")
            .WithSummary(
                "Make a summary for a professional of the parts you choose, as a PDF or an HTML file; it is noted in your security log"
            );
    }

    private static async Task<Ok<SupportDto>> GetSuggestionsAsync(GetMySupport mine, CancellationToken cancellationToken)
    {
        var view = await mine.HandleAsync(cancellationToken);
        return TypedResults.Ok(
            new SupportDto(
                view.HasCheck,
                view.Suggestions.Select(s =>
                    {
                        var key = SupportRules.KeyOf(s.Kind);
                        var link = SupportRules.LinkOf(s.Kind, "/api/v1/support/directory?kind=");
                        return new SuggestionDto(key, SupportRules.TitleOf(s.Kind), s.Why, s.Audience.ToString(), link);
                    })
                    .ToList()
            )
        );
    }

    // The page's own cleaning of the search: unknown kinds and modes are ignored, the text is cut to length.
    private static Ok<DirectoryDto> SearchDirectory(string? q, string? kind, string? mode, SupportDirectory directory)
    {
        var results = directory.Search(DirectoryQuery.From(q, kind, mode));
        return TypedResults.Ok(new DirectoryDto(results.Count, results));
    }

    private static async Task<Ok<List<SummaryPartDto>>> GetSummaryPartsAsync(
        ProfessionalSummary summary,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            (await summary.ChoicesAsync(cancellationToken)).Select(c => new SummaryPartDto(c.Key, c.Name, c.About, c.Unavailable)).ToList()
        );

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> MakeSummaryAsync(
        SummaryRequest request,
        ProfessionalSummary summary,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        if (ProfessionalSummary.FormatOf(request.Format) is not { } format)
        {
            return ApiResults.Problem(Problem.Invalid("format", Text.Of("Choose pdf or html.")));
        }

        var keys = (request.Include ?? []).Where(k => !string.IsNullOrEmpty(k)).Distinct().ToList();
        var (document, problem) = await summary.MakeAsync(keys, format, cancellationToken);
        if (document is null)
        {
            var message = ProfessionalSummary.Message(problem!.Code, problem.Part, await summary.ChoicesAsync(cancellationToken))
                ?? Text.Of("Please choose again.");
            return ApiResults.Problem(Problem.Invalid("include", message));
        }

        // Made like the page's: the same parts, and the same entry in the member's security log.
        return SupportFeature.SummaryFile(document, format, clock);
    }
}
