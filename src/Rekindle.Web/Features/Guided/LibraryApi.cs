using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Guided;

/// <summary>A lesson in the library's list: enough to choose one.</summary>
public sealed record LessonListItemDto(string Key, string Title, string Summary, string Area, string AreaName);

public sealed record LessonListDto(IReadOnlyList<LessonListItemDto> Lessons, int Count);

public sealed record LessonPartDto(string Title, string How);

/// <summary>
/// One lesson as the library page shows it. Resting: joint work rests for the member's couple (the same flag whatever the
/// reason, docs/TRUST.md T19); then Together is null and only the part for one person is given, and RestingNote is the calm
/// line a lesson that assumes safety opens with (null otherwise), pointing to SafetyLink.
/// </summary>
public sealed record LessonDto(
    string Key,
    string Title,
    string Area,
    string AreaName,
    IReadOnlyList<string> RootCauses,
    string Summary,
    IReadOnlyList<string> Body,
    string? Professional,
    string Reflection,
    LessonPartDto? Together,
    string? TogetherTool,
    LessonPartDto Alone,
    bool AssumesSafety,
    bool Resting,
    string? RestingNote,
    string SafetyLink
);

/// <summary>The lesson library (decisions/0043): read-only content for any signed-in member; nothing of the couple's.</summary>
[ApiArea]
public static class LibraryApi
{
    public static void MapLibraryApi(this RouteGroupBuilder api)
    {
        var lessons = api.MapGroup("/lessons").WithTags("Lessons");

        // The list is the group's own address (/api/v1/lessons), without a trailing slash.
        api.MapGet("/lessons", List)
            .WithTags("Lessons")
            .WithName("ListLessons")
            .WithSummary(
                "The lesson library: every lesson, or those matching q (all words, in title, summary, body, area and root causes) and area"
            );

        lessons
            .MapGet("/{key}", ReadAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetLesson")
            .WithSummary("One lesson: its text, the reflection, and what to do together or on your own");
    }

    private static Ok<LessonListDto> List(string? q, string? area, SearchLessons search)
    {
        var found = search.Handle(LessonQuery.From(q, area));
        return TypedResults.Ok(
            new LessonListDto(
                found.Select(l => new LessonListItemDto(l.Key, l.Title, l.Summary, l.Area, SearchLessons.AreaName(l.Area))).ToList(),
                found.Count
            )
        );
    }

    private static async Task<Results<Ok<LessonDto>, ProblemHttpResult>> ReadAsync(
        string key,
        ReadLesson read,
        SearchLessons search,
        CancellationToken cancellationToken
    ) =>
        ApiResults.From(await read.HandleAsync(key, cancellationToken), v => new LessonDto(
            v.Lesson.Key,
            v.Lesson.Title,
            v.Lesson.Area,
            SearchLessons.AreaName(v.Lesson.Area),
            v.Lesson.RootCauses.Select(search.RootCauseName).ToList(),
            v.Lesson.Summary,
            v.Lesson.Body,
            v.Lesson.Professional,
            v.Lesson.Reflection,
            v.ShowTogether ? new LessonPartDto(v.Lesson.Together.Title, v.Lesson.Together.How) : null,
            v.ShowTogether ? v.Lesson.Together.Tool : null,
            new LessonPartDto(v.Lesson.Alone.Title, v.Lesson.Alone.How),
            v.Lesson.AssumesSafety,
            v.Resting,
            v.ShowCalmLine
                ? Infrastructure.Localization.Text.Of("The exercises for two in this area are resting for now. Support comes first.")
                : null,
            Safety.SafetyResources.Path
        ));
}
