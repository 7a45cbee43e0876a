using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

/// <summary>One language the server offers: its culture name and its name in itself.</summary>
public sealed record LanguageChoiceDto(string Name, string NativeName);

/// <summary>The member's own choice (null: the client's Accept-Language, else the default), the default and the list.</summary>
public sealed record LanguageDto(string? Chosen, string Default, IReadOnlyList<LanguageChoiceDto> Offered);

/// <summary>A culture name from the offered list, or null or empty to go back to "no choice".</summary>
public sealed record LanguageRequest(string? Language);

/// <summary>/api/v1/me/language: the "Language and formats" setting of /account/security, over the same handler.</summary>
[Infrastructure.Api.ApiArea]
public static class LanguageApi
{
    public static void MapLanguageApi(this RouteGroupBuilder member)
    {
        var group = member.MapGroup("/me").WithTags("Account");
        group
            .MapGet("/language", GetAsync)
            .WithName("GetLanguage")
            .WithSummary("The language and formats the member reads Rekindle in, and the ones offered");

        group
            .MapPut("/language", SetAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .WithName("SetLanguage")
            .WithSummary("Choose one of the offered languages, or none (the client's own, else the default)");
    }

    private static async Task<Ok<LanguageDto>> GetAsync(GetMyLanguage mine, Languages languages, CancellationToken cancellationToken) =>
        TypedResults.Ok(Dto(await mine.HandleAsync(cancellationToken), languages));

    private static async Task<Results<Ok<LanguageDto>, ProblemHttpResult>> SetAsync(
        LanguageRequest request,
        ChooseLanguage choose,
        Languages languages,
        CancellationToken cancellationToken
    ) => ApiResults.From(await choose.HandleAsync(request, cancellationToken), chosen => Dto(chosen, languages));

    private static LanguageDto Dto(string? chosen, Languages languages) =>
        new(chosen, languages.Default.Name, languages.All.Select(c => new LanguageChoiceDto(c.Name, Languages.NativeName(c))).ToList());
}
