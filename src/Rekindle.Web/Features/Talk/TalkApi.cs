using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

public sealed record AnswerDto(string? Text, bool Skipped, DateTime AnsweredAt, string? Reply, string Reaction);

/// <summary>Today's question as the member may see it: exactly what TodaysQuestion gives the page (the partner's answer only once
/// revealed).</summary>
public sealed record DailyQuestionDto(
    Guid Id,
    DateOnly Day,
    string Question,
    string Area,
    string Depth,
    bool HasPartner,
    AnswerDto? Mine,
    bool PartnerResponded,
    bool PartnerSkipped,
    AnswerDto? Partners,
    bool Revealed,
    bool Own = false,
    bool AddedByYou = false,
    string? AddedBy = null
);

/// <summary>One of the couple's own questions: both partners read it; AddedByYou, else AddedBy is the partner's first name.</summary>
public sealed record OwnQuestionDto(Guid Id, string Text, bool AddedByYou, string? AddedBy, DateTime CreatedAt);

/// <summary>The couple's own questions in their rotation, whether another can be added, and the member's own mutes.</summary>
public sealed record YourQuestionsDto(
    IReadOnlyList<OwnQuestionDto> Questions,
    bool CanAdd,
    IReadOnlyList<string> Muted,
    IReadOnlyList<string> Kinds
);

/// <summary>The member's own mutes (never the partner's), and every kind that can be muted.</summary>
public sealed record QuestionMutesDto(IReadOnlyList<string> Muted, IReadOnlyList<string> Kinds);

/// <summary>One page of past questions, newest first, as the archive page shows them.</summary>
public sealed record ArchiveDto(IReadOnlyList<DailyQuestionDto> Days, int Page, bool HasMore, string? Query, int DaysBothAnsweredThisMonth);

public sealed record SoftStartupRequest(string? Text);

/// <summary>One pattern the helper found: its kind (criticism, contempt, defensiveness, stonewalling, absolutes, blame, comparison, threat,
/// non-apology), the words as written, a gentle note and a kinder way to say it.</summary>
public sealed record SoftStartupFlagDto(string Kind, string Title, string Phrase, string Note, string Kinder);

/// <summary>
/// What the soft start-up helper makes of a text (decisions/0030): Verdict is Kind only when it is confident, Unsure
/// (with LookAt: what to look at) when it cannot tell, Harsh when it found a pattern. It only suggests; nothing is stored or sent.
/// </summary>
public sealed record SoftStartupDto(
    string Verdict,
    bool ReadsKindly,
    IReadOnlyList<SoftStartupFlagDto> Flags,
    IReadOnlyList<string> LookAt,
    string Frame,
    string FrameExample
)
{
    public static SoftStartupDto From(ToneReading reading, SoftStartup soft) =>
        new(
            reading.Verdict.ToString(),
            reading.ReadsKindly,
            reading.Findings.Select(f => new SoftStartupFlagDto(f.Kind, f.Title, f.Phrase, f.Note, f.Kinder)).ToList(),
            reading.LookAt,
            soft.Frame,
            soft.FrameExample
        );
}

/// <summary>This week's check-in as GetThisWeeksCheckIn gives it to the page: the partner's answers only once the member has done
/// theirs.</summary>
public sealed record CheckInDto(
    DateOnly WeekStart,
    IReadOnlyList<string> Prompts,
    bool HasPartner,
    CheckInAnswers? Mine,
    bool PartnerDone,
    CheckInAnswers? Partners
);

