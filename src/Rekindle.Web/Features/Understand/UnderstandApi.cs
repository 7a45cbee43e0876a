using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Understand;

public sealed record CheckQuestionDto(string Id, string Text, IReadOnlyList<string> Answers);

public sealed record CheckPartDto(string Key, string Kind, string Name, string About, IReadOnlyList<CheckQuestionDto> Questions);

/// <summary>The Rough Patch Check as the check page asks it: the parts in order, each answer by its position (0 to 4; -1 for a question of
/// a part skipped for now), and the member's answers so far.</summary>
public sealed record CheckDto(
    IReadOnlyList<CheckPartDto> Parts,
    Guid? InProgressId,
    IReadOnlyDictionary<string, int> Answers,
    string? NextPart,
    int Finished
);

public sealed record CheckPartSavedDto(bool Finished, string? NextPart);

public sealed record DomainScoreDto(string Key, string Name, int Score, string Level, string? StrainedNote);

/// <summary>Only for the member who raised it (decision 0010): where support is, and that the partner is not told.</summary>
public sealed record SafetyNoteDto(string Note, string Link, IReadOnlyList<SafetyService> Services);

/// <summary>Only for the member whose own wellbeing answers point to hopelessness: where to talk to someone now.</summary>
public sealed record CrisisNoteDto(string Note, string Link);

/// <summary>
/// A finished check as the results page shows it to its owner: never to the partner. SafetySkipped: the safety part was left
/// for later and can be answered now (POST check/parts/safety with this check's id as attemptId).
/// </summary>
public sealed record CheckResultDto(
    Guid Id,
    DateTime CompletedAt,
    IReadOnlyList<DomainScoreDto> Domains,
    int Satisfaction,
    int Wellbeing,
    bool WellbeingSuggestsSupport,
    SafetyNoteDto? Safety,
    bool SafetySkipped = false,
    CrisisNoteDto? Crisis = null
);

public sealed record CheckHistoryItemDto(Guid Id, DateTime CompletedAt, int Satisfaction);

/// <summary>RetakeDue: it has been long enough since the latest check (Understand:RetakeAfterDays) that taking it again would show what
/// changed.</summary>
public sealed record ResultsDto(
    CheckResultDto? Latest,
    IReadOnlyList<CheckHistoryItemDto> History,
    bool CheckInProgress,
    bool RetakeDue,
    CoupleMapDto Map
);

public sealed record MapRowDto(
    string Domain,
    string Name,
    int Mine,
    int Theirs,
    string MyLevel,
    string TheirLevel,
    bool BothStrained,
    bool Gap,
    string? GapQuestion
);

/// <summary>The Couple Map: the partner's row values only once both shared (blind reveal).</summary>
public sealed record CoupleMapDto(
    string Stage,
    bool ISharedLatest,
    DateTime? MySharedAt,
    bool PartnerShared,
    string? PartnerFirstName,
    IReadOnlyList<MapRowDto> Rows
);

public sealed record PlanStepDto(string Key, string Title, string How, bool Together, bool Done);

public sealed record PlanWeekDto(
    int Week,
    DateOnly From,
    string Area,
    string Reason,
    string ReasonKind,
    string? ReasonDomain,
    IReadOnlyList<PlanStepDto> Steps
);

public sealed record PlanDto(
    Guid CheckId,
    DateOnly StartedOn,
    int CurrentWeek,
    bool Solo,
    bool JointExercisesResting,
    int Done,
    int Steps,
    IReadOnlyList<PlanWeekDto> Weeks
);

public sealed record TickRequest(bool Done);

/// <summary>One measure then and now with its words; Change is "better", "aboutTheSame" or "harder" (strain and a hard time
/// lower, closeness higher, is "better").</summary>
public sealed record ChangeRowDto(string Key, string Name, int Then, int Now, string Change, string Words);

/// <summary>
/// The member's first check beside their latest (decisions/0043): Stage "noCheck", "oneCheck" (take it again to compare) or
/// "ready". Only the member's own scores; Map is the Couple Map as it stands now, only when both shared their latest.
/// </summary>
public sealed record ChangesDto(
    string Stage,
    DateTime? ThenAt,
    DateTime? NowAt,
    IReadOnlyList<ChangeRowDto> Domains,
    ChangeRowDto? Closeness,
    ChangeRowDto? Wellbeing,
    CoupleMapDto? Map
);

