using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Web.Features.Understand;

public sealed record CheckQuestionDto(string Id, string Text, IReadOnlyList<string> Answers);

public sealed record CheckPartDto(string Key, string Kind, string Name, string About, IReadOnlyList<CheckQuestionDto> Questions);

/// <summary>The Rough Patch Check as the check page asks it: the parts in order, each answer by its position (0 to 4; -1 for a question of a part skipped for now), and the member's answers so far.</summary>
public sealed record CheckDto(IReadOnlyList<CheckPartDto> Parts, Guid? InProgressId, IReadOnlyDictionary<string, int> Answers, string? NextPart, int Finished);

/// <summary>
/// One part's answers: question id → the position of the chosen answer. Continue: false saves them for later; true needs every question of the part.
/// Skip: leave this part for later (only the safety part; nothing of it is kept). AttemptId may name the latest finished check whose safety part was
/// skipped (results: latest.safetySkipped), to answer that part now.
/// </summary>
public sealed record CheckPartRequest(IReadOnlyDictionary<string, int?>? Answers, bool Continue, Guid? AttemptId, bool Skip = false);

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
    Guid Id, DateTime CompletedAt, IReadOnlyList<DomainScoreDto> Domains, int Satisfaction, int Wellbeing, bool WellbeingSuggestsSupport, SafetyNoteDto? Safety,
    bool SafetySkipped = false, CrisisNoteDto? Crisis = null);

public sealed record CheckHistoryItemDto(Guid Id, DateTime CompletedAt, int Satisfaction);

/// <summary>RetakeDue: it has been long enough since the latest check (Understand:RetakeAfterDays) that taking it again would show what changed.</summary>
public sealed record ResultsDto(CheckResultDto? Latest, IReadOnlyList<CheckHistoryItemDto> History, bool CheckInProgress, bool RetakeDue, CoupleMapDto Map);

public sealed record MapRowDto(string Domain, string Name, int Mine, int Theirs, string MyLevel, string TheirLevel, bool BothStrained, bool Gap, string? GapQuestion);

/// <summary>The Couple Map: the partner's row values only once both shared (blind reveal).</summary>
public sealed record CoupleMapDto(string Stage, bool ISharedLatest, DateTime? MySharedAt, bool PartnerShared, string? PartnerFirstName, IReadOnlyList<MapRowDto> Rows);

public sealed record PlanStepDto(string Key, string Title, string How, bool Together, bool Done);

public sealed record PlanWeekDto(int Week, DateOnly From, string Area, string Reason, string ReasonKind, string? ReasonDomain, IReadOnlyList<PlanStepDto> Steps);

public sealed record PlanDto(Guid CheckId, DateOnly StartedOn, int CurrentWeek, bool Solo, bool JointExercisesResting, int Done, int Steps, IReadOnlyList<PlanWeekDto> Weeks);

public sealed record TickRequest(bool Done);

[Infrastructure.Api.ApiArea]
public static class UnderstandApi
{
    private const string NoCheck = "Take the Rough Patch Check first: your plan is made from it.";