[Infrastructure.Api.ApiArea]
public static class TalkApi
{
    public static void MapTalkApi(this RouteGroupBuilder api)
    {
        var talk = api.MapGroup("/talk").WithTags("Talk");

        talk.MapGet("/today", GetTodayAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTodaysQuestion")
            .WithSummary("Today's question, your answer, and your partner's once you have both answered");

        talk.MapPost("/today/answer", AnswerAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AnswerTodaysQuestion")
            .WithSummary("Answer today's question, change your answer until both have answered, or pass");

        talk.MapGet("/check-in", GetCheckInAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetWeeklyCheckIn")
            .WithSummary("This week's check-in: prompts, yours, and your partner's once you have done yours");

        talk.MapPost("/check-in", SaveCheckInAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SaveWeeklyCheckIn")
            .WithSummary("Save this week's check-in; only the pulse and what went well are required");

        talk.MapPost("/answers/reply", ReplyAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ReplyToAnswer")
            .WithSummary("Reply to your partner's answer and react to it, once you have both answered");

        talk.MapGet("/archive", GetArchiveAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTalkArchive")
            .WithSummary("Past questions, newest first, 20 a page, with an optional search over questions and answers");

        talk.MapPost("/soft-startup", CheckSoftStartup)
            .WithName("CheckSoftStartup")
            .WithSummary(
                "Check how words meant for your partner sound (criticism, contempt, defensiveness, stonewalling, absolutes, blame, comparisons, threats, non-apologies); nothing is stored"
            );

        talk.MapGet("/questions", GetYourQuestionsAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOwnQuestions")
            .WithSummary("The questions you both added to your rotation, and the kinds of question you muted");

        talk.MapPost("/questions", AddQuestionAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("AddOwnQuestion")
            .WithSummary("Add a question of your own (at most 200 characters) to your daily rotation; sealed with your couple's key");

        talk.MapDelete("/questions/{id:guid}", RetireQuestionAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RetireOwnQuestion")
            .WithSummary("Take one of your couple's own questions out of the rotation (either of you can)");

        talk.MapGet("/question-mutes", GetMutesAsync)
            .WithName("GetQuestionMutes")
            .WithSummary("The kinds of question you muted (yours only; your partner is not told)");

        talk.MapPut("/question-mutes", SetMutesAsync)
            .ProducesValidationProblem()
            .WithName("SetQuestionMutes")
            .WithSummary("Set the kinds of question you mute: a muted kind is left out of your couple's daily draw");

        talk.MapConversationApi();
    }

    private static ProblemHttpResult NoCouple() => ApiResults.Problem(Problem.NotFound(Text.Of("Start or join a couple space first.")));

    private static async Task<Results<Ok<DailyQuestionDto>, ProblemHttpResult>> GetTodayAsync(
        TodaysQuestion today,
        CancellationToken cancellationToken
    ) => await today.HandleAsync(cancellationToken) is { } view ? TypedResults.Ok(Dto(view)) : NoCouple();

    private static async Task<Results<Ok<YourQuestionsDto>, ProblemHttpResult>> GetYourQuestionsAsync(
        GetYourQuestions questions,
        CancellationToken cancellationToken
    ) =>
        await questions.HandleAsync(cancellationToken) is { } view
            ? TypedResults.Ok(new YourQuestionsDto(view.Questions.Select(Dto).ToList(), view.CanAdd, view.Muted, QuestionKinds.All))
            : NoCouple();

    private static async Task<Results<Ok<OwnQuestionDto>, ProblemHttpResult>> AddQuestionAsync(
        OwnQuestionRequest request,
        AddCoupleQuestion add,
        CancellationToken cancellationToken
    ) => ApiResults.From(await add.HandleAsync(request, cancellationToken), Dto);

    private static async Task<Results<NoContent, ProblemHttpResult>> RetireQuestionAsync(
        Guid id,
        RetireCoupleQuestion retire,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await retire.HandleAsync(id, cancellationToken));

    private static async Task<Ok<QuestionMutesDto>> GetMutesAsync(
        CoupleQuestionStore store,
        Pairing.CurrentMember current,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(new QuestionMutesDto(await store.MutesOfAsync(current.RequiredMemberId, cancellationToken), QuestionKinds.All));

    private static async Task<Results<Ok<QuestionMutesDto>, ProblemHttpResult>> SetMutesAsync(
        QuestionMutesRequest request,
        SaveQuestionMutes save,
        CancellationToken cancellationToken
    ) => ApiResults.From(await save.HandleAsync(request, cancellationToken), muted => new QuestionMutesDto(muted, QuestionKinds.All));

    private static OwnQuestionDto Dto(OwnQuestionView q) =>
        new(q.Id, q.Text, q.AddedBy.IsViewer, q.AddedBy.IsViewer ? null : q.AddedBy.FirstName, q.CreatedAt);

    private static async Task<Results<Ok<DailyQuestionDto>, ProblemHttpResult>> AnswerAsync(
        AnswerRequest request,
        AnswerDailyQuestion answer,
        CancellationToken cancellationToken
    ) => ApiResults.From(await answer.HandleAsync(request, cancellationToken), Dto);

    private static async Task<Results<Ok<CheckInDto>, ProblemHttpResult>> GetCheckInAsync(
        GetThisWeeksCheckIn thisWeek,
        CancellationToken cancellationToken
    ) => await thisWeek.HandleAsync(cancellationToken) is { } view ? TypedResults.Ok(Dto(view)) : NoCouple();

    private static async Task<Results<Ok<CheckInDto>, ProblemHttpResult>> SaveCheckInAsync(
        CheckInRequest request,
        SaveCheckIn save,
        CancellationToken cancellationToken
    ) => ApiResults.From(await save.HandleAsync(request, cancellationToken), Dto);

    private static async Task<Results<Ok<DailyQuestionDto>, ProblemHttpResult>> ReplyAsync(
        ReplyRequest request,
        ReplyToAnswer reply,
        CancellationToken cancellationToken
    ) => ApiResults.From(await reply.HandleAsync(request, cancellationToken), Dto);

    // The search's length and the page's range are the archive's to keep (TalkArchive), for this endpoint and the page alike.
    private static async Task<Results<Ok<ArchiveDto>, ProblemHttpResult>> GetArchiveAsync(
        TalkArchive archive,
        CancellationToken cancellationToken,
        string? q = null,
        int page = 1
    ) =>
        await archive.HandleAsync(q, page, cancellationToken) is { } result
            ? TypedResults.Ok(
                new ArchiveDto(
                    result.Days.Select(Dto).ToList(),
                    result.Page,
                    result.HasMore,
                    result.Query,
                    result.DaysBothAnsweredThisMonth
                )
            )
            : NoCouple();

    private static Ok<SoftStartupDto> CheckSoftStartup(SoftStartupRequest request, SoftStartup soft) =>
        TypedResults.Ok(SoftStartupDto.From(soft.Read(request.Text) ?? soft.Nothing, soft));

    private static DailyQuestionDto Dto(DailyView v) =>
        new(
            v.QuestionRowId,
            v.Day,
            v.Question.Text,
            v.Question.Area,
            v.Question.Depth.ToString(),
            v.HasPartner,
            Dto(v.Mine),
            v.PartnerResponded,
            v.PartnerSkipped,
            Dto(v.Partners),
            v.Revealed,
            v.Own,
            v.AddedBy?.IsViewer == true,
            v.AddedBy is { IsViewer: false } author ? author.FirstName : null
        );

    private static AnswerDto? Dto(AnswerView? a) => a is null ? null : new(a.Text, a.Skipped, a.AnsweredAt, a.Reply, a.Reaction.ToString());

    private static CheckInDto Dto(CheckInView v) => new(v.WeekStart, v.Prompts, v.HasPartner, v.Mine, v.PartnerDone, v.Partners);
}
