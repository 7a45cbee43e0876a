using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Repair;

public sealed record RepairSummaryDto(
    Guid Id,
    string Title,
    DateTime OpenedAt,
    string Current,
    bool MyTurn,
    bool FollowUpWaiting,
    bool SetAside
);

public sealed record ApologyDto(string Did, string Effect, string Will, DateTime SentAt, bool FromMe);

/// <summary>
/// The repair hub as its page shows it. While the member rests (their own safety screen raised a
/// concern, decisions/0016) or has no partner, the lists are empty: only <see cref="Resting"/> says why.
/// </summary>
public sealed record RepairHubDto(
    bool Resting,
    bool HasPartner,
    IReadOnlyList<RepairSummaryDto> Repairs,
    IReadOnlyList<ApologyDto> Apologies
);

/// <summary>The words of repair (steps, feelings, follow-up, letting go, the apology frame); only the resting note while the member
/// rests.</summary>
public sealed record RepairGuideDto(bool Resting, string RestingNote, RepairContent? Content);

/// <summary>What one partner wrote at a step: feeling keys, one or two texts, or a choice (the follow-up's, or "left-for-now" for
/// "own"). On "heard", <see cref="HeardReply"/> is its author's answer to what the partner heard of them ("yes" or "missed"; null
/// before they answer and after the partner tried again) and <see cref="Missed"/> their optional line of what got missed.</summary>
public sealed record RepairEntryDto(
    IReadOnlyList<string> Feelings,
    string? Text,
    string? Second,
    string? Choice,
    string? HeardReply = null,
    string? Missed = null
);

/// <summary>A step: your entry, and your partner's only once you have both written (blind reveal); that they finished is shown.</summary>
public sealed record RepairStepDto(string Step, RepairEntryDto? Mine, RepairEntryDto? Theirs, bool PartnerDone, bool Revealed);

/// <summary>
/// One repair. <see cref="Current"/> is calm, feelings, account, heard, past, own, plan or done; on heard, <see cref="Answering"/>
/// says both have written it and each now says whether they were heard. Send <see cref="Revision"/> with calm, pause and set
/// aside. While the member rests, no steps are shown.
/// </summary>
public sealed record RepairDto(
    Guid Id,
    string Title,
    bool OpenedByMe,
    DateTime OpenedAt,
    string Current,
    bool Answering,
    bool Paused,
    bool MeCalm,
    bool PartnerCalm,
    DateTime? CompletedAt,
    DateTime? FollowUpDueAt,
    bool FollowUpDue,
    bool SetAside,
    int Revision,
    bool Resting,
    IReadOnlyList<RepairStepDto> Steps
);

