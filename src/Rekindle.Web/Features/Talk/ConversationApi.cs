using Microsoft.AspNetCore.Http.HttpResults;

namespace Rekindle.Web.Features.Talk;

public sealed record ConversationTopicDto(string Key, string Title, string Starter);

/// <summary>
/// The open or latest conversation: who holds the floor and what the member may press. Nothing either
/// partner says is stored; only the turn, and at the end an optional summary the couple shares.
/// </summary>
public sealed record FloorDto(
    Guid Id, string TopicKey, string? TopicTitle, bool OneDevice, string Phase, bool StartedByMe, bool IAmSpeaker, bool IAmListener,
    bool Paused, int Turns, bool StarterHeard, bool PartnerHeard, bool BothHeard, int ElapsedSeconds, int SpeakingSeconds,
    DateTime StartedAt, DateTime? EndedAt, string? Summary, IReadOnlyList<string> Actions);

/// <summary>
/// The guided conversation as the page shows it. While the member's safety screen has them resting
/// (decisions/0010) the floor is not shown; only <see cref="Version"/> and <see cref="Open"/>, so an
/// open conversation can still be ended.
/// </summary>
public sealed record ConversationDto(
    bool Resting, string PartnerName, string Intro, IReadOnlyList<string> Rules, IReadOnlyList<ConversationTopicDto> Topics,
    int? Version, bool Open, FloorDto? Floor);

/// <summary>Start a conversation on a topic: together on one device, or inviting the partner's device.</summary>
public sealed record StartConversationRequest(string? Topic, bool OneDevice);

/// <summary>A step on the floor (Join, Decline, DoneSpeaking, SaidItBack, ThatsIt, NotQuite, Pause, Resume, BothHeard, End) at the version the client last saw.</summary>
public sealed record ConversationStepRequest(string? Action, int Version);

public sealed record ConversationSummaryRequest(string? Summary);

/// <summary>Only the version of the couple's latest conversation: poll it to learn when the partner took a step.</summary>
public sealed record ConversationStateDto(int Version);

public static class ConversationApi
{
    private const string NoPartner = "A guided conversation needs your partner in your couple space.";

    public static void MapConversationApi(this RouteGroupBuilder talk)
    {
        talk.MapGet("/conversation", async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> (
                Conversations conversations, ConversationContent content, TimeProvider clock, CancellationToken cancellationToken) =>
                await conversations.HandleAsync(cancellationToken) is { } view ? TypedResults.Ok(Dto(view, content, clock)) : TalkApi.NotFound(NoPartner))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConversation").WithSummary("The guided conversation: topics, and the open or latest one with whose turn it is");

        talk.MapGet("/conversation/state", async Task<Results<Ok<ConversationStateDto>, ProblemHttpResult>> (Conversations conversations, CancellationToken cancellationToken) =>
                await conversations.VersionAsync(cancellationToken) is { } version ? TypedResults.Ok(new ConversationStateDto(version)) : TalkApi.NotFound("There is no conversation to follow."))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConversationState").WithSummary("The latest conversation's version, to poll for your partner's steps");

        talk.MapPost("/conversation", async Task<Results<Ok<ConversationDto>, ValidationProblem, ProblemHttpResult>> (
                StartConversationRequest request, Conversations conversations, ConversationContent content, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (await conversations.HandleAsync(cancellationToken) is null)
                {
                    return TalkApi.NotFound(NoPartner);
                }

                var outcome = await conversations.StartAsync(string.IsNullOrEmpty(request.Topic) ? null : request.Topic, request.OneDevice, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto((await conversations.HandleAsync(cancellationToken))!, content, clock))
                    : TalkApi.Invalid(outcome.Error!.Contains("topic", StringComparison.Ordinal) ? "topic" : "conversation", outcome.Error);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("StartConversation").WithSummary("Start a guided conversation (resting members cannot)");

        talk.MapPost("/conversation/steps", async Task<Results<Ok<ConversationDto>, ValidationProblem, ProblemHttpResult>> (
                ConversationStepRequest request, Conversations conversations, ConversationContent content, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (await conversations.HandleAsync(cancellationToken) is null)
                {
                    return TalkApi.NotFound(NoPartner);
                }

                if (!Enum.TryParse<FloorAction>(request.Action, ignoreCase: false, out var action) || !Enum.IsDefined(action) || int.TryParse(request.Action, out _))
                {
                    return TalkApi.Invalid("action", "That step isn't one this conversation knows.");
                }

                var outcome = await conversations.ActAsync(action, request.Version, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto((await conversations.HandleAsync(cancellationToken))!, content, clock))
                    : TalkApi.Invalid(outcome.Error!.StartsWith("Things moved on", StringComparison.Ordinal) ? "version" : "action", outcome.Error);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("TakeConversationStep").WithSummary("Take a step on the floor; a stale version is refused, so two devices never both move it");

        talk.MapPost("/conversation/summary", async Task<Results<Ok<ConversationDto>, ValidationProblem, ProblemHttpResult>> (
                ConversationSummaryRequest request, Conversations conversations, ConversationContent content, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (await conversations.HandleAsync(cancellationToken) is null)
                {
                    return TalkApi.NotFound(NoPartner);
                }

                var outcome = await conversations.SaveSummaryAsync(request.Summary, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto((await conversations.HandleAsync(cancellationToken))!, content, clock))
                    : TalkApi.Invalid("summary", outcome.Error!);
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("SaveConversationSummary").WithSummary("Write or change the ended conversation's short summary, shared by you both");
    }

    private static ConversationDto Dto(ConversationView view, ConversationContent content, TimeProvider clock)
    {
        var c = view.Current;
        var topics = content.Topics.Select(t => new ConversationTopicDto(t.Key, t.Title, t.Starter)).ToList();
        var floor = c is null || view.Resting ? null : new FloorDto(
            c.Id, c.TopicKey, view.Topic?.Title, c.OneDevice, c.Phase.ToString(), c.OwnerId == view.MemberId, view.IsSpeaker, view.IsListener,
            c.Paused, c.Turns, c.StarterHeard, c.PartnerHeard, c.BothHeard, Elapsed(c, clock), Conversation.SpeakingSeconds,
            c.StartedAt, c.EndedAt, view.Summary, Actions(view, c));
        return new ConversationDto(view.Resting, view.PartnerName, content.Intro, content.Rules, topics, c?.Version, c is { EndedAt: null }, floor);
    }

    // Seconds spoken in this phase by the server's clock, as the page's timer starts from.
    private static int Elapsed(Conversation c, TimeProvider clock) =>
        c.EndedAt is not null ? 0 : (int)Math.Max(0, ((c.Paused ? c.PausedAt!.Value : clock.GetUtcNow().UtcDateTime) - c.PhaseStartedAt).TotalSeconds);

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
