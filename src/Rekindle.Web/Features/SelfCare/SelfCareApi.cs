using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.SelfCare;

public sealed record WeekLineDto(DateOnly Week, string Line);

/// <summary>The self-care page's view: the member's own log, goals and weeks, and the partner's shared lines only.</summary>
public sealed record SelfCareDto(
    DateOnly Today, DateOnly Day, DayEntry Entry, IReadOnlyList<GoalView> Goals, IReadOnlyList<WeekSummary> Weeks,
    string? MyLineThisWeek, IReadOnlyList<WeekLineDto> PartnersLines, bool HasPartner);

public sealed record DayLogRequest(DateOnly Day, decimal? SleepHours, int? MovementMinutes, int? Eating, int? Stress, int? Mood, string? Note);

/// <summary>A goal as the page's form takes it: metric (sleep, movement, eating, stress, mood), direction (atleast or atmost), value, days a week.</summary>
public sealed record GoalRequest(string? Metric, string? Direction, decimal? Value, int? DaysPerWeek);

[Infrastructure.Api.ApiArea]
public static class SelfCareApi
{
    public static void MapSelfCareApi(this RouteGroupBuilder api)
    {
        var selfCare = api.MapGroup("/self-care").WithTags("SelfCare");

        // On the API group itself: in the /self-care group, "" would make the route "/api/v1/self-care/".
        api.MapGet("/self-care", async Task<Ok<SelfCareDto>> (DateOnly? day, SelfCareJournal journal, CancellationToken cancellationToken) =>
                TypedResults.Ok(Dto(await journal.ViewAsync(day, cancellationToken))))
            .WithTags("SelfCare").WithName("GetSelfCare").WithSummary("Your self-care log for a day (today by default), goals and weekly averages");

        selfCare.MapPost("/days", async Task<Results<Ok<SelfCareDto>, ValidationProblem>> (DayLogRequest request, SelfCareJournal journal, CancellationToken cancellationToken) =>
            {
                // The same reading and checks as the page's form.
                var (entry, problem) = SelfCareRules.Read(S(request.SleepHours), S(request.MovementMinutes), S(request.Eating), S(request.Stress), S(request.Mood), request.Note);
                if (problem is not null)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["entry"] = [problem] });
                }

                var outcome = await journal.LogAsync(request.Day, entry, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto(await journal.ViewAsync(request.Day, cancellationToken)))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["day"] = [outcome.Error!] });
            })
            .WithName("LogSelfCareDay").WithSummary("Log or correct a day (today or the last 7); an empty entry removes it");

        selfCare.MapPost("/goals", async Task<Results<Ok<SelfCareDto>, ValidationProblem>> (GoalRequest request, SelfCareJournal journal, CancellationToken cancellationToken) =>
            {
                if (SelfCareRules.GoalProblem(request.Metric, request.Direction, S(request.Value), S(request.DaysPerWeek), out var goal) is { } problem)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["goal"] = [problem] });
                }

                var outcome = await journal.AddGoalAsync(goal!, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto(await journal.ViewAsync(null, cancellationToken)))
                    : TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["goal"] = [outcome.Error!] });
            })
            .WithName("AddSelfCareGoal").WithSummary("Add a goal (at most three)");

        // Another member's goal id (or one already removed) is not found, and nothing changes.
        selfCare.MapDelete("/goals/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, SelfCareJournal journal, CancellationToken cancellationToken) =>
                (await journal.RemoveGoalAsync(id, cancellationToken)) is { Succeeded: true } ? TypedResults.NoContent() : Talk.TalkApi.NotFound("That goal wasn't found. It may already be removed."))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RemoveSelfCareGoal").WithSummary("Remove one of your goals");
    }

    private static string? S(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? S(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static SelfCareDto Dto(SelfCareView v) => new(
        v.Today, v.Day, v.Entry, v.Goals, v.Weeks, v.MyLineThisWeek, v.PartnersLines.Select(l => new WeekLineDto(l.Week, l.Line)).ToList(), v.HasPartner);
}
