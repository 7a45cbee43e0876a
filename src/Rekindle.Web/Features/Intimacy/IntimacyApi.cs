using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>
/// Where the member stands: their own switch, and whether the shared parts are open (both in, nobody resting).
/// resting: intimacy rests for you (every other route answers 409); partnerPaused: your partner has paused
/// exercises for two, so the shared parts wait (decisions/0027).
/// </summary>
public sealed record IntimacyStatusDto(bool MeIn, bool InCouple, bool BothIn, int Matches, int? ProgramStage, bool ProgramFinished, bool Resting, bool PartnerPaused);

public sealed record OptInRequest(bool Adult);

/// <summary>Turning off takes the member's answers out of matching; deleteAnswers also deletes them and the session notes.</summary>
public sealed record OptOutRequest(bool DeleteAnswers);

public sealed record DesireCategoryDto(string Key, string Name, string About);

/// <summary>An item with the member's own answer (yes, maybe, talk, no, limit), never the partner's.</summary>
public sealed record DesireItemDto(string Key, string Category, string Text, string? Explanation, bool Custom, string? MyAnswer, string? SafetyNote);

public sealed record DesireAnswersDto(DesireCategoryDto Category, IReadOnlyList<DesireCategoryDto> Categories, IReadOnlyList<DesireItemDto> Items, int KeptAway, int Answered, int Total);

/// <summary>answer: yes, maybe, talk, no, limit, or clear (takes the answer back).</summary>
public sealed record DesireAnswerRequest(string? Key, string? Answer);

public sealed record CustomItemRequest(string? Text, string? Category);

/// <summary>An item you both chose: the kind says "both yes", "a yes and a maybe" or "both maybe", never whose.</summary>
public sealed record MatchDto(string Key, string Category, string Text, string? Explanation, bool Custom, string Kind, bool CheckInFirst, string? SafetyNote);

public sealed record MatchesDto(bool BothIn, IReadOnlyList<MatchDto> Items, IReadOnlyList<IntimacyResource> Shops);

public sealed record CheckInFirstRequest(string? Key, bool On);

public sealed record TouchLogDto(DateOnly Day, int Stage, string StageTitle, string Feeling, string? Note);

/// <summary>The touch program: open only when both are in. The member's readiness and notes are theirs alone.</summary>
public sealed record ProgramDto(bool Open, int Stage, int Stages, bool Finished, TouchStage? Current, bool IAmReady, DateOnly Today, IReadOnlyList<TouchLogDto> MyLogs);

/// <summary>stage: the stage the client was showing, so a tap from an old screen changes nothing.</summary>
public sealed record ReadyRequest(bool Ready, int Stage);

/// <summary>day: yyyy-MM-dd, today or in the last two months; feeling: calm, warm, mixed or uneasy.</summary>
public sealed record SessionLogRequest(string? Day, string? Feeling, string? Note);

[Infrastructure.Api.ApiArea]
public static class IntimacyApi
{
    private const string TurnedOff = "Intimacy is turned off for you. Turn it on first.";

