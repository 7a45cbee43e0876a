using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

public sealed record ConversationTopicDto(string Key, string Title, string Starter);

/// <summary>
/// The open or latest conversation: who holds the floor and what the member may press. Nothing either
/// partner says is stored; only the turn, and at the end an optional summary the couple shares.
/// </summary>
public sealed record FloorDto(
    Guid Id,
    string TopicKey,
    string? TopicTitle,
    bool OneDevice,
    string Phase,
    bool StartedByMe,
    bool IAmSpeaker,
    bool IAmListener,
    bool Paused,
    int Turns,
    bool StarterHeard,
    bool PartnerHeard,
    bool BothHeard,
    int ElapsedSeconds,
    int SpeakingSeconds,
    DateTime StartedAt,
    DateTime? EndedAt,
    string? Summary,
    IReadOnlyList<string> Actions
);

/// <summary>
/// The guided conversation as the page shows it. While the member's safety screen has them resting
/// (decisions/0010) the floor is not shown; only <see cref="Version"/> and <see cref="Open"/>, so an
/// open conversation can still be ended.
/// </summary>
public sealed record ConversationDto(
    bool Resting,
    string PartnerName,
    string Intro,
    IReadOnlyList<string> Rules,
    IReadOnlyList<ConversationTopicDto> Topics,
    int? Version,
    bool Open,
    FloorDto? Floor
);

/// <summary>Only the version of the couple's latest conversation: poll it to learn when the partner took a step.</summary>
public sealed record ConversationStateDto(int Version);

public static class ConversationApi
{
    public static void MapConversationApi(this RouteGroupBuilder talk)
    {
        talk.MapGet("/conversation", GetAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConversation")
            .WithSummary("The guided conversation: topics, and the open or latest one with whose turn it is");

        talk.MapGet("/conversation/state", GetStateAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConversationState")
            .WithSummary("The latest conversation's version, to poll for your partner's steps");

        talk.MapPost("/conversation", StartAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("StartConversation")
            .WithSummary("Start a guided conversation (resting members cannot)");

        talk.MapPost("/conversation/steps", StepAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("TakeConversationStep")
            .WithSummary("Take a step on the floor; a stale version is refused, so two devices never both move it");

        talk.MapPost("/conversation/summary", SaveSummaryAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SaveConversationSummary")
            .WithSummary("Write or change the ended conversation's short summary, shared by you both");
    }

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> GetAsync(
        GetConversation conversation,
        ConversationContent content,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) =>
        await conversation.HandleAsync(cancellationToken) is { } view
            ? TypedResults.Ok(Dto(view, content, clock))
            : ApiResults.Problem(Problem.NotFound(Text.Of("A guided conversation needs your partner in your couple space.")));

    private static async Task<Results<Ok<ConversationStateDto>, ProblemHttpResult>> GetStateAsync(
        GetConversationVersion version,
        CancellationToken cancellationToken
    ) =>
        await version.HandleAsync(cancellationToken) is { } latest
            ? TypedResults.Ok(new ConversationStateDto(latest))
            : ApiResults.Problem(Problem.NotFound(Text.Of("There is no conversation to follow.")));

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> StartAsync(
        StartConversationRequest request,
        StartConversation start,
        ConversationContent content,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) => ApiResults.From(await start.HandleAsync(request, cancellationToken), view => Dto(view, content, clock));

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> StepAsync(
        ConversationStepRequest request,
        TakeConversationStep step,
        ConversationContent content,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) => ApiResults.From(await step.HandleAsync(request, cancellationToken), view => Dto(view, content, clock));

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> SaveSummaryAsync(
        ConversationSummaryRequest request,
        SaveConversationSummary save,
        ConversationContent content,
        TimeProvider clock,
        CancellationToken cancellationToken
    ) => ApiResults.From(await save.HandleAsync(request, cancellationToken), view => Dto(view, content, clock));

    private static ConversationDto Dto(ConversationView view, ConversationContent content, TimeProvider clock)
    {
        var c = view.Current;
        var topics = content.Topics.Select(t => new ConversationTopicDto(t.Key, t.Title, t.Starter)).ToList();
        var floor =
            c is null || view.Resting
                ? null
                : new FloorDto(
                    c.Id,
                    c.TopicKey,
                    view.Topic?.Title,
                    c.OneDevice,
                    c.Phase.ToString(),
                    c.OwnerId == view.MemberId,
                    view.IsSpeaker,
                    view.IsListener,
                    c.Paused,
                    c.Turns,
                    c.StarterHeard,
                    c.PartnerHeard,
                    c.BothHeard,
                    Elapsed(c, clock),
                    Conversation.SpeakingSeconds,
                    c.StartedAt,
                    c.EndedAt,
                    view.Summary,
                    Actions(view, c)
                );
        return new ConversationDto(
            view.Resting,
            view.PartnerName,
            content.Intro,
            content.Rules,
            topics,
            c?.Version,
            c is { EndedAt: null },
            floor
        );
    }

    // Seconds spoken in this phase by the server's clock, as the page's timer starts from.
    private static int Elapsed(Conversation c, TimeProvider clock) =>
        c.EndedAt is not null
            ? 0
            : (int)Math.Max(0, ((c.Paused ? c.PausedAt!.Value : clock.GetUtcNow().UtcDateTime) - c.PhaseStartedAt).TotalSeconds);

    /// <summary>The steps the page would offer this member now (FloorRules still decides).</summary>
    private static List<string> Actions(ConversationView view, Conversation c)
    {
        if (c.EndedAt is not null)
        {
            return [];
        }

        if (c.Phase == FloorPhase.Invited)
        {
            return c.PartnerId == view.MemberId ? [nameof(FloorAction.Join), nameof(FloorAction.Decline)] : [nameof(FloorAction.End)];
        }

        if (c.Paused)
        {
            return [nameof(FloorAction.Resume)];
        }

        var actions = new List<string>();
        switch (c.Phase)
        {
            case FloorPhase.Speaking when view.IsSpeaker:
                actions.Add(nameof(FloorAction.DoneSpeaking));
                break;
            case FloorPhase.SayingBack when view.IsListener:
                actions.Add(nameof(FloorAction.SaidItBack));
                break;
            case FloorPhase.Confirming when view.IsSpeaker:
                actions.AddRange([nameof(FloorAction.ThatsIt), nameof(FloorAction.NotQuite)]);
                break;
        }

        actions.Add(nameof(FloorAction.Pause));
        if (c.BothHeard)
        {
            actions.Add(nameof(FloorAction.BothHeard));
        }

        actions.Add(nameof(FloorAction.End));
        return actions;
    }
}
