using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Web.Features.Repair;

public sealed record RepairSummaryDto(Guid Id, string Title, DateTime OpenedAt, string Current, bool MyTurn, bool FollowUpWaiting, bool SetAside);

public sealed record ApologyDto(string Did, string Effect, string Will, DateTime SentAt, bool FromMe);

/// <summary>
/// The repair hub as its page shows it. While the member rests (their own safety screen raised a
/// concern, decisions/0016) or has no partner, the lists are empty: only <see cref="Resting"/> says why.
/// </summary>
public sealed record RepairHubDto(bool Resting, bool HasPartner, IReadOnlyList<RepairSummaryDto> Repairs, IReadOnlyList<ApologyDto> Apologies);

/// <summary>The words of repair (steps, feelings, follow-up, letting go, the apology frame); only the resting note while the member rests.</summary>
public sealed record RepairGuideDto(bool Resting, string RestingNote, RepairContent? Content);

/// <summary>What one partner wrote at a step: feeling keys, one or two texts, or a choice (the follow-up's, or "left-for-now" for "own").</summary>
public sealed record RepairEntryDto(IReadOnlyList<string> Feelings, string? Text, string? Second, string? Choice);

/// <summary>A step: your entry, and your partner's only once you have both written (blind reveal); that they finished is shown.</summary>
public sealed record RepairStepDto(string Step, RepairEntryDto? Mine, RepairEntryDto? Theirs, bool PartnerDone, bool Revealed);

/// <summary>
/// One repair. <see cref="Current"/> is calm, feelings, account, heard, past, own, plan or done. Send
/// <see cref="Revision"/> with calm, pause and set aside. While the member rests, no steps are shown.
/// </summary>
public sealed record RepairDto(
    Guid Id, string Title, bool OpenedByMe, DateTime OpenedAt, string Current, bool Paused, bool MeCalm, bool PartnerCalm,
    DateTime? CompletedAt, DateTime? FollowUpDueAt, bool FollowUpDue, bool SetAside, int Revision, bool Resting, IReadOnlyList<RepairStepDto> Steps);

/// <summary>Open a repair with a short name you both recognise; Calm says you are calm enough to begin.</summary>
public sealed record OpenRepairRequest(string? Title, bool Calm);

/// <summary>The revision of the repair the client last saw: a stale one is told that things moved on.</summary>
public sealed record RepairRevisionRequest(int Revision);

/// <summary>
/// Your entry for the current step (feelings, account, heard, past, own, plan): feeling keys for "feelings", a second text
/// for "own" and "plan". For "own" only, LeaveForNow ("not mine to answer now") saves it without words: the step still
/// opens for both, and your entry then carries the choice "left-for-now" (decisions/0031).
/// </summary>
public sealed record RepairStepRequest(string? Step, IReadOnlyList<string>? Feelings, string? Text, string? Second, bool LeaveForNow = false);

/// <summary>A week after the plan: better, mixed or still-hurts, and optional words.</summary>
public sealed record RepairFollowUpRequest(string? Choice, string? Text);

/// <summary>Repair (decisions/0016) through the API: the same handlers, blind reveal and resting as the pages.</summary>
[Infrastructure.Api.ApiArea]
public static class RepairApi
{
    private const string NotYours = "That repair is not one of your couple's.";