/// <summary>Repair (decisions/0016) through the API: the same handlers, blind reveal and resting as the pages.</summary>
[Infrastructure.Api.ApiArea]
public static class RepairApi
{
    public static void MapRepairApi(this RouteGroupBuilder api)
    {
        var repair = api.MapGroup("/repair").WithTags("Repair");

        api.MapGet("/repair", GetHubAsync)
            .WithTags("Repair")
            .WithName("GetRepairs")
            .WithSummary("Your couple's repairs and apologies (empty while repair rests for you)");

        repair
            .MapGet("/guide", GetGuideAsync)
            .WithName("GetRepairGuide")
            .WithSummary("The steps' prompts and guidance, the feelings to choose from, the follow-up, letting go and the apology frame");

        api.MapPost("/repair", OpenAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Repair")
            .WithName("OpenRepair")
            .WithSummary("Open a repair for the two of you (not while it rests for you; at most five open)");

        repair
            .MapGet("/{id:guid}", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetRepair")
            .WithSummary("A repair: where you are, your entries, and your partner's for the steps you have both written");

        repair
            .MapPost("/{id:guid}/calm", CalmAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SayCalmEnough")
            .WithSummary("Say you are calm enough to begin, or to go on after a pause");

        repair
            .MapPost("/{id:guid}/pause", PauseAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("PauseRepair")
            .WithSummary("Take a break (at least twenty minutes); you both say you are calm again to go on");

        repair
            .MapPost("/{id:guid}/set-aside", SetAsideAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetRepairAside")
            .WithSummary("Set the repair aside: closed, and kept in the list (also while it rests for you)");

        repair
            .MapPost("/{id:guid}/steps", WriteStepAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WriteRepairStep")
            .WithSummary("Write your entry for the current step; change it until your partner has written theirs");

        repair
            .MapPost("/{id:guid}/heard", ReplyToHeardAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReplyToHeard")
            .WithSummary(
                "Once you have both written \"what you heard\": say whether your partner caught it (yes) or some of it got missed "
                    + "(missed, with an optional short line); when you both say yes, you go on to the next step"
            );

        repair
            .MapPost("/{id:guid}/follow-up", WriteFollowUpAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("WriteRepairFollowUp")
            .WithSummary("A week after the plan: how it has gone for you (your partner's shows once you have both answered)");

        api.MapLettingGoApi();
        repair.MapApologyApi();
    }

    private static async Task<Ok<RepairHubDto>> GetHubAsync(
        Resting safety,
        GetCoupleStatus status,
        ListRepairs repairs,
        ListApologies apologies,
        CancellationToken cancellationToken
    )
    {
        var resting = await safety.MineAsync(cancellationToken);
        var hasPartner = (await status.HandleAsync(cancellationToken)).Stage == CoupleStage.Together;
        if (resting || !hasPartner)
        {
            return TypedResults.Ok(new RepairHubDto(resting, hasPartner, [], []));
        }

        var list = (await repairs.HandleAsync(cancellationToken))
            .Select(r => new RepairSummaryDto(
                r.Id,
                r.Title,
                r.OpenedAt,
                RepairRules.KeyOf(r.Current),
                r.MyTurn,
                r.FollowUpWaiting,
                r.SetAside
            ))
            .ToList();
        return TypedResults.Ok(new RepairHubDto(false, true, list, await ApologyApi.ListAsync(apologies, cancellationToken)));
    }

    private static async Task<Ok<RepairGuideDto>> GetGuideAsync(
        Resting safety,
        RepairContent content,
        CancellationToken cancellationToken
    ) =>
        TypedResults.Ok(
            await safety.MineAsync(cancellationToken)
                ? new RepairGuideDto(true, content.Resting, null)
                : new RepairGuideDto(false, content.Resting, content)
        );

    private static async Task<Results<Ok<RepairDto>, ProblemHttpResult>> OpenAsync(
        OpenRepairRequest request,
        OpenRepair open,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    )
    {
        var outcome = await open.HandleAsync(request, cancellationToken);
        return outcome.Problem is { } problem
            ? ApiResults.Problem(problem)
            : await DtoAsync(outcome.Value, find, safety, cancellationToken);
    }

    private static async Task<Results<Ok<RepairDto>, ProblemHttpResult>> GetAsync(
        Guid id,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => await DtoAsync(id, find, safety, cancellationToken);

    private static Task<Results<Ok<RepairDto>, ProblemHttpResult>> CalmAsync(
        Guid id,
        RepairRevisionRequest request,
        ActOnRepair act,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => AfterAsync(id, act.HandleAsync(id, RepairAction.Calm, request, cancellationToken), find, safety, cancellationToken);

    private static Task<Results<Ok<RepairDto>, ProblemHttpResult>> PauseAsync(
        Guid id,
        RepairRevisionRequest request,
        ActOnRepair act,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => AfterAsync(id, act.HandleAsync(id, RepairAction.Pause, request, cancellationToken), find, safety, cancellationToken);

    private static Task<Results<Ok<RepairDto>, ProblemHttpResult>> SetAsideAsync(
        Guid id,
        RepairRevisionRequest request,
        ActOnRepair act,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => AfterAsync(id, act.HandleAsync(id, RepairAction.SetAside, request, cancellationToken), find, safety, cancellationToken);

    private static Task<Results<Ok<RepairDto>, ProblemHttpResult>> WriteStepAsync(
        Guid id,
        RepairStepRequest request,
        WriteRepairStep write,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => AfterAsync(id, write.HandleAsync(id, request, cancellationToken), find, safety, cancellationToken);

    private static Task<Results<Ok<RepairDto>, ProblemHttpResult>> ReplyToHeardAsync(
        Guid id,
        HeardReplyRequest request,
        ReplyToHeard reply,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => AfterAsync(id, reply.HandleAsync(id, request, cancellationToken), find, safety, cancellationToken);

    private static Task<Results<Ok<RepairDto>, ProblemHttpResult>> WriteFollowUpAsync(
        Guid id,
        RepairFollowUpRequest request,
        WriteRepairFollowUp write,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => AfterAsync(id, write.HandleAsync(id, request, cancellationToken), find, safety, cancellationToken);

    // The repair as it is after a change, or the handler's problem.
    private static async Task<Results<Ok<RepairDto>, ProblemHttpResult>> AfterAsync(
        Guid id,
        Task<Outcome<bool>> change,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    ) => (await change).Problem is { } problem ? ApiResults.Problem(problem) : await DtoAsync(id, find, safety, cancellationToken);

    private static async Task<Results<Ok<RepairDto>, ProblemHttpResult>> DtoAsync(
        Guid id,
        FindRepair find,
        Resting safety,
        CancellationToken cancellationToken
    )
    {
        if (await find.HandleAsync(id, cancellationToken) is not { } v)
        {
            return ApiResults.Problem(RepairStore.NotYours());
        }

        var resting = await safety.MineAsync(cancellationToken);
        var shown = resting
            ? []
            : v
                .Steps.Select(s => new RepairStepDto(
                    RepairRules.KeyOf(s.Step),
                    Entry(s.Mine, s.MyAnswer),
                    Entry(s.Theirs, s.TheirAnswer),
                    s.PartnerDone,
                    s.Revealed
                ))
                .ToList();
        return TypedResults.Ok(
            new RepairDto(
                v.Id,
                v.Title,
                v.OpenedByMe,
                v.OpenedAt,
                RepairRules.KeyOf(v.Current),
                !resting && v.Answering,
                v.Paused,
                v.MeCalm,
                v.PartnerCalm,
                v.CompletedAt,
                v.FollowUpDueAt,
                v.FollowUpDue,
                v.SetAside,
                v.Revision,
                resting,
                shown
            )
        );
    }

    private static RepairEntryDto? Entry(EntryPayload? e, HeardAnswer? answer) =>
        e is null
            ? null
            : new(
                e.Feelings,
                e.Text,
                e.Second,
                e.Choice,
                answer?.Reply switch
                {
                    HeardReply.Yes => ReplyToHeard.Yes,
                    HeardReply.Missed => ReplyToHeard.Missed,
                    _ => null,
                },
                answer?.Missed
            );
}
