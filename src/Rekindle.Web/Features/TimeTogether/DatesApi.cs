using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>A date as the member sees it (Dates.ListAsync): times in UTC, the reflection's partner part only once they wrote theirs.</summary>
public sealed record DateDto(
    Guid Id, string Title, string? IdeaKey, int Minutes, string Status, bool ProposedByMe, DateTime? StartsAt,
    IReadOnlyList<OptionView> Options, ReflectionView? Reflection);

/// <summary>A date to propose: times as on the page, a local day (yyyy-MM-dd) and time (HH:mm) in the member's own zone.</summary>
public sealed record ProposeDateRequest(string? Title, string? IdeaKey, int Minutes, IReadOnlyList<TimeInput>? Times);

public sealed record AcceptDateRequest(Guid OptionId);

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
    }

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
