using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.Talk;

public sealed record AnswerDto(string? Text, bool Skipped, DateTime AnsweredAt, string? Reply, string Reaction);

/// <summary>Today's question as the member may see it: exactly what TodaysQuestion gives the page (the partner's answer only once revealed).</summary>
public sealed record DailyQuestionDto(
    Guid Id, DateOnly Day, string Question, string Area, string Depth, bool HasPartner,
    AnswerDto? Mine, bool PartnerResponded, bool PartnerSkipped, AnswerDto? Partners, bool Revealed);

public sealed record AnswerRequest(Guid QuestionId, string? Text, bool Pass);

/// <summary>A reply and a reaction (None, Heart, Hug, Laugh, Thanks) to the partner's answer, once both have answered.</summary>
public sealed record ReplyRequest(Guid QuestionId, string? Reply, string? Reaction);

/// <summary>One page of past questions, newest first, as the archive page shows them.</summary>
public sealed record ArchiveDto(IReadOnlyList<DailyQuestionDto> Days, int Page, bool HasMore, string? Query, int DaysBothAnsweredThisMonth);

public sealed record SoftStartupRequest(string? Text);

/// <summary>One pattern the helper found: its kind (criticism, contempt, defensiveness, stonewalling, absolutes, blame, comparison, threat, non-apology), the words as written, a gentle note and a kinder way to say it.</summary>
public sealed record SoftStartupFlagDto(string Kind, string Title, string Phrase, string Note, string Kinder);

/// <summary>
/// What the soft start-up helper makes of a text (decisions/0030): Verdict is Kind only when it is confident, Unsure
/// (with LookAt: what to look at) when it cannot tell, Harsh when it found a pattern. It only suggests; nothing is stored or sent.
/// </summary>
public sealed record SoftStartupDto(string Verdict, bool ReadsKindly, IReadOnlyList<SoftStartupFlagDto> Flags, IReadOnlyList<string> LookAt, string Frame, string FrameExample)
{
    public static SoftStartupDto From(ToneReading reading, SoftStartup soft) => new(
        reading.Verdict.ToString(), reading.ReadsKindly, reading.Findings.Select(f => new SoftStartupFlagDto(f.Kind, f.Title, f.Phrase, f.Note, f.Kinder)).ToList(),
        reading.LookAt, soft.Frame, soft.FrameExample);
}

/// <summary>This week's check-in as WeeklyCheckIns gives it to the page: the partner's answers only once the member has done theirs.</summary>
public sealed record CheckInDto(DateOnly WeekStart, IReadOnlyList<string> Prompts, bool HasPartner, CheckInAnswers? Mine, bool PartnerDone, CheckInAnswers? Partners);

[Infrastructure.Api.ApiArea]
public static class TalkApi
{
    private const string NoCouple = "Start or join a couple space first.";