    public static void MapUnderstandApi(this RouteGroupBuilder api)
    {
        var understand = api.MapGroup("/understand").WithTags("Understand");

        understand.MapGet("/check", async Task<Ok<CheckDto>> (MyChecks checks, SaveCheckPart save, CheckContent content, CancellationToken cancellationToken) =>
            {
                var history = await checks.HandleAsync(cancellationToken);
                var answers = history.InProgress?.Answers ?? new Dictionary<string, int>();
                var parts = content.Sections.Select(s => new CheckPartDto(s.Key, s.Kind.ToString(), s.Name, s.About,
                    content.ItemsBySection[s.Key].Select(i => new CheckQuestionDto(i.Id, i.Text, content.Scales[i.Scale].Labels)).ToList())).ToList();
                return TypedResults.Ok(new CheckDto(parts, history.InProgress?.Id, answers, save.NextOpenSection(answers, content.Sections[^1].Key), history.Completed.Count));
            })
            .WithName("GetCheck").WithSummary("The Rough Patch Check's questions, and your answers so far (private to you)");

        understand.MapPost("/check/parts/{part}", async Task<Results<Ok<CheckPartSavedDto>, ValidationProblem, ProblemHttpResult>> (
                string part, CheckPartRequest request, SaveCheckPart save, CheckContent content, CancellationToken cancellationToken) =>
            {
                if (!content.ItemsBySection.ContainsKey(part))
                {
                    return TalkApi.NotFound("That part of the check doesn't exist.");
                }

                var posted = (request.Answers ?? new Dictionary<string, int?>())
                    .ToDictionary(a => a.Key, a => a.Value is { } v ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
                // A negative position reads as "-1", which the page's own parsing refuses like any other unknown answer.
                var outcome = await save.HandleAsync(new CheckPartInput(part, posted, request.Continue, request.AttemptId, request.Skip), cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(new CheckPartSavedDto(outcome.Value!.Finished, outcome.Value.NextSection))
                    : TalkApi.Invalid("answers", outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SaveCheckPart").WithSummary("Save one part of the check; continue: true with every question answered moves on, and the last part finishes the check");

        understand.MapGet("/results", async Task<Ok<ResultsDto>> (
                MyChecks checks, GetCoupleMap map, GetCoupleStatus status, CheckContent content, SafetyResourceSet safety,
                Microsoft.Extensions.Options.IOptions<UnderstandOptions> options, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var history = await checks.HandleAsync(cancellationToken);
                var mapDto = Dto(await map.HandleAsync(cancellationToken), await status.HandleAsync(cancellationToken), content);
                var latest = history.Latest is { } l ? Dto(l, content, safety) : null;
                return TypedResults.Ok(new ResultsDto(latest, history.Completed.Select(c => new CheckHistoryItemDto(c.Id, c.CompletedAt, c.Scores.Satisfaction)).ToList(),
                    history.InProgress is not null, history.InProgress is null && history.Latest is { } done && options.Value.RetakeDue(done.CompletedAt, clock), mapDto));
            })
            .WithName("GetCheckResults").WithSummary("Your latest check's results and your earlier checks (private to you), and where the Couple Map stands");

        understand.MapGet("/map", async Task<Ok<CoupleMapDto>> (GetCoupleMap map, GetCoupleStatus status, CheckContent content, CancellationToken cancellationToken) =>
                TypedResults.Ok(Dto(await map.HandleAsync(cancellationToken), await status.HandleAsync(cancellationToken), content)))
            .WithName("GetCoupleMap").WithSummary("The Couple Map: both summaries side by side once you have both shared");

        understand.MapPost("/map/share", async Task<Results<Ok<CoupleMapDto>, ProblemHttpResult>> (
                ShareSummary share, GetCoupleMap map, GetCoupleStatus status, CheckContent content, CancellationToken cancellationToken) =>
            {
                var outcome = await share.ShareAsync(cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto(await map.HandleAsync(cancellationToken), await status.HandleAsync(cancellationToken), content))
                    : Conflict(outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ShareCheckSummary").WithSummary("Share your latest check's domain levels on the Couple Map (nothing else of the check is shared)");

        understand.MapDelete("/map/share", async Task<Results<NoContent, ProblemHttpResult>> (ShareSummary share, CancellationToken cancellationToken) =>
                await share.StopSharingAsync(cancellationToken) ? TypedResults.NoContent() : TalkApi.NotFound("There was nothing shared to stop."))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("StopSharingCheckSummary").WithSummary("Take your summary back from the Couple Map");

        understand.MapGet("/plan", async Task<Results<Ok<PlanDto>, ProblemHttpResult>> (GetMyPlan plans, CheckContent content, CancellationToken cancellationToken) =>
                await plans.HandleAsync(cancellationToken) is { } view ? TypedResults.Ok(Dto(view, content)) : TalkApi.NotFound(NoCheck))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetPlan").WithSummary("Your six-week plan from your latest check, with the steps you ticked");

        understand.MapPost("/plan/steps/{key}", async Task<Results<Ok<PlanDto>, ProblemHttpResult>> (
                string key, TickRequest request, TickPlanStep tick, GetMyPlan plans, CheckContent content, CancellationToken cancellationToken) =>
            {
                if (!await tick.HandleAsync(key, request.Done, cancellationToken))
                {
                    return TalkApi.NotFound("That step is not in your plan.");
                }

                return TypedResults.Ok(Dto((await plans.HandleAsync(cancellationToken))!, content));
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("TickPlanStep").WithSummary("Mark a step of your plan as done (done: true) or not done");
    }

    internal static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    private static CheckResultDto Dto(CompletedCheck check, CheckContent content, SafetyResourceSet safety)
    {
        var domains = content.Domains.Where(d => check.Scores.Domains.ContainsKey(d.Key))
            .Select(d =>
            {
                var level = check.Scores.LevelOf(d.Key);
                return new DomainScoreDto(d.Key, d.Name, check.Scores.Domains[d.Key], StrainText.Level(level), level == StrainLevel.Strained ? d.StrainedNote : null);
            })
            .ToList();
        var note = check.Scores.SafetyConcern
            ? new SafetyNoteDto(
                "Some of your answers suggest that things at home may not always feel safe. You are not to blame, and you don't have to work this out alone. "
                + "Your partner is not told about this, or about anything you answered. Some exercises for two are resting for now.",
                SafetyResources.Path, safety.Services)
            : null;
        var crisis = check.Scores.Hopeless
            ? new CrisisNoteDto(
                "Some of your answers say you've been feeling hopeless, or that you don't want to go on. That is a lot to carry, and you don't have to carry it alone. "
                + "You can talk to someone today, day or night, in confidence. If you might act on these thoughts, or you are in danger right now, call your local emergency number.",
                Support.CrisisLink.Path)
            : null;
        return new CheckResultDto(check.Id, check.CompletedAt, domains, check.Scores.Satisfaction, check.Scores.Wellbeing, check.Scores.WellbeingSuggestsSupport, note,
            check.Scores.SafetySkipped, crisis);
    }

    private static CoupleMapDto Dto(CoupleMapView map, CoupleStatus status, CheckContent content) => new(
        map.Stage.ToString(), map.ISharedLatest, map.MySharedAt, map.PartnerShared, map.PartnerShared ? status.PartnerFirstName : null,
        map.Rows.Select(r =>
        {
            var section = content.Section(r.Domain);
            return new MapRowDto(r.Domain, section.Name, r.Mine, r.Theirs, StrainText.Level(r.MyLevel), StrainText.Level(r.TheirLevel), r.BothStrained, r.Gap, r.Gap ? section.GapQuestion : null);
        }).ToList());

    private static PlanDto Dto(PlanView view, CheckContent content) => new(
        view.CheckId, DateOnly.FromDateTime(view.StartedOn), view.CurrentWeek, view.Plan.Solo, view.Plan.JointExercisesResting,
        view.Done.Count, view.Plan.Weeks.Sum(w => w.Steps.Count),
        view.Plan.Weeks.Select(w => new PlanWeekDto(
            w.Week, DateOnly.FromDateTime(view.StartedOn.AddDays((w.Week - 1) * 7)), w.Area, Reason(w.Reason, view, content), w.Reason.Kind.ToString(), w.Reason.Domain,
            w.Steps.Select(s => new PlanStepDto(s.Key, s.Title, s.How, s.Together, view.Done.Contains(s.Key))).ToList())).ToList());

    /// <summary>The plan page's words for a week's reason.</summary>
    private static string Reason(PlanReason reason, PlanView view, CheckContent content)
    {
        var domain = reason.Domain is null ? "" : content.Section(reason.Domain).Name.ToLowerInvariant();
        return reason.Kind == ReasonKind.PartnerStrained && view.PartnerFirstName is { } name
            ? $"Because {name} marked {domain} as strained."
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, StrainText.Reason(reason.Kind), domain);
    }
}
