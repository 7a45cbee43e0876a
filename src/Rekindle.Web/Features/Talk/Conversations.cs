using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

public sealed record ConversationTopic(string Key, string Title, string Starter);

/// <summary>The guided conversation's wording and topics (Content/talk/conversations.{language}.json).</summary>
public sealed record ConversationContent(
    string Intro,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> SpeakerTips,
    IReadOnlyList<string> ListenerPrompts,
    string ConfirmHelp,
    string CorrectHelp,
    string PauseNote,
    string HeardNote,
    IReadOnlyList<ConversationTopic> Topics)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ConversationTopic? Topic(string key) => Topics.FirstOrDefault(t => t.Key == key);

    public static ConversationContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var content = JsonSerializer.Deserialize<ConversationContent>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return content.Topics.Count > 0 && content.ListenerPrompts.Count > 0
            ? content
            : throw new InvalidDataException($"{path} needs topics and listener prompts.");
    }
}

/// <summary>
/// What the member sees of the couple's conversation; null <see cref="Current"/> when there is none.
/// <see cref="Resting"/>: the member's own concern or pause; <see cref="Concern"/>: which is the concern;
/// <see cref="PartnerAway"/>: the partner rests, for a reason never told (decisions/0027).
/// </summary>
public sealed record ConversationView(Conversation? Current, ConversationTopic? Topic, string? Summary, bool Resting, Guid MemberId, string MyName, string PartnerName,
    bool Concern = false, bool PartnerAway = false)
{
    public bool IsSpeaker => Current is { } c && (c.OneDevice || c.SpeakerId == MemberId);

    public bool IsListener => Current is { } c && (c.OneDevice || c.ListenerId == MemberId);

    public string NameOf(Guid member) => member == MemberId ? MyName : PartnerName;
}

