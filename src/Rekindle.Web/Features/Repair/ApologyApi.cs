using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Repair;

/// <summary>How an apology reads, before it is sent: the whole, and each part with its own findings (decisions/0030).</summary>
public sealed record ApologyToneDto(SoftStartupDto Whole, SoftStartupDto Did, SoftStartupDto Effect, SoftStartupDto Will);

/// <summary>The apology builder: an apology is stored only when sent, shown to both, at most three a day (decisions/0016).</summary>
public static class ApologyApi
{
    public static void MapApologyApi(this RouteGroupBuilder repair)
    {
        // The same helper as the page's "check how it sounds": nothing is stored; it rests with the rest of repair.
        repair
            .MapPost("/apologies/check", CheckAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CheckApology")
            .WithSummary("Check how an apology reads before sending it: the whole, and each part; nothing is stored");

        repair
            .MapPost("/apologies", SendAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SendApology")
            .WithSummary("Send your partner an apology; you both see it under Repair");
    }

    internal static async Task<List<ApologyDto>> ListAsync(ListApologies apologies, CancellationToken cancellationToken) =>
        (await apologies.HandleAsync(cancellationToken))
            .Select(a => new ApologyDto(a.Text.Did, a.Text.Effect, a.Text.Will, a.SentAt, a.FromMe))
            .ToList();

    private static async Task<Results<Ok<ApologyToneDto>, ProblemHttpResult>> CheckAsync(
        SendApologyRequest request,
        CheckApology check,
        SoftStartup soft,
        CancellationToken cancellationToken
    )
    {
        SoftStartupDto Dto(ToneReading? part) => SoftStartupDto.From(part ?? soft.Nothing, soft);
        return ApiResults.From(await check.HandleAsync(request, cancellationToken), tone => new ApologyToneDto(
            Dto(tone.Whole),
            Dto(tone.Did),
            Dto(tone.Effect),
            Dto(tone.Will)
        ));
    }

    private static async Task<Results<Ok<List<ApologyDto>>, ProblemHttpResult>> SendAsync(
        SendApologyRequest request,
        SendApology send,
        ListApologies apologies,
        CancellationToken cancellationToken
    )
    {
        var outcome = await send.HandleAsync(request, cancellationToken);
        return outcome.Problem is { } problem
            ? ApiResults.Problem(problem)
            : TypedResults.Ok(await ListAsync(apologies, cancellationToken));
    }
}