    public static void MapIntimacyApi(this RouteGroupBuilder api)
    {
        var intimacy = api.MapGroup("/intimacy").WithTags("Intimacy");

        api.MapGet("/intimacy", async Task<Ok<IntimacyStatusDto>> (Desires desires, TouchProgram program, CancellationToken cancellationToken) =>
                TypedResults.Ok(await StatusAsync(desires, program, cancellationToken)))
            .WithTags("Intimacy").WithName("GetIntimacy").WithSummary("Whether intimacy is on for you, and whether the shared parts are open");

        intimacy.MapPost("/opt-in", async Task<Results<Ok<IntimacyStatusDto>, ValidationProblem, ProblemHttpResult>> (OptInRequest request, Desires desires, TouchProgram program, CancellationToken cancellationToken) =>
            {
                if ((await desires.AccessAsync(cancellationToken)).Resting)
                {
                    return Conflict(Desires.RestingNote);
                }

                var outcome = await desires.SetOptInAsync(true, request.Adult, deleteAnswers: false, cancellationToken);
                return outcome.Succeeded ? TypedResults.Ok(await StatusAsync(desires, program, cancellationToken)) : TalkApi.Invalid("adult", outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("TurnIntimacyOn").WithSummary("Turn intimacy on, just for you (adult: true confirms you are an adult)");

        intimacy.MapPost("/opt-out", async Task<Ok<IntimacyStatusDto>> (OptOutRequest request, Desires desires, TouchProgram program, CancellationToken cancellationToken) =>
            {
                await desires.SetOptInAsync(false, false, request.DeleteAnswers, cancellationToken);
                return TypedResults.Ok(await StatusAsync(desires, program, cancellationToken));
            })
            .WithName("TurnIntimacyOff").WithSummary("Turn intimacy off: your answers leave all matching at once, and are deleted with deleteAnswers: true");

        intimacy.MapGet("/answers", async Task<Results<Ok<DesireAnswersDto>, ProblemHttpResult>> (
                string? category, bool? all, Desires desires, IntimacyContent content, CancellationToken cancellationToken) =>
            {
                if (Closed(await desires.AccessAsync(cancellationToken)) is { } closed)
                {
                    return closed;
                }

                return TypedResults.Ok(Dto((await desires.PageAsync(category, all == true, cancellationToken))!, content));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetDesireAnswers").WithSummary("One category of the list with your own answers; items near a firm limit of yours are kept away unless all=true");

        intimacy.MapPost("/answers", async Task<Results<Ok<DesireItemDto>, ValidationProblem, ProblemHttpResult>> (
                DesireAnswerRequest request, Desires desires, CancellationToken cancellationToken) =>
            {
                if (Closed(await desires.AccessAsync(cancellationToken)) is { } closed)
                {
                    return closed;
                }

                var outcome = await desires.AnswerAsync(request.Key, request.Answer, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return TalkApi.Invalid(outcome.Error!.StartsWith("That item", StringComparison.Ordinal) ? "key" : "answer", outcome.Error);
                }

                var mine = await desires.MyAnswersAsync(cancellationToken);
                var card = (await desires.CardsAsync(mine, cancellationToken)).First(c => c.Key == request.Key);
                return TypedResults.Ok(Dto(card));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AnswerDesire").WithSummary("Answer an item privately (yes, maybe, talk, no, limit) or take the answer back (clear)");

        intimacy.MapPost("/items", async Task<Results<Ok<DesireAnswersDto>, ValidationProblem, ProblemHttpResult>> (
                CustomItemRequest request, Desires desires, IntimacyContent content, CancellationToken cancellationToken) =>
            {
                if (Closed(await desires.AccessAsync(cancellationToken)) is { } closed)
                {
                    return closed;
                }

                var outcome = await desires.AddCustomAsync(request.Text, request.Category, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return TalkApi.Invalid(outcome.Error!.StartsWith("Please choose where", StringComparison.Ordinal) ? "category" : "text", outcome.Error);
                }

                return TypedResults.Ok(Dto((await desires.PageAsync(request.Category, true, cancellationToken))!, content));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AddDesireItem").WithSummary("Add an item of your own to the couple's list: both of you can answer it, neither sees the other's answer");

        intimacy.MapGet("/matches", async Task<Results<Ok<MatchesDto>, ProblemHttpResult>> (Desires desires, IntimacyContent content, CancellationToken cancellationToken) =>
            {
                var access = await desires.AccessAsync(cancellationToken);
                return Closed(access) is { } closed ? closed : TypedResults.Ok(await MatchesAsync(desires, content, access, cancellationToken));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetDesireMatches").WithSummary("What you both chose (yes or maybe on both sides only), the same list for both of you");

        intimacy.MapPost("/matches/check-in-first", async Task<Results<Ok<MatchesDto>, ProblemHttpResult>> (
                CheckInFirstRequest request, Desires desires, IntimacyContent content, CancellationToken cancellationToken) =>
            {
                var access = await desires.AccessAsync(cancellationToken);
                if (Closed(access) is { } closed)
                {
                    return closed;
                }

                // Not a match is "not found", exactly the same whatever the partner answered.
                var outcome = await desires.CheckInFirstAsync(request.Key, request.On, cancellationToken);
                return outcome.Succeeded ? TypedResults.Ok(await MatchesAsync(desires, content, access, cancellationToken)) : TalkApi.NotFound(outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SetCheckInFirst").WithSummary("Set or clear \"check in first\" on an item you both chose (shown to both, never who set it)");

        intimacy.MapGet("/program", async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> (
                Desires desires, TouchProgram program, IntimacyContent content, Preferences preferences, TimeProvider clock, CancellationToken cancellationToken) =>
                Closed(await desires.AccessAsync(cancellationToken)) is { } closed ? closed : TypedResults.Ok(await ProgramAsync(program, content, preferences, clock, cancellationToken)))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetTouchProgram").WithSummary("The touch program: the couple's stage, whether you marked yourself ready, and your own session notes");

        intimacy.MapPost("/program/ready", async Task<Results<Ok<ProgramDto>, ProblemHttpResult>> (
                ReadyRequest request, Desires desires, TouchProgram program, IntimacyContent content, Preferences preferences, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (Closed(await desires.AccessAsync(cancellationToken)) is { } closed)
                {
                    return closed;
                }

                var outcome = await program.ReadyAsync(request.Ready, request.Stage.ToString(CultureInfo.InvariantCulture), cancellationToken);
                return outcome.Succeeded ? TypedResults.Ok(await ProgramAsync(program, content, preferences, clock, cancellationToken)) : Conflict(outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MarkStageReady").WithSummary("Privately mark yourself ready (or not) to leave the current stage; you move on together when both are");

        intimacy.MapPost("/program/sessions", async Task<Results<Ok<ProgramDto>, ValidationProblem, ProblemHttpResult>> (
                SessionLogRequest request, Desires desires, TouchProgram program, IntimacyContent content, Preferences preferences, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (Closed(await desires.AccessAsync(cancellationToken)) is { } closed)
                {
                    return closed;
                }

                var outcome = await program.LogAsync(request.Day, request.Feeling, request.Note, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return outcome.Error!.StartsWith("The program opens", StringComparison.Ordinal)
                        ? Conflict(outcome.Error)
                        : TalkApi.Invalid(outcome.Error.Contains("day", StringComparison.Ordinal) ? "day" : outcome.Error.Contains("felt", StringComparison.Ordinal) ? "feeling" : "note", outcome.Error);
                }

                return TypedResults.Ok(await ProgramAsync(program, content, preferences, clock, cancellationToken));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("LogTouchSession").WithSummary("Note a session for yourself: the day, how it felt, and a private note");

        intimacy.MapGet("/resources", async Task<Results<Ok<IReadOnlyList<IntimacyResource>>, ProblemHttpResult>> (Desires desires, IntimacyContent content, CancellationToken cancellationToken) =>
                Closed(await desires.AccessAsync(cancellationToken)) is { } closed ? closed : TypedResults.Ok(content.Resources))
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("GetIntimacyResources").WithSummary("Books, educators, shops and organisations (https links only, no tracking)");
    }

    /// <summary>
    /// The pages send a member who is not in to the opt-in page, and one whose intimacy rests to its calm
    /// note; the API says the same, whatever the partner chose. Null when the member's pages are open.
    /// </summary>
    private static ProblemHttpResult? Closed(IntimacyAccess access) =>
        !access.MeIn ? Conflict(TurnedOff) : access.Resting ? Conflict(Desires.RestingNote) : null;

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    private static async Task<IntimacyStatusDto> StatusAsync(Desires desires, TouchProgram program, CancellationToken cancellationToken)
    {
        var access = await desires.AccessAsync(cancellationToken);
        var matches = access.BothIn ? (await desires.MatchesAsync(cancellationToken)).Count : 0;
        var view = access.BothIn ? await program.ViewAsync(cancellationToken) : null;
        return new IntimacyStatusDto(access.MeIn, access.InCouple, access.BothIn, matches, view?.Stage, view?.Finished == true, access.Resting, access.PartnerAway);
    }

    private static async Task<MatchesDto> MatchesAsync(Desires desires, IntimacyContent content, IntimacyAccess access, CancellationToken cancellationToken) => new(
        access.BothIn,
        (await desires.MatchesAsync(cancellationToken)).Select(m => new MatchDto(m.Item.Key, m.Item.Category, m.Item.Text, m.Item.Explanation, m.Item.Custom, m.Kind.ToString(), m.CheckInFirst, m.Item.SafetyNote)).ToList(),
        content.Resources.Where(r => r.Category == "shops").ToList());

    private static async Task<ProgramDto> ProgramAsync(TouchProgram program, IntimacyContent content, Preferences preferences, TimeProvider clock, CancellationToken cancellationToken)
    {
        var prefs = await preferences.MineAsync(cancellationToken);
        var today = DateOnly.FromDateTime(prefs.Local(clock.GetUtcNow().UtcDateTime));
        var view = await program.ViewAsync(cancellationToken);
        if (view is null)
        {
            return new ProgramDto(false, 0, content.Stages.Count, false, null, false, today, []);
        }

        string Title(int stage) => stage < content.Stages.Count ? content.Stages[stage].Title : "";
        return new ProgramDto(true, view.Stage, content.Stages.Count, view.Finished, view.Finished ? null : content.Stages[view.Stage], view.IAmReady, today,
            view.MyLogs.Select(l => new TouchLogDto(l.Day, l.Stage, Title(l.Stage), l.Feeling, l.Note)).ToList());
    }

    private static DesireItemDto Dto(DesireCard card) => new(card.Key, card.Category, card.Text, card.Explanation, card.Custom, card.MyAnswer, card.SafetyNote);

    private static DesireAnswersDto Dto(AnswerPage page, IntimacyContent content) => new(
        Dto(page.Category), content.Categories.Select(Dto).ToList(), page.Items.Select(Dto).ToList(), page.KeptAway, page.Answered, page.Total);

    private static DesireCategoryDto Dto(DesireCategory category) => new(category.Key, category.Name, category.About);
}
