using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.TimeTogether;

public sealed record EveningWeekDto(DateOnly Day, DateTime StartsAt, bool Skipped);

/// <summary>The couple's weekly evening: a weekday and time in the zone of whoever set it; the next eight weeks with their skips.</summary>
public sealed record EveningDto(Guid Id, string Day, TimeOnly Time, int Minutes, string TimeZone, bool SetByMe, bool Agreed, IReadOnlyList<EveningWeekDto> Next);

/// <summary>Whether an evening can be planned (the partner has joined), the evening if there is one, and the lengths it may have.</summary>
public sealed record OurEveningDto(bool HasPartner, EveningDto? Evening, IReadOnlyList<int> Durations);

/// <summary>Propose the evening (or change it: the partner agrees again): a weekday (Monday…Sunday), a time (HH:mm), minutes.</summary>
public sealed record SetEveningRequest(string? Day, string? Time, int Minutes);

/// <summary>Skip one coming week's evening (yyyy-MM-dd), or with Skip false bring it back.</summary>
public sealed record SkipEveningRequest(string? Day, bool Skip);

/// <summary>"Our evening" as its page offers it: propose, agree, skip a week or bring it back, stop.</summary>
public static class EveningApi
{
    public static void MapEveningApi(this RouteGroupBuilder api)
    {
        var evening = api.MapGroup("/evening").WithTags("TimeTogether");

        api.MapGet("/evening", async Task<Ok<OurEveningDto>> (Evenings evenings, Pairing.CurrentMember current, CancellationToken cancellationToken) =>
                TypedResults.Ok(await DtoAsync(evenings, current, cancellationToken)))
            .WithTags("TimeTogether").WithName("GetOurEvening").WithSummary("Your weekly evening together, and the coming weeks");

        api.MapPost("/evening", (SetEveningRequest request, Evenings evenings, Pairing.CurrentMember current, CancellationToken cancellationToken) =>
                RunAsync(evenings, current, () => evenings.SetAsync(request.Day, request.Time, request.Minutes, cancellationToken), SetField, cancellationToken))
            .WithTags("TimeTogether").WithName("SetOurEvening").WithSummary("Propose your weekly evening, or change it (your partner agrees again)");

        evening.MapPost("/agree", (Evenings evenings, Pairing.CurrentMember current, CancellationToken cancellationToken) =>
                RunAsync(evenings, current, () => evenings.AgreeAsync(cancellationToken), _ => "evening", cancellationToken))
            .WithName("AgreeToOurEvening").WithSummary("Agree to the evening your partner proposed");

        evening.MapPost("/skips", (SkipEveningRequest request, Evenings evenings, Pairing.CurrentMember current, CancellationToken cancellationToken) =>
                RunAsync(evenings, current, () => evenings.SkipAsync(request.Day, request.Skip, cancellationToken), m => m.StartsWith("That evening", StringComparison.Ordinal) ? "day" : "evening", cancellationToken))
            .WithName("SkipOurEvening").WithSummary("Skip one coming week's evening, or bring it back");

        evening.MapPost("/stop", (Evenings evenings, Pairing.CurrentMember current, CancellationToken cancellationToken) =>
                RunAsync(evenings, current, () => evenings.StopAsync(cancellationToken), _ => "evening", cancellationToken))
            .WithName("StopOurEvening").WithSummary("Stop your weekly evening; you can set up a new one any time");
    }

    private static async Task<Results<Ok<OurEveningDto>, ValidationProblem>> RunAsync(
        Evenings evenings, Pairing.CurrentMember current, Func<Task<Infrastructure.Outcome<bool>>> change, Func<string, string> fieldOf, CancellationToken cancellationToken)
    {
        var outcome = await change();
        return outcome.Succeeded
            ? TypedResults.Ok(await DtoAsync(evenings, current, cancellationToken))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [fieldOf(outcome.Error!)] = [outcome.Error!] });
    }

    private static string SetField(string message) =>
        message.Contains("day of the week", StringComparison.Ordinal) ? "day"
        : message.Contains("time of day", StringComparison.Ordinal) ? "time"
        : message.Contains("how long", StringComparison.Ordinal) ? "minutes"
        : "evening";

    private static async Task<OurEveningDto> DtoAsync(Evenings evenings, Pairing.CurrentMember current, CancellationToken cancellationToken)
    {
        var e = await evenings.MineAsync(cancellationToken);
        var dto = e is null ? null : new EveningDto(e.Id, e.Day.ToString(), e.Time, e.Minutes, e.TimeZone, e.SetByMe, e.Agreed,
            e.Next.Select(n => new EveningWeekDto(n.Day, n.StartsAt, n.Skipped)).ToList());
        return new OurEveningDto(await current.PartnerIdAsync(cancellationToken) is not null, dto, EveningRules.Durations);
    }
}
