using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>
/// Where the member stands: their own switch, and whether the shared parts are open (both in, nobody resting).
/// resting: intimacy rests for you (every other route answers 409); partnerPaused: your partner has paused
/// exercises for two, so the shared parts wait (decisions/0027).
/// </summary>
public sealed record IntimacyStatusDto(
    bool MeIn,
    bool InCouple,
    bool BothIn,
    int Matches,
    int? ProgramStage,
    bool ProgramFinished,
    bool Resting,
    bool PartnerPaused
);

public sealed record DesireCategoryDto(string Key, string Name, string About);

/// <summary>An item with the member's own answer (yes, maybe, talk, no, limit), never the partner's.</summary>
public sealed record DesireItemDto(
    string Key,
    string Category,
    string Text,
    string? Explanation,
    bool Custom,
    string? MyAnswer,
    string? SafetyNote
);

public sealed record DesireAnswersDto(
    DesireCategoryDto Category,
    IReadOnlyList<DesireCategoryDto> Categories,
    IReadOnlyList<DesireItemDto> Items,
    int KeptAway,
    int Answered,
    int Total
);

/// <summary>An item you both chose: the kind says "both yes", "a yes and a maybe" or "both maybe", never whose.</summary>
public sealed record MatchDto(
    string Key,
    string Category,
    string Text,
    string? Explanation,
    bool Custom,
    string Kind,
    bool CheckInFirst,
    string? SafetyNote
);

public sealed record MatchesDto(bool BothIn, IReadOnlyList<MatchDto> Items, IReadOnlyList<IntimacyResource> Shops);

public sealed record TouchLogDto(DateOnly Day, int Stage, string StageTitle, string Feeling, string? Note);

/// <summary>The touch program: open only when both are in. The member's readiness and notes are theirs alone.</summary>
public sealed record ProgramDto(
    bool Open,
    int Stage,
    int Stages,
    bool Finished,
    TouchStage? Current,
    bool IAmReady,
    DateOnly Today,
    IReadOnlyList<TouchLogDto> MyLogs
);

[Infrastructure.Api.ApiArea]
public static class IntimacyApi
{
    public static void MapIntimacyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/intimacy", GetStatusAsync)
            .WithTags("Intimacy")
            .WithName("GetIntimacy")
            .WithSummary("Whether intimacy is on for you, and whether the shared parts are open");