/// <summary>
/// The couple's guided conversation: start (on one device, or inviting the partner's device), take
/// steps on the floor, pause, finish, and an optional summary. A member whose own safety screen raised
/// a concern, or who paused exercises for two, sees the exercise resting (decisions/0010, 0027): they
/// cannot start or join one. Their partner cannot start one either, and is told only, in the same
/// words whatever the reason, that the other has paused.
/// </summary>
public sealed class Conversations(
    AppDbContext db,
    CurrentMember current,
    GetCoupleStatus status,
    Resting resting,
    Account.MemberNames names,
    ConversationContent content,
    Sealer sealer,
    TimeProvider clock,
    ILogger<Conversations> logger)
{
    public async Task<ConversationView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var couple = await status.HandleAsync(cancellationToken);
        if (viewer.CoupleId is null || couple.Stage != CoupleStage.Together)
        {
            return null;
        }

        var rest = await resting.StateAsync(cancellationToken);
        var latest = await Involving(viewer).VisibleTo(viewer)
            .OrderByDescending(c => c.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        string? summary = null;
        if (latest?.Summary is not null)
        {
            summary = await sealer.OpenAsync(latest.Summary, latest.PlaceOf(nameof(Conversation.Summary)), cancellationToken);
        }

        var me = await db.Users.AsNoTracking().Where(u => u.Id == viewer.MemberId).Select(u => u.FirstName).FirstAsync(cancellationToken);
        return new ConversationView(latest, latest is null ? null : content.Topic(latest.TopicKey), summary, rest.Mine, viewer.MemberId,
            await names.OpenAsync(viewer.MemberId, me, cancellationToken), couple.PartnerFirstName ?? "", rest.Concern, rest.PartnerAway);
    }

    public async Task<Outcome<bool>> StartAsync(string? topicKey, bool oneDevice, CancellationToken cancellationToken = default)
    {
        var view = await HandleAsync(cancellationToken);
        if (view is null)
        {
            return Outcome<bool>.Fail(Text.Of("A guided conversation needs your partner in your couple space."));
        }

        if (await resting.RefusalAsync(Text.Of("Guided conversations are resting for now."), evenWhenPartnerAway: true, cancellationToken) is { } refusal)
        {
            return Outcome<bool>.Fail(refusal);
        }

        if (topicKey is null || content.Topic(topicKey) is null)
        {
            return Outcome<bool>.Fail(Text.Of("Please choose a topic."));
        }

        if (view.Current is { EndedAt: null })
        {
            return Outcome<bool>.Fail(Text.Of("You already have a conversation open. Finish it, or end it, first."));
        }

        var viewer = await current.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var partnerId = (await current.PartnerIdAsync(cancellationToken))!.Value;
        db.Conversations.Add(new Conversation
        {
            Id = Guid.NewGuid(),
            CoupleId = viewer.CoupleId,
            OwnerId = viewer.MemberId,
            PartnerId = partnerId,
            TopicKey = topicKey,
            OneDevice = oneDevice,
            Phase = oneDevice ? FloorPhase.Speaking : FloorPhase.Invited,
            SpeakerId = viewer.MemberId,
            StartedAt = now,
            PhaseStartedAt = now,
            Version = 1,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<bool>.Fail(Text.Of("Your partner started a conversation at the same moment. Here it is."));
        }

        logger.LogInformation("Member {MemberId} started a guided conversation in couple {CoupleId}", viewer.MemberId, viewer.CoupleId);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> ActAsync(FloorAction action, int version, CancellationToken cancellationToken = default)
    {
        var view = await HandleAsync(cancellationToken);
        if (view?.Current is not { EndedAt: null } open)
        {
            return Outcome<bool>.Fail(Text.Of("There is no conversation open just now."));
        }

        if (view.Resting && action is not (FloorAction.End or FloorAction.Pause or FloorAction.Decline)
            && await resting.RefusalAsync(Text.Of("Guided conversations are resting for now."), evenWhenPartnerAway: false, cancellationToken) is { } refusal)
        {
            return Outcome<bool>.Fail(refusal);
        }

        var row = await db.Conversations.FirstAsync(c => c.Id == open.Id, cancellationToken);
        if (row.Version != version)
        {
            return Outcome<bool>.Fail(Text.Of("Things moved on while this page was open. Here is where you are now."));
        }

        if (FloorRules.Apply(row, action, view.MemberId, clock.GetUtcNow().UtcDateTime) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Fail(Text.Of("Your partner pressed at the same moment. Here is where you are now."));
        }

        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> SaveSummaryAsync(string? text, CancellationToken cancellationToken = default)
    {
        var summary = text?.Trim() ?? "";
        if (TalkText.Problem(summary, Conversation.SummaryMaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        var view = await HandleAsync(cancellationToken);
        if (view?.Current is not { Phase: FloorPhase.Ended } ended)
        {
            return Outcome<bool>.Fail(Text.Of("A summary is written once the conversation has ended."));
        }

        var row = await db.Conversations.FirstAsync(c => c.Id == ended.Id, cancellationToken);
        row.Summary = await sealer.SealAsync(summary, row.PlaceOf(nameof(Conversation.Summary)), cancellationToken);
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<bool>.Fail(Text.Of("Your partner saved the summary at the same moment. Here is theirs; change it if you like."));
        }

        return Outcome<bool>.Ok(true);
    }

    /// <summary>
    /// The conversations the viewer is in. Every conversation of a couple has both partners as owner
    /// and partner, so this narrows nothing VisibleTo would let through; it lets the database use the
    /// OwnerId and PartnerId indexes, where VisibleTo alone scanned every couple's conversations
    /// (docs/PERFORMANCE.md: the partner-status poll grew with the number of couples).
    /// </summary>
    private IQueryable<Conversation> Involving(Viewer viewer) =>
        db.Conversations.AsNoTracking().Where(c => c.OwnerId == viewer.MemberId || c.PartnerId == viewer.MemberId);

    /// <summary>For the page's script: only a version number, so it knows when to reload. Polled every few seconds, so one small query.</summary>
    public async Task<int?> VersionAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        return await Involving(viewer).VisibleTo(viewer)
            .OrderByDescending(c => c.StartedAt)
            .Select(c => (int?)c.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
