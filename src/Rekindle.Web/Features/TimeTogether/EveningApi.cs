using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record EveningWeekDto(DateOnly Day, DateTime StartsAt, bool Skipped);

/// <summary>The couple's weekly evening: a weekday and time in the zone of whoever set it; the next eight weeks with their skips.</summary>
public sealed record EveningDto(
    Guid Id,
    string Day,
    TimeOnly Time,
    int Minutes,
    string TimeZone,
    bool SetByMe,
    bool Agreed,
    IReadOnlyList<EveningWeekDto> Next
);

/// <summary>Whether an evening can be planned (the partner has joined), the evening if there is one, and the lengths it may have.</summary>
public sealed record OurEveningDto(bool HasPartner, EveningDto? Evening, IReadOnlyList<int> Durations);

/// <summary>"Our evening" as its page offers it: propose, agree, skip a week or bring it back, stop.</summary>
public static class EveningApi
{
    public static void MapEveningApi(this RouteGroupBuilder api)
    {
        var evening = api.MapGroup("/evening").WithTags("TimeTogether");

        api.MapGet("/evening", GetAsync)
            .WithTags("TimeTogether")
            .WithName("GetOurEvening")
            .WithSummary("Your weekly evening together, and the coming weeks");

        api.MapPost("/evening", SetAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("TimeTogether")
            .WithName("SetOurEvening")
            .WithSummary("Propose your weekly evening, or change it (your partner agrees again)");

        evening
            .MapPost("/agree", AgreeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AgreeToOurEvening")
            .WithSummary("Agree to the evening your partner proposed");

        evening
            .MapPost("/skips", SkipAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SkipOurEvening")
            .WithSummary("Skip one coming week's evening, or bring it back");

        evening
            .MapPost("/stop", StopAsync)
            .WithName("StopOurEvening")
            .WithSummary("Stop your weekly evening; you can set up a new one any time");
    }

    private static async Task<Ok<OurEveningDto>> GetAsync(GetOurEvening get, CurrentMember current, CancellationToken cancellationToken) =>
        TypedResults.Ok(await DtoAsync(get, current, cancellationToken));

    private static async Task<Results<Ok<OurEveningDto>, ProblemHttpResult>> SetAsync(
        SetEveningRequest request,
        SetOurEvening handler,
        GetOurEvening get,
        CurrentMember current,
        CancellationToken cancellationToken
    ) => await AnswerAsync(await handler.HandleAsync(request, cancellationToken), get, current, cancellationToken);

    private static async Task<Results<Ok<OurEveningDto>, ProblemHttpResult>> AgreeAsync(
        AgreeToOurEvening handler,
        GetOurEvening get,
        CurrentMember current,
        CancellationToken cancellationToken
    ) => await AnswerAsync(await handler.HandleAsync(cancellationToken), get, current, cancellationToken);

    private static async Task<Results<Ok<OurEveningDto>, ProblemHttpResult>> SkipAsync(
        SkipEveningRequest request,
        SkipOurEvening handler,
        GetOurEvening get,
        CurrentMember current,
        CancellationToken cancellationToken
    ) => await AnswerAsync(await handler.HandleAsync(request, cancellationToken), get, current, cancellationToken);

    private static async Task<Results<Ok<OurEveningDto>, ProblemHttpResult>> StopAsync(
        StopOurEvening handler,
        GetOurEvening get,
        CurrentMember current,
        CancellationToken cancellationToken
    ) => await AnswerAsync(await handler.HandleAsync(cancellationToken), get, current, cancellationToken);

    /// <summary>The evening as it is now, or the problem.</summary>
    private static async Task<Results<Ok<OurEveningDto>, ProblemHttpResult>> AnswerAsync(
        Outcome<bool> outcome,
        GetOurEvening get,
        CurrentMember current,
        CancellationToken cancellationToken
    ) => outcome.Problem is { } problem ? ApiResults.Problem(problem) : TypedResults.Ok(await DtoAsync(get, current, cancellationToken));

    private static async Task<OurEveningDto> DtoAsync(GetOurEvening get, CurrentMember current, CancellationToken cancellationToken)
    {
        var e = await get.HandleAsync(cancellationToken);
        var dto = e is null
            ? null
            : new EveningDto(
                e.Id,
                e.Day.ToString(),
                e.Time,
                e.Minutes,
                e.TimeZone,
                e.SetByMe,
                e.Agreed,
                e.Next.Select(n => new EveningWeekDto(n.Day, n.StartsAt, n.Skipped)).ToList()
            );
        return new OurEveningDto(await current.PartnerIdAsync(cancellationToken) is not null, dto, EveningRules.Durations);
    }
}
