using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>A date as the member sees it (Dates.ListAsync): times in UTC, the reflection's partner part only once they wrote theirs.</summary>
public sealed record DateDto(
    Guid Id, string Title, string? IdeaKey, int Minutes, string Status, bool ProposedByMe, DateTime? StartsAt,
    IReadOnlyList<OptionView> Options, ReflectionView? Reflection);

/// <summary>A date to propose: times as on the page, a local day (yyyy-MM-dd) and time (HH:mm) in the member's own zone.</summary>
public sealed record ProposeDateRequest(string? Title, string? IdeaKey, int Minutes, IReadOnlyList<TimeInput>? Times);

public sealed record AcceptDateRequest(Guid OptionId);

/// <summary>Another time for a proposed date, or a move of an agreed one: a local day (yyyy-MM-dd) and time (HH:mm) in the member's zone.</summary>
public sealed record SuggestTimeRequest(string? Day, string? Time);

/// <summary>After the date has begun: wonderful, good, okay or hard, and an optional highlight. The partner sees it once they wrote theirs.</summary>
public sealed record ReflectRequest(string? Rating, string? Highlight);

public sealed record WeekTogetherDto(DateOnly Week, bool Together);

[Infrastructure.Api.ApiArea]
public static class DatesApi
{
    public static void MapDatesApi(this RouteGroupBuilder api)
    {
        var dates = api.MapGroup("/dates").WithTags("TimeTogether");

        api.MapGet("/dates", async Task<Ok<List<DateDto>>> (Dates handler, CancellationToken cancellationToken) =>
                TypedResults.Ok((await handler.ListAsync(cancellationToken)).Select(Dto).ToList()))
            .WithTags("TimeTogether").WithName("ListDates").WithSummary("Your couple's dates, proposed and agreed");

        api.MapPost("/dates", async Task<Results<Ok<DateDto>, ValidationProblem>> (ProposeDateRequest request, Dates handler, CancellationToken cancellationToken) =>
            {
                var outcome = await handler.ProposeAsync(request.Title, request.IdeaKey, request.Minutes, request.Times ?? [], cancellationToken);
                return outcome.Succeeded && await handler.FindAsync(outcome.Value, cancellationToken) is { } date
                    ? TypedResults.Ok(Dto(date))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FieldOf(outcome.Error)] = [outcome.Error ?? "Please look again."] });
            })
            .WithTags("TimeTogether").WithName("ProposeDate").WithSummary("Propose a date with one or more times");

        dates.MapPost("/{id:guid}/accept", async Task<Results<Ok<DateDto>, ValidationProblem, ProblemHttpResult>> (
                Guid id, AcceptDateRequest request, Dates handler, CancellationToken cancellationToken) =>
            {
                // Another couple's date is simply not found (Dates starts from the current member).
                if (await handler.FindAsync(id, cancellationToken) is null)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "That date is not one of your couple's.");
                }

                var outcome = await handler.AcceptAsync(id, request.OptionId, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto((await handler.FindAsync(id, cancellationToken))!))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["optionId"] = [outcome.Error!] });
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("AcceptDate").WithSummary("Accept one of the times your partner offered");

        dates.MapGet("/{id:guid}", async Task<Results<Ok<DateDto>, ProblemHttpResult>> (Guid id, Dates handler, CancellationToken cancellationToken) =>
                await handler.FindAsync(id, cancellationToken) is { } date ? TypedResults.Ok(Dto(date)) : NotFound())
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetDate").WithSummary("One of your couple's dates, with its times and the after-date reflection");

        dates.MapPost("/{id:guid}/suggest", (Guid id, SuggestTimeRequest request, Dates handler, CancellationToken cancellationToken) =>
                ChangeAsync(id, handler, () => handler.SuggestAsync(id, new TimeInput(request.Day, request.Time), cancellationToken), TimeField, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SuggestDateTime").WithSummary("Suggest another time for a proposed date, or move an agreed one; your partner accepts it");

        dates.MapPost("/{id:guid}/cancel", (Guid id, Dates handler, CancellationToken cancellationToken) =>
                ChangeAsync(id, handler, () => handler.CancelAsync(id, cancellationToken), _ => "date", cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("CancelDate").WithSummary("Cancel a date; your partner sees it too");

        dates.MapPost("/{id:guid}/reflection", (Guid id, ReflectRequest request, Dates handler, CancellationToken cancellationToken) =>
                ChangeAsync(id, handler, () => handler.ReflectAsync(id, request.Rating, request.Highlight, cancellationToken), ReflectionField, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ReflectOnDate").WithSummary("Say how the date was; editable until you have both written yours");

        dates.MapGet("/weeks", async Task<Ok<List<WeekTogetherDto>>> (Dates handler, CancellationToken cancellationToken) =>
                TypedResults.Ok((await handler.WeeksTogetherAsync(Evenings.WeeksShown, cancellationToken)).Select(w => new WeekTogetherDto(w.Week, w.Together)).ToList()))
            .WithName("GetWeeksTogether").WithSummary("The last eight weeks (in your time zone), each with whether you had a date or your evening");

        api.MapDateIdeasApi();
        api.MapEveningApi();
        api.MapCalendarFeedApi();
    }

    /// <summary>Runs one change to a date of the member's couple: another couple's date is not found; the handler's message is a validation problem.</summary>
    private static async Task<Results<Ok<DateDto>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid id, Dates handler, Func<Task<Infrastructure.Outcome<bool>>> change, Func<string, string> fieldOf, CancellationToken cancellationToken)
    {
        if (await handler.FindAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var outcome = await change();
        return outcome.Succeeded
            ? TypedResults.Ok(Dto((await handler.FindAsync(id, cancellationToken))!))
            : TypedResults.ValidationProblem(new Dictionary<string, string[]> { [fieldOf(outcome.Error!)] = [outcome.Error!] });
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "That date is not one of your couple's.");

    private static string TimeField(string message) =>
        message.Contains("day for each", StringComparison.Ordinal) ? "day"
        : message.StartsWith("That date", StringComparison.Ordinal) || message.StartsWith("Your partner changed", StringComparison.Ordinal) ? "date"
        : "time";

    private static string ReflectionField(string message) =>
        message.Contains("how it was", StringComparison.Ordinal) ? "rating"
        : message.StartsWith("Please keep", StringComparison.Ordinal) || message.Contains("your text", StringComparison.Ordinal) ? "highlight"
        : "date";

    /// <summary>Which field the handler's message is about, so a client can show it beside it.</summary>
    private static string FieldOf(string? message) => message switch
    {
        null => "date",
        _ when message.Contains("name", StringComparison.OrdinalIgnoreCase) || message.Contains("characters", StringComparison.OrdinalIgnoreCase) => "title",
        _ when message.Contains("minute", StringComparison.OrdinalIgnoreCase) || message.Contains("long", StringComparison.OrdinalIgnoreCase) => "minutes",
        _ when message.Contains("time", StringComparison.OrdinalIgnoreCase) || message.Contains("day", StringComparison.OrdinalIgnoreCase) => "times",
        _ => "date",
    };

    private static DateDto Dto(DateView d) =>
        new(d.Id, d.Title, d.IdeaKey, d.Minutes, d.Status.ToString(), d.ProposedByMe, d.StartsAt, d.Options, d.Reflection);
}
