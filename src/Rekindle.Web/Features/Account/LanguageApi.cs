using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapGet("/language", async Task<Ok<LanguageDto>> (ChooseLanguage choose, Languages languages, CancellationToken cancellationToken) =>
                TypedResults.Ok(Dto(await choose.MineAsync(cancellationToken), languages)))
            .WithName("GetLanguage").WithSummary("The language and formats the member reads Rekindle in, and the ones offered");

        group.MapPut("/language", async Task<Results<Ok<LanguageDto>, ValidationProblem>> (LanguageRequest request, ChooseLanguage choose, Languages languages, CancellationToken cancellationToken) =>
            {
                var outcome = await choose.HandleAsync(request.Language, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto(outcome.Value, languages))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["language"] = [outcome.Error!] });
            })
            .WithName("SetLanguage").WithSummary("Choose one of the offered languages, or none (the client's own, else the default)");
    }

    private static LanguageDto Dto(string? chosen, Languages languages) =>
        new(chosen, languages.Default.Name, languages.All.Select(c => new LanguageChoiceDto(c.Name, Languages.NativeName(c))).ToList());
}
