using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Guided;

/// <summary>The shared parts of a session as the API shows them: "done / not yet" only.</summary>
public sealed record SharedPartsDto(bool LessonDone, bool TogetherDone);

public sealed record TogetherDto(string Tool, string? Pick, string Title, string How, string Link);

public sealed record SessionLessonDto(
    string Key,
    string Title,
    string Area,
    string Summary,
    IReadOnlyList<string> Body,
    string? Professional,
    string Reflection,
    TogetherDto Together,
    LessonPartDto Alone,
    string Link
);

public sealed record SessionSummaryDto(
    int Week,
    DateOnly OpensOn,
    bool Open,
    bool Current,
    bool LookBack,
    string Key,
    string Title,
    SharedPartsDto Mine,
    bool Reflected,
    bool Checked,
    SharedPartsDto? Partner
);

public sealed record ProgramDto(
    bool Started,
    bool CanStart,
    string? Kind,
    string? Pace,
    DateOnly? FirstDay,
    int CurrentWeek,
    bool Finished,
    bool HasPartner,
    bool Resting,
    bool OfferSlowerPace,
    ReminderSettingsDto Reminders,
    IReadOnlyList<SessionSummaryDto> Sessions
);

public sealed record ReminderSettingsDto(bool On, int AfterDays);

/// <summary>One session with the member's own private parts (never the partner's).</summary>
public sealed record SessionDto(
    SessionSummaryDto Session,
    SessionLessonDto? Lesson,
    bool OfferAlonePart,
    bool TogetherOpen,
    string? Reflection,
    EndCheck? EndCheck,
    string RetakeLink,
    string ChangesLink
);