    public static void MapTalkApi(this RouteGroupBuilder api)
    {
        var talk = api.MapGroup("/talk").WithTags("Talk");

        talk.MapGet("/today", async Task<Results<Ok<DailyQuestionDto>, ProblemHttpResult>> (TodaysQuestion today, CancellationToken cancellationToken) =>
                await today.HandleAsync(cancellationToken) is { } view ? TypedResults.Ok(Dto(view)) : NotFound(NoCouple))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTodaysQuestion").WithSummary("Today's question, your answer, and your partner's once you have both answered");

        talk.MapPost("/today/answer", async Task<Results<Ok<DailyQuestionDto>, ValidationProblem, ProblemHttpResult>> (
                AnswerRequest request, TodaysQuestion today, AnswerDailyQuestion answer, CancellationToken cancellationToken) =>
            {
                // Only today's question of the member's own couple takes answers: any other id is not found.
                if (await today.HandleAsync(cancellationToken) is not { } view || view.QuestionRowId != request.QuestionId)
                {
                    return NotFound("That question is not today's question of your couple.");
                }

                var outcome = await answer.HandleAsync(request.QuestionId, request.Text, request.Pass, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return Invalid("text", outcome.Error!);
                }

                return TypedResults.Ok(Dto((await today.HandleAsync(cancellationToken))!));
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("AnswerTodaysQuestion").WithSummary("Answer today's question, change your answer until both have answered, or pass");

        talk.MapGet("/check-in", async Task<Results<Ok<CheckInDto>, ProblemHttpResult>> (WeeklyCheckIns checkIns, CancellationToken cancellationToken) =>
                await checkIns.ThisWeekAsync(cancellationToken) is { } view ? TypedResults.Ok(Dto(view)) : NotFound(NoCouple))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetWeeklyCheckIn").WithSummary("This week's check-in: prompts, yours, and your partner's once you have done yours");

        talk.MapPost("/check-in", async Task<Results<Ok<CheckInDto>, ValidationProblem, ProblemHttpResult>> (
                CheckInAnswers request, WeeklyCheckIns checkIns, CancellationToken cancellationToken) =>
            {
                if (await checkIns.ThisWeekAsync(cancellationToken) is null)
                {
                    return NotFound(NoCouple);
                }

                var outcome = await checkIns.SaveAsync(Normalised(request), cancellationToken);
                if (!outcome.Succeeded)
                {
                    return TypedResults.ValidationProblem(FieldsOf(request, outcome.Error!));
                }

                return TypedResults.Ok(Dto((await checkIns.ThisWeekAsync(cancellationToken))!));
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SaveWeeklyCheckIn").WithSummary("Save this week's check-in");

        talk.MapPost("/answers/reply", async Task<Results<Ok<DailyQuestionDto>, ValidationProblem, ProblemHttpResult>> (
                ReplyRequest request, TodaysQuestion questions, ReplyToAnswer reply, CancellationToken cancellationToken) =>
            {
                // Any day's question of the member's own couple (the page offers today's); another couple's is not found.
                if (await questions.ViewOfAsync(request.QuestionId, cancellationToken) is null)
                {
                    return NotFound("That question is not one of your couple's.");
                }

                var reaction = ReactionOf(request.Reaction);
                var outcome = await reply.HandleAsync(request.QuestionId, request.Reply, reaction, cancellationToken);
                if (!outcome.Succeeded)
                {
                    var field = !Enum.IsDefined(reaction) ? "reaction" : outcome.Error!.StartsWith("Replies open", StringComparison.Ordinal) ? "questionId" : "reply";
                    return Invalid(field, outcome.Error!);
                }

                return TypedResults.Ok(Dto((await questions.ViewOfAsync(request.QuestionId, cancellationToken))!));
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ReplyToAnswer").WithSummary("Reply to your partner's answer and react to it, once you have both answered");

        talk.MapGet("/archive", async Task<Results<Ok<ArchiveDto>, ProblemHttpResult>> (
                TodaysQuestion today, TalkArchive archive, CancellationToken cancellationToken, string? q = null, int page = 1) =>
            {
                if (await today.HandleAsync(cancellationToken) is not { } view)
                {
                    return NotFound(NoCouple);
                }

                // As the page: a search is at most 100 characters, and a page number out of range is clamped, never an error.
                var result = await archive.HandleAsync(q?.Length > 100 ? q[..100] : q, Math.Clamp(page, 1, 10_000), cancellationToken);
                return TypedResults.Ok(new ArchiveDto(
                    result.Days.Select(Dto).ToList(), result.Page, result.HasMore, result.Query,
                    await archive.DaysBothAnsweredThisMonthAsync(view.Day, cancellationToken)));
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetTalkArchive").WithSummary("Past questions, newest first, 20 a page, with an optional search over questions and answers");

        talk.MapPost("/soft-startup", Ok<SoftStartupDto> (SoftStartupRequest request, SoftStartup soft) =>
                TypedResults.Ok(SoftStartupDto.From(soft.Read(request.Text) ?? soft.Nothing, soft)))
            .WithName("CheckSoftStartup").WithSummary("Check how words meant for your partner sound (criticism, contempt, defensiveness, stonewalling, absolutes, blame, comparisons, threats, non-apologies); nothing is stored");

        talk.MapConversationApi();
    }

    /// <summary>A 404 as problem details (application/problem+json); endpoints declare it with ProducesProblem(404).</summary>
    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    internal static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>An empty reaction is none, as on the page; a word that is not one of the reactions (or a number) is left undefined for the handler to refuse.</summary>
    private static Reaction ReactionOf(string? word) =>
        string.IsNullOrEmpty(word) ? Reaction.None
        : !char.IsDigit(word[0]) && Enum.TryParse<Reaction>(word, ignoreCase: false, out var r) && Enum.IsDefined(r) ? r
        : (Reaction)(-1);

    private static CheckInAnswers Normalised(CheckInAnswers request) =>
        new(request.Appreciations ?? [], request.WentWell ?? "", request.ToTalkAbout ?? "", request.FeelLoved ?? "", request.Pulse);

    /// <summary>The handler's one message, under each field it is about (the empty or too long ones), so a client can show it beside them.</summary>
    private static Dictionary<string, string[]> FieldsOf(CheckInAnswers request, string message)
    {
        var fields = new Dictionary<string, string[]>();
        void Check(string name, string? value)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > CheckIn.FieldMaxLength)
            {
                fields[name] = [message];
            }
        }

        var appreciations = request.Appreciations ?? [];
        if (appreciations.Count != CheckInContent.Appreciations)
        {
            fields["appreciations"] = [message];
        }

        for (var i = 0; i < appreciations.Count; i++)
        {
            Check($"appreciations[{i}]", appreciations[i]);
        }

        Check("wentWell", request.WentWell);
        Check("toTalkAbout", request.ToTalkAbout);
        Check("feelLoved", request.FeelLoved);
        if (fields.Count == 0)
        {
            fields[request.Pulse is < 0 or > 10 ? "pulse" : "checkIn"] = [message];
        }

        return fields;
    }

    private static DailyQuestionDto Dto(DailyView v) => new(
        v.QuestionRowId, v.Day, v.Question.Text, v.Question.Area, v.Question.Depth.ToString(), v.HasPartner,
        Dto(v.Mine), v.PartnerResponded, v.PartnerSkipped, Dto(v.Partners), v.Revealed);

    private static AnswerDto? Dto(AnswerView? a) => a is null ? null : new(a.Text, a.Skipped, a.AnsweredAt, a.Reply, a.Reaction.ToString());

    private static CheckInDto Dto(CheckInView v) => new(v.WeekStart, v.Prompts, v.HasPartner, v.Mine, v.PartnerDone, v.Partners);
}