    public static void MapRepairApi(this RouteGroupBuilder api)
    {
        var repair = api.MapGroup("/repair").WithTags("Repair");

        api.MapGet("/repair", async Task<Ok<RepairHubDto>> (Resting safety, GetCoupleStatus status, Repairs repairs, Apologies apologies, CancellationToken cancellationToken) =>
            {
                var resting = await safety.MineAsync(cancellationToken);
                var hasPartner = (await status.HandleAsync(cancellationToken)).Stage == CoupleStage.Together;
                if (resting || !hasPartner)
                {
                    return TypedResults.Ok(new RepairHubDto(resting, hasPartner, [], []));
                }

                var list = (await repairs.ListAsync(cancellationToken)).Select(r => new RepairSummaryDto(r.Id, r.Title, r.OpenedAt, RepairRules.KeyOf(r.Current), r.MyTurn, r.FollowUpWaiting, r.SetAside)).ToList();
                return TypedResults.Ok(new RepairHubDto(false, true, list, await ApologyApi.ListAsync(apologies, cancellationToken)));
            })
            .WithTags("Repair").WithName("GetRepairs").WithSummary("Your couple's repairs and apologies (empty while repair rests for you)");

        repair.MapGet("/guide", async Task<Ok<RepairGuideDto>> (Resting safety, RepairContent content, CancellationToken cancellationToken) =>
                TypedResults.Ok(await safety.MineAsync(cancellationToken) ? new RepairGuideDto(true, content.Resting, null) : new RepairGuideDto(false, content.Resting, content)))
            .WithName("GetRepairGuide").WithSummary("The steps' prompts and guidance, the feelings to choose from, the follow-up, letting go and the apology frame");

        api.MapPost("/repair", async Task<Results<Ok<RepairDto>, ValidationProblem>> (OpenRepairRequest request, RepairSteps steps, Repairs repairs, Resting safety, CancellationToken cancellationToken) =>
            {
                var outcome = await steps.OpenAsync(request.Title, request.Calm, cancellationToken);
                if (!outcome.Succeeded)
                {
                    var aboutTitle = outcome.Error!.StartsWith("Give it a short name", StringComparison.Ordinal) || TalkText.Problem(request.Title?.Trim() ?? "", Incident.TitleMaxLength) == outcome.Error;
                    return TalkApi.Invalid(aboutTitle ? "title" : "repair", outcome.Error);
                }

                return TypedResults.Ok(await DtoAsync((await repairs.FindAsync(outcome.Value, cancellationToken))!, safety, cancellationToken));
            })
            .WithTags("Repair").WithName("OpenRepair").WithSummary("Open a repair for the two of you (not while it rests for you; at most five open)");

        repair.MapGet("/{id:guid}", async Task<Results<Ok<RepairDto>, ProblemHttpResult>> (Guid id, Repairs repairs, Resting safety, CancellationToken cancellationToken) =>
                await repairs.FindAsync(id, cancellationToken) is { } view ? TypedResults.Ok(await DtoAsync(view, safety, cancellationToken)) : TalkApi.NotFound(NotYours))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetRepair").WithSummary("A repair: where you are, your entries, and your partner's for the steps you have both written");

        MapAction(repair, "/calm", RepairAction.Calm, "SayCalmEnough", "Say you are calm enough to begin, or to go on after a pause");
        MapAction(repair, "/pause", RepairAction.Pause, "PauseRepair", "Take a break (at least twenty minutes); you both say you are calm again to go on");
        MapAction(repair, "/set-aside", RepairAction.SetAside, "SetRepairAside", "Set the repair aside: closed, and kept in the list (also while it rests for you)");

        repair.MapPost("/{id:guid}/steps", async Task<Results<Ok<RepairDto>, ValidationProblem, ProblemHttpResult>> (
                Guid id, RepairStepRequest request, RepairSteps steps, Repairs repairs, Resting safety, CancellationToken cancellationToken) =>
            {
                var step = RepairRules.Steps.Cast<RepairStep?>().FirstOrDefault(s => RepairRules.KeyOf(s!.Value) == request.Step);
                var input = new StepInput(request.Feelings ?? [], request.Text, request.Second, request.LeaveForNow ? RepairRules.LeftForNow : null);
                return await WriteAsync(id, step, input, steps, repairs, safety, cancellationToken);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("WriteRepairStep").WithSummary("Write your entry for the current step; change it until your partner has written theirs");

        repair.MapPost("/{id:guid}/follow-up", (Guid id, RepairFollowUpRequest request, RepairSteps steps, Repairs repairs, Resting safety, CancellationToken cancellationToken) =>
                WriteAsync(id, RepairStep.FollowUp, new StepInput([], request.Text, null, request.Choice), steps, repairs, safety, cancellationToken))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("WriteRepairFollowUp").WithSummary("A week after the plan: how it has gone for you (your partner's shows once you have both answered)");

        repair.MapLettingGoApi();
        repair.MapApologyApi();
    }

    private static void MapAction(RouteGroupBuilder repair, string path, RepairAction action, string name, string summary) =>
        repair.MapPost("/{id:guid}" + path, async Task<Results<Ok<RepairDto>, ValidationProblem, ProblemHttpResult>> (
                Guid id, RepairRevisionRequest request, RepairSteps steps, Repairs repairs, Resting safety, CancellationToken cancellationToken) =>
            {
                if (await repairs.FindAsync(id, cancellationToken) is null)
                {
                    return TalkApi.NotFound(NotYours);
                }

                var outcome = await steps.ActAsync(id, action, request.Revision, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(await DtoAsync((await repairs.FindAsync(id, cancellationToken))!, safety, cancellationToken))
                    : TalkApi.Invalid(outcome.Error!.StartsWith("Things moved on", StringComparison.Ordinal) ? "revision" : "repair", outcome.Error);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(name).WithSummary(summary);

    private static async Task<Results<Ok<RepairDto>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        Guid id, RepairStep? step, StepInput input, RepairSteps steps, Repairs repairs, Resting safety, CancellationToken cancellationToken)
    {
        if (await repairs.FindAsync(id, cancellationToken) is null)
        {
            return TalkApi.NotFound(NotYours);
        }

        if (step is not { } known)
        {
            return TalkApi.Invalid("step", "That step isn't one this repair knows. Here is where you are.");
        }

        var outcome = await steps.WriteAsync(id, known, input, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Ok(await DtoAsync((await repairs.FindAsync(id, cancellationToken))!, safety, cancellationToken))
            : TalkApi.Invalid(FieldOf(steps, known, input), outcome.Error!);
    }

    /// <summary>
    /// Which field the handler's message is about: the handler's own check is asked again with one
    /// part filled in at a time, so the field follows its rules rather than its wording. When the input
    /// passes the check, the message is about the step (not the current one, already revealed, resting…).
    /// </summary>
    private static string FieldOf(RepairSteps steps, RepairStep step, StepInput input)
    {
        if (steps.Check(step, input).Succeeded)
        {
            return "step";
        }

        if (steps.Check(step, input with { Second = "x" }).Succeeded)
        {
            return "second";
        }

        if (steps.Check(step, input with { Text = "x", Second = "x" }).Succeeded)
        {
            return "text";
        }

        return step == RepairStep.FollowUp ? "choice" : "feelings";
    }

    private static async Task<RepairDto> DtoAsync(RepairView v, Resting safety, CancellationToken cancellationToken)
    {
        var resting = await safety.MineAsync(cancellationToken);
        var shown = resting ? [] : v.Steps.Select(s => new RepairStepDto(RepairRules.KeyOf(s.Step), Entry(s.Mine), Entry(s.Theirs), s.PartnerDone, s.Revealed)).ToList();
        return new RepairDto(v.Id, v.Title, v.OpenedByMe, v.OpenedAt, RepairRules.KeyOf(v.Current), v.Paused, v.MeCalm, v.PartnerCalm,
            v.CompletedAt, v.FollowUpDueAt, v.FollowUpDue, v.SetAside, v.Revision, resting, shown);
    }

    private static RepairEntryDto? Entry(EntryPayload? e) => e is null ? null : new(e.Feelings, e.Text, e.Second, e.Choice);
}