        var intimacy = api.MapGroup("/intimacy").WithTags("Intimacy");
        intimacy
            .MapPost("/opt-in", TurnOnAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("TurnIntimacyOn")
            .WithSummary("Turn intimacy on, just for you (adult: true confirms you are an adult)");

        intimacy
            .MapPost("/opt-out", TurnOffAsync)
            .WithName("TurnIntimacyOff")
            .WithSummary("Turn intimacy off: your answers leave all matching at once, and are deleted with deleteAnswers: true");

        // Every other route is open only to a member who is in and whose intimacy is not resting: one check for them all.
        var open = intimacy.MapGroup("").AddEndpointFilter(OpenOnlyAsync);
        open.MapGet("/answers", GetAnswersAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetDesireAnswers")
            .WithSummary("One category of the list with your own answers; items near a firm limit of yours are kept away unless all=true");

        open.MapPost("/answers", AnswerAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AnswerDesire")
            .WithSummary("Answer an item privately (yes, maybe, talk, no, limit) or take the answer back (clear)");

        open.MapPost("/items", AddItemAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddDesireItem")
            .WithSummary("Add an item of your own to the couple's list: both of you can answer it, neither sees the other's answer");

        open.MapGet("/matches", GetMatchesAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetDesireMatches")
            .WithSummary("What you both chose (yes or maybe on both sides only), the same list for both of you");

        open.MapPost("/matches/check-in-first", CheckInFirstAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SetCheckInFirst")
            .WithSummary("Set or clear \"check in first\" on an item you both chose (shown to both, never who set it)");

        open.MapGet("/program", GetProgramAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetTouchProgram")
            .WithSummary("The touch program: the couple's stage, whether you marked yourself ready, and your own session notes");

        open.MapPost("/program/ready", ReadyAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MarkStageReady")
            .WithSummary("Privately mark yourself ready (or not) to leave the current stage; you move on together when both are");

        open.MapPost("/program/sessions", LogSessionAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("LogTouchSession")
            .WithSummary("Note a session for yourself: the day, how it felt, and a private note");

        open.MapGet("/resources", GetResources)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetIntimacyResources")
            .WithSummary("Books, educators, shops and organisations (https links only, no tracking)");
    }

    /// <summary>
    /// The pages send a member who is not in to the opt-in page, and one whose intimacy rests to its calm
    /// note; the API answers 409 the same way, from the member's own state alone, whatever the partner chose.
    /// </summary>
    private static async ValueTask<object?> OpenOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var access = await context
            .HttpContext.RequestServices.GetRequiredService<DesireStore>()
            .AccessAsync(context.HttpContext.RequestAborted);
        return !access.MeIn ? ApiResults.Problem(Problem.Conflict(Text.Of("Intimacy is turned off for you. Turn it on first.")))
            : access.Resting ? ApiResults.Problem(Problem.Resting(Text.Of(DesireStore.RestingNote)))
            : await next(context);
    }

    private static async Task<Ok<IntimacyStatusDto>> GetStatusAsync(
        DesireStore desires,
        GetDesireMatches matches,
        GetTouchProgram program,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await StatusAsync(desires, matches, program, cancellationToken));

    private static async Task<Results<Ok<IntimacyStatusDto>, ProblemHttpResult>> TurnOnAsync(
        OptInRequest request,
        TurnIntimacyOn turnOn,
        DesireStore desires,
        GetDesireMatches matches,
        GetTouchProgram program,
        CancellationToken cancellationToken
    ) =>
        await ThenAsync(await turnOn.HandleAsync(request, cancellationToken), () =>
            StatusAsync(desires, matches, program, cancellationToken)
        );

    private static async Task<Ok<IntimacyStatusDto>> TurnOffAsync(
        OptOutRequest request,
        TurnIntimacyOff turnOff,
        DesireStore desires,
        GetDesireMatches matches,
        GetTouchProgram program,
        CancellationToken cancellationToken
    )
    {
        await turnOff.HandleAsync(request, cancellationToken);
        return TypedResults.Ok(await StatusAsync(desires, matches, program, cancellationToken));
    }

    private static async Task<Ok<DesireAnswersDto>> GetAnswersAsync(
        string? category,
        bool? all,
        GetDesireAnswers answers,
        IntimacyContent content,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(Dto(await answers.HandleAsync(category, all == true, cancellationToken), content));

    private static async Task<Results<Ok<DesireItemDto>, ProblemHttpResult>> AnswerAsync(
        DesireAnswerRequest request,
        AnswerDesire answer,
        CancellationToken cancellationToken
    ) => ApiResults.From(await answer.HandleAsync(request, cancellationToken), Dto);

    private static async Task<Results<Ok<DesireAnswersDto>, ProblemHttpResult>> AddItemAsync(
        CustomItemRequest request,
        AddDesireItem add,
        GetDesireAnswers answers,
        IntimacyContent content,
        CancellationToken cancellationToken
    ) =>
        await ThenAsync(await add.HandleAsync(request, cancellationToken), async () =>
            Dto(await answers.HandleAsync(request.Category, true, cancellationToken), content)
        );

    private static async Task<Ok<MatchesDto>> GetMatchesAsync(
        DesireStore desires,
        GetDesireMatches matches,
        IntimacyContent content,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await MatchesAsync(desires, matches, content, cancellationToken));

    private static async Task<Results<Ok<MatchesDto>, ProblemHttpResult>> CheckInFirstAsync(
        CheckInFirstRequest request,
        SetCheckInFirst checkInFirst,
        DesireStore desires,
        GetDesireMatches matches,
        IntimacyContent content,
        CancellationToken cancellationToken
    ) =>
        await ThenAsync(await checkInFirst.HandleAsync(request, cancellationToken), () =>
            MatchesAsync(desires, matches, content, cancellationToken)
        );

    private static async Task<Ok<ProgramDto>> GetProgramAsync(
        GetTouchProgram program,
        IntimacyContent content,
        Preferences preferences,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(await ProgramAsync(program, content, preferences, clock, cancellationToken));

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> ReadyAsync(
        ReadyRequest request,
        MarkStageReady ready,
        GetTouchProgram program,
        IntimacyContent content,
        Preferences preferences,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) =>
        await ThenAsync(await ready.HandleAsync(request, cancellationToken), () =>
            ProgramAsync(program, content, preferences, clock, cancellationToken)
        );

    private static async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> LogSessionAsync(
        SessionLogRequest request,
        LogTouchSession log,
        GetTouchProgram program,
        IntimacyContent content,
        Preferences preferences,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) =>
        await ThenAsync(await log.HandleAsync(request, cancellationToken), () =>
            ProgramAsync(program, content, preferences, clock, cancellationToken)
        );

    private static Ok<IReadOnlyList<IntimacyResource>> GetResources(IntimacyContent content) => TypedResults.Ok(content.Resources);

    /// <summary>After a command: the problem as problem details, or the view the endpoint answers with.</summary>
    private static async Task<Results<Ok<TDto>, ProblemHttpResult>> ThenAsync<TDto>(Outcome<bool> outcome, Func<Task<TDto>> view) =>
        outcome.Problem is { } problem ? ApiResults.Problem(problem) : TypedResults.Ok(await view());

    private static async Task<IntimacyStatusDto> StatusAsync(
        DesireStore desires,
        GetDesireMatches getMatches,
        GetTouchProgram program,
        CancellationToken cancellationToken
    )
    {
        var access = await desires.AccessAsync(cancellationToken);
        var matches = access.BothIn ? (await getMatches.HandleAsync(cancellationToken)).Count : 0;
        var view = access.BothIn ? await program.HandleAsync(cancellationToken) : null;
        return new IntimacyStatusDto(
            access.MeIn,
            access.InCouple,
            access.BothIn,
            matches,
            view?.Stage,
            view?.Finished == true,
            access.Resting,
            access.PartnerAway
        );
    }

    private static async Task<MatchesDto> MatchesAsync(
        DesireStore desires,
        GetDesireMatches matches,
        IntimacyContent content,
        CancellationToken cancellationToken
    ) =>
        new(
            (await desires.AccessAsync(cancellationToken)).BothIn,
            (await matches.HandleAsync(cancellationToken))
                .Select(m => new MatchDto(
                    m.Item.Key,
                    m.Item.Category,
                    m.Item.Text,
                    m.Item.Explanation,
                    m.Item.Custom,
                    m.Kind.ToString(),
                    m.CheckInFirst,
                    m.Item.SafetyNote
                ))
                .ToList(),
            content.Resources.Where(r => r.Category == "shops").ToList()
        );

    private static async Task<ProgramDto> ProgramAsync(
        GetTouchProgram program,
        IntimacyContent content,
        Preferences preferences,
        TimeProvider clock,
        CancellationToken cancellationToken
    )
    {
        var prefs = await preferences.MineAsync(cancellationToken);
        var today = DateOnly.FromDateTime(prefs.Local(clock.GetUtcNow().UtcDateTime));
        var view = await program.HandleAsync(cancellationToken);
        if (view is null)
        {
            return new ProgramDto(false, 0, content.Stages.Count, false, null, false, today, []);
        }

        string Title(int stage) => stage < content.Stages.Count ? content.Stages[stage].Title : "";
        return new ProgramDto(
            true,
            view.Stage,
            content.Stages.Count,
            view.Finished,
            view.Finished ? null : content.Stages[view.Stage],
            view.IAmReady,
            today,
            view.MyLogs.Select(l => new TouchLogDto(l.Day, l.Stage, Title(l.Stage), l.Feeling, l.Note)).ToList()
        );
    }

    private static DesireItemDto Dto(DesireCard card) =>
        new(card.Key, card.Category, card.Text, card.Explanation, card.Custom, card.MyAnswer, card.SafetyNote);

    private static DesireAnswersDto Dto(AnswerPage page, IntimacyContent content) =>
        new(
            Dto(page.Category),
            content.Categories.Select(Dto).ToList(),
            page.Items.Select(Dto).ToList(),
            page.KeptAway,
            page.Answered,
            page.Total
        );

    private static DesireCategoryDto Dto(DesireCategory category) => new(category.Key, category.Name, category.About);
}