[ApiArea]
public static class GuidedApi
{
    public static void MapGuidedApi(this RouteGroupBuilder api)
    {
        var program = api.MapGroup("/program").WithTags("Program");

        api.MapGet("/program", GetAsync)
            .WithTags("Program")
            .WithName("GetProgram")
            .WithSummary("Your couple's program: the sessions in order and your parts");

        program
            .MapPost("/start", StartAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartProgram")
            .WithSummary("Start the program from your latest check (the partner sees the order of the sessions, never anyone's answers)");

        program
            .MapPut("/pace", PaceAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetProgramPace")
            .WithSummary("A session every week or every two weeks");

        program
            .MapPut("/reminders", RemindersAsync)
            .ProducesValidationProblem()
            .WithName("SetProgramReminders")
            .WithSummary("Turn the one gentle reminder on or off, and after how many days");

        program
            .MapPost("/next", NextAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartNextProgram")
            .WithSummary("After the last session: a next program, or one session a month");

        program
            .MapGet("/weeks/{week:int}", WeekAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetProgramWeek")
            .WithSummary("One open session, with your reflection and end check");

        program
            .MapPost("/weeks/{week:int}/lesson-done", LessonDoneAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ProgramLessonDone")
            .WithSummary("Mark the lesson read");

        program
            .MapPut("/weeks/{week:int}/reflection", ReflectionAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SaveProgramReflection")
            .WithSummary("Your private reflection (sealed, never shown to your partner); empty removes it");

        program
            .MapPost("/weeks/{week:int}/together-done", TogetherDoneAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ProgramTogetherDone")
            .WithSummary("Mark the together part (or the part for one) done");

        program
            .MapPut("/weeks/{week:int}/end-check", EndCheckAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SaveProgramEndCheck")
            .WithSummary("Your private end check: helpful, done together, closeness 1-5");
    }

    private static async Task<Ok<ProgramDto>> GetAsync(GetProgram program, CancellationToken cancellationToken) =>
        TypedResults.Ok(Dto(await program.HandleAsync(cancellationToken)));

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> StartAsync(
        StartProgramRequest request,
        StartProgram start,
        GetProgram program,
        CancellationToken cancellationToken
    ) => await AfterAsync(await start.HandleAsync(request, cancellationToken), program, cancellationToken);

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> PaceAsync(
        PaceRequest request,
        SetProgramPace pace,
        GetProgram program,
        CancellationToken cancellationToken
    ) => await AfterAsync(await pace.HandleAsync(request, cancellationToken), program, cancellationToken);

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> RemindersAsync(
        ProgramRemindersRequest request,
        SaveProgramReminders save,
        GetProgram program,
        CancellationToken cancellationToken
    ) => await AfterAsync(await save.HandleAsync(request, cancellationToken), program, cancellationToken);

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> NextAsync(
        NextProgramRequest request,
        StartNextProgram next,
        GetProgram program,
        CancellationToken cancellationToken
    ) => await AfterAsync(await next.HandleAsync(request, cancellationToken), program, cancellationToken);

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> WeekAsync(
        int week,
        GetProgramWeek get,
        CancellationToken cancellationToken
    ) =>
        await get.HandleAsync(week, markOpened: true, cancellationToken) is { } detail
            ? TypedResults.Ok(Dto(detail))
            : ApiResults.Problem(Problem.NotFound(Infrastructure.Localization.Text.Of("That session is not open in your program.")));

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> LessonDoneAsync(
        int week,
        TakeSessionStep step,
        GetProgramWeek get,
        CancellationToken cancellationToken
    ) => await AfterWeekAsync(await step.LessonDoneAsync(week, cancellationToken), week, get, cancellationToken);

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> ReflectionAsync(
        int week,
        ReflectionRequest request,
        TakeSessionStep step,
        GetProgramWeek get,
        CancellationToken cancellationToken
    ) => await AfterWeekAsync(await step.ReflectAsync(week, request, cancellationToken), week, get, cancellationToken);

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> TogetherDoneAsync(
        int week,
        TakeSessionStep step,
        GetProgramWeek get,
        CancellationToken cancellationToken
    ) => await AfterWeekAsync(await step.TogetherDoneAsync(week, cancellationToken), week, get, cancellationToken);

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> EndCheckAsync(
        int week,
        EndCheckRequest request,
        TakeSessionStep step,
        GetProgramWeek get,
        CancellationToken cancellationToken
    ) => await AfterWeekAsync(await step.EndCheckAsync(week, request, cancellationToken), week, get, cancellationToken);

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> AfterAsync(
        Outcome<bool> outcome,
        GetProgram program,
        CancellationToken cancellationToken
    ) => outcome.Problem is { } problem ? ApiResults.Problem(problem) : TypedResults.Ok(Dto(await program.HandleAsync(cancellationToken)));

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> AfterWeekAsync(
        Outcome<bool> outcome,
        int week,
        GetProgramWeek get,
        CancellationToken cancellationToken
    ) =>
        outcome.Problem is { } problem ? ApiResults.Problem(problem)
        : await get.HandleAsync(week, markOpened: false, cancellationToken) is { } detail ? TypedResults.Ok(Dto(detail))
        : ApiResults.Problem(Problem.NotFound(Infrastructure.Localization.Text.Of("That session is not open in your program.")));

    private static ProgramDto Dto(ProgramView v) =>
        new(
            v.Run is not null,
            v.Run is null && v.HasCheck,
            v.Run?.Kind == ProgramKind.Monthly ? "monthly"
                : v.Run is null ? null
                : "six-weeks",
            v.Run is null ? null : ProgramPace.Name(v.Run.EveryDays),
            v.Run?.FirstDay,
            v.CurrentWeek,
            v.Finished,
            v.HasPartner,
            v.Rest.Couple,
            v.OfferSlowerPace,
            new ReminderSettingsDto(v.NudgesOn, v.NudgeAfterDays),
            v.Sessions.Select(Summary).ToList()
        );

    private static SessionSummaryDto Summary(SessionView s) =>
        new(
            s.Week,
            s.OpensOn,
            s.Open,
            s.Current,
            s.LookBack,
            s.Lesson?.Key ?? ProgramRules.LookBack,
            GuidedWaiting.Title(s),
            new SharedPartsDto(s.Mine.LessonDone, s.Mine.TogetherDone),
            s.Reflected,
            s.Checked,
            s.Partner is { } p ? new SharedPartsDto(p.LessonDone, p.TogetherDone) : null
        );

    private static SessionDto Dto(SessionDetail d) =>
        new(
            Summary(d.Session),
            d.Session.Lesson is { } l
                ? new SessionLessonDto(
                    l.Key,
                    l.Title,
                    l.Area,
                    l.Summary,
                    l.Body,
                    l.Professional,
                    l.Reflection,
                    new TogetherDto(l.Together.Tool, l.Together.Pick, l.Together.Title, l.Together.How, ProgramRules.ToolLink(l.Together)),
                    new LessonPartDto(l.Alone.Title, l.Alone.How),
                    "/program/lessons/" + l.Key
                )
                : null,
            d.Session.OfferAlonePart,
            d.Session.TogetherOpen,
            d.Reflection,
            d.EndCheck,
            "/understand/check",
            "/understand/changes"
        );
}
