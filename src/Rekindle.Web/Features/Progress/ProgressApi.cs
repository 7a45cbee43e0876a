using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.Progress;

public sealed record WeekTogetherDto(DateOnly Week, bool Together);

public sealed record WeekCountDto(DateOnly Week, int Count);

/// <summary>
/// The progress page's numbers (GetProgress): the pulse (the partner's only where both did that
/// week's check-in), weeks with a date, questions both answered, the member's own checks and plan.
/// The Couple Map itself stays on its own page; here only whether it is ready.
/// </summary>
public sealed record ProgressDto(
    bool InCouple,
    bool HasPartner,
    IReadOnlyList<PulseWeek> Pulses,
    IReadOnlyList<WeekTogetherDto> WeeksTogether,
    IReadOnlyList<WeekCountDto> AnsweredTogether,
    IReadOnlyList<DateTime> ChecksCompletedAt,
    IReadOnlyList<PlanWeekDone> Plan,
    bool MapReady
);

[Infrastructure.Api.ApiArea]
public static class ProgressApi
{
    public static void MapProgressApi(this RouteGroupBuilder api) =>
        api.MapGet("/progress", GetProgressAsync)
            .WithTags("Progress")
            .WithName("GetProgress")
            .WithSummary("Your progress: the same numbers as the progress page");

    private static async Task<Ok<ProgressDto>> GetProgressAsync(GetProgress progress, CancellationToken cancellationToken)
    {
        var v = await progress.HandleAsync(cancellationToken);
        return TypedResults.Ok(
            new ProgressDto(
                v.InCouple,
                v.HasPartner,
                v.Pulses,
                v.WeeksTogether.Select(w => new WeekTogetherDto(w.Week, w.Together)).ToList(),
                v.AnsweredTogether.Select(w => new WeekCountDto(w.Week, w.Count)).ToList(),
                v.Checks.Select(c => c.CompletedAt).ToList(),
                v.Plan,
                v.Map is not null
            )
        );
    }
}