[Infrastructure.Api.ApiArea]
public static class UnderstandApi
{
    public static void MapUnderstandApi(this RouteGroupBuilder api)
    {
        var understand = api.MapGroup("/understand").WithTags("Understand");

        understand
            .MapGet("/check", GetCheckAsync)
            .WithName("GetCheck")
            .WithSummary("The Rough Patch Check's questions, and your answers so far (private to you)");

        understand
            .MapPost("/check/parts/{part}", SaveCheckPartAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SaveCheckPart")
            .WithSummary(
                "Save one part of the check; continue: true with every question answered moves on, and the last part finishes the check"
            );

        understand
            .MapGet("/results", GetResultsAsync)
            .WithName("GetCheckResults")
            .WithSummary("Your latest check's results and your earlier checks (private to you), and where the Couple Map stands");

        understand
            .MapGet("/map", GetMapAsync)
            .WithName("GetCoupleMap")
            .WithSummary("The Couple Map: both summaries side by side once you have both shared");

        understand
            .MapPost("/map/share", ShareAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ShareCheckSummary")
            .WithSummary("Share your latest check's domain levels on the Couple Map (nothing else of the check is shared)");

        understand
            .MapDelete("/map/share", StopSharingAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("StopSharingCheckSummary")
            .WithSummary("Take your summary back from the Couple Map");

        understand
            .MapGet("/plan", GetPlanAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPlan")
            .WithSummary("Your six-week plan from your latest check, with the steps you ticked");

        understand
            .MapGet("/changes", GetChangesAsync)
            .WithName("GetChanges")
            .WithSummary("Your first check beside your latest, area by area (private to you), and the Couple Map now if you both shared");

        understand
            .MapPost("/plan/steps/{key}", TickAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("TickPlanStep")
            .WithSummary("Mark a step of your plan as done (done: true) or not done");
    }

    private static async Task<Ok<CheckDto>> GetCheckAsync(
        MyChecks checks,
        SaveCheckPart save,
        CheckContent content,
        CancellationToken cancellationToken
    )
    {
        var history = await checks.HandleAsync(cancellationToken);
        var answers = history.InProgress?.Answers ?? new Dictionary<string, int>();
        var parts = content
            .Sections.Select(s => new CheckPartDto(
                s.Key,
                s.Kind.ToString(),
                s.Name,
                s.About,
                content.ItemsBySection[s.Key].Select(i => new CheckQuestionDto(i.Id, i.Text, content.Scales[i.Scale].Labels)).ToList()
            ))
            .ToList();
        return TypedResults.Ok(
            new CheckDto(
                parts,
                history.InProgress?.Id,
                answers,
                save.NextOpenSection(answers, content.Sections[^1].Key),
                history.Completed.Count
            )
        );
    }

    private static async Task<Results<Ok<CheckPartSavedDto>, ProblemHttpResult>> SaveCheckPartAsync(
        string part,
        CheckPartRequest request,
        SaveCheckPart save,
        CancellationToken cancellationToken
    ) =>
        ApiResults.From(await save.HandleAsync(part, request, cancellationToken), saved => new CheckPartSavedDto(
            saved.Finished,
            saved.NextSection
        ));

    private static async Task<Ok<ResultsDto>> GetResultsAsync(
        MyChecks checks,
        GetCoupleMap map,
        GetCoupleStatus status,
        CheckContent content,
        SafetyResourceSet safety,
        IOptions<UnderstandOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var history = await checks.HandleAsync(cancellationToken);
        var mapDto = Dto(await map.HandleAsync(cancellationToken), await status.HandleAsync(cancellationToken), content);
        var latest = history.Latest is { } l ? Dto(l, content, safety) : null;
        return TypedResults.Ok(
            new ResultsDto(
                latest,
                history.Completed.Select(c => new CheckHistoryItemDto(c.Id, c.CompletedAt, c.Scores.Satisfaction)).ToList(),
                history.InProgress is not null,
                history.InProgress is null && history.Latest is { } done && options.Value.RetakeDue(done.CompletedAt, clock),
                mapDto
            )
        );
    }

    private static async Task<Ok<ChangesDto>> GetChangesAsync(
        GetChanges changes,
        GetCoupleStatus status,
        CheckContent content,
        CancellationToken cancellationToken
    )
    {
        var v = await changes.HandleAsync(cancellationToken);
        static ChangeRowDto? Row(ChangeRow? r) =>
            r is null
                ? null
                : new(r.Key, r.Name, r.Then, r.Now, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Change.ToString()), r.Words);
        return TypedResults.Ok(
            new ChangesDto(
                System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(v.Stage.ToString()),
                v.ThenAt,
                v.NowAt,
                v.Domains.Select(r => Row(r)!).ToList(),
                Row(v.Closeness),
                Row(v.Wellbeing),
                v.Map is { } map ? Dto(map, await status.HandleAsync(cancellationToken), content) : null
            )
        );
    }

    private static async Task<Ok<CoupleMapDto>> GetMapAsync(
        GetCoupleMap map,
        GetCoupleStatus status,
        CheckContent content,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(Dto(await map.HandleAsync(cancellationToken), await status.HandleAsync(cancellationToken), content));

    private static async Task<Results<Ok<CoupleMapDto>, ProblemHttpResult>> ShareAsync(
        ShareSummary share,
        GetCoupleMap map,
        GetCoupleStatus status,
        CheckContent content,
        CancellationToken cancellationToken
    ) =>
        (await share.HandleAsync(cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : TypedResults.Ok(Dto(await map.HandleAsync(cancellationToken), await status.HandleAsync(cancellationToken), content));

    private static async Task<Results<NoContent, ProblemHttpResult>> StopSharingAsync(
        StopSharingSummary stop,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await stop.HandleAsync(cancellationToken));

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlanAsync(
        GetMyPlan plans,
        CheckContent content,
        CancellationToken cancellationToken
    ) =>
        await plans.HandleAsync(cancellationToken) is { } view
            ? TypedResults.Ok(Dto(view, content))
            : ApiResults.Problem(Problem.NotFound(Text.Of("Take the Rough Patch Check first: your plan is made from it.")));

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> TickAsync(
        string key,
        TickRequest request,
        TickPlanStep tick,
        GetMyPlan plans,
        CheckContent content,
        CancellationToken cancellationToken
    ) =>
        (await tick.HandleAsync(key, request.Done, cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : TypedResults.Ok(Dto((await plans.HandleAsync(cancellationToken))!, content));

    private static CheckResultDto Dto(CompletedCheck check, CheckContent content, SafetyResourceSet safety)
    {
        var domains = content
            .Domains.Where(d => check.Scores.Domains.ContainsKey(d.Key))
            .Select(d =>
            {
                var level = check.Scores.LevelOf(d.Key);
                return new DomainScoreDto(
                    d.Key,
                    d.Name,
                    check.Scores.Domains[d.Key],
                    StrainText.Level(level),
                    level == StrainLevel.Strained ? d.StrainedNote : null
                );
            })
            .ToList();
        var note = check.Scores.SafetyConcern
            ? new SafetyNoteDto(
                "Some of your answers suggest that things at home may not always feel safe. You are not to blame, and you don't have to work this out alone. "
                    + "Your partner is not told about this, or about anything you answered. Some exercises for two are resting for now.",
                SafetyResources.Path,
                safety.Services
            )
            : null;
        var crisis = check.Scores.Hopeless
            ? new CrisisNoteDto(
                "Some of your answers say you've been feeling hopeless, or that you don't want to go on. That is a lot to carry, and you don't have to carry it alone. "
                    + "You can talk to someone today, day or night, in confidence. If you might act on these thoughts, or you are in danger right now, call your local emergency number.",
                Support.CrisisLink.Path
            )
            : null;
        return new CheckResultDto(
            check.Id,
            check.CompletedAt,
            domains,
            check.Scores.Satisfaction,
            check.Scores.Wellbeing,
            check.Scores.WellbeingSuggestsSupport,
            note,
            check.Scores.SafetySkipped,
            crisis
        );
    }

    private static CoupleMapDto Dto(CoupleMapView map, CoupleStatus status, CheckContent content) =>
        new(
            map.Stage.ToString(),
            map.ISharedLatest,
            map.MySharedAt,
            map.PartnerShared,
            map.PartnerShared ? status.PartnerFirstName : null,
            map.Rows.Select(r =>
                {
                    var section = content.Section(r.Domain);
                    return new MapRowDto(
                        r.Domain,
                        section.Name,
                        r.Mine,
                        r.Theirs,
                        StrainText.Level(r.MyLevel),
                        StrainText.Level(r.TheirLevel),
                        r.BothStrained,
                        r.Gap,
                        r.Gap ? section.GapQuestion : null
                    );
                })
                .ToList()
        );

    private static PlanDto Dto(PlanView view, CheckContent content) =>
        new(
            view.CheckId,
            DateOnly.FromDateTime(view.StartedOn),
            view.CurrentWeek,
            view.Plan.Solo,
            view.Plan.JointExercisesResting,
            view.Done.Count,
            view.Plan.Weeks.Sum(w => w.Steps.Count),
            view.Plan.Weeks.Select(w => new PlanWeekDto(
                    w.Week,
                    DateOnly.FromDateTime(view.StartedOn.AddDays((w.Week - 1) * 7)),
                    w.Area,
                    Reason(w.Reason, view, content),
                    w.Reason.Kind.ToString(),
                    w.Reason.Domain,
                    w.Steps.Select(s => new PlanStepDto(s.Key, s.Title, s.How, s.Together, view.Done.Contains(s.Key))).ToList()
                ))
                .ToList()
        );

    /// <summary>The plan page's words for a week's reason.</summary>
    private static string Reason(PlanReason reason, PlanView view, CheckContent content)
    {
        var domain = reason.Domain is null ? "" : content.Section(reason.Domain).Name.ToLowerInvariant();
        return reason.Kind == ReasonKind.PartnerStrained && view.PartnerFirstName is { } name
            ? $"Because {name} marked {domain} as strained."
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, StrainText.Reason(reason.Kind), domain);
    }
}
