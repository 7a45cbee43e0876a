using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

public enum FloorPhase
{
    /// <summary>Two devices: waiting for the partner to join.</summary>
    Invited = 0,

    /// <summary>The speaker makes one point.</summary>
    Speaking = 1,

    /// <summary>The listener says it back in their own words.</summary>
    SayingBack = 2,

    /// <summary>The speaker confirms, or says what was missed.</summary>
    Confirming = 3,

    Ended = 4,
}

public enum FloorAction
{
    Join,
    Decline,
    DoneSpeaking,
    SaidItBack,
    ThatsIt,
    NotQuite,
    Pause,
    Resume,
    BothHeard,
    End,
}

/// <summary>
/// A guided conversation: the app holds the floor. Shared by the couple (both see it); nothing either
/// says is stored, only whose turn it is, and at the end an optional summary sealed with the couple's key.
/// </summary>
public sealed class Conversation : IVisibleRecord, ISealedRecord
{
    public const int SpeakingSeconds = 120;

    public const int SummaryMaxLength = 1000;

    public Guid Id { get; set; }

    public Guid? CoupleId { get; set; }

    /// <summary>Who started it.</summary>
    public Guid OwnerId { get; set; }

    public Guid PartnerId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.Shared;

    public string PromptKey { get; set; } = "conversation";

    public string TopicKey { get; set; } = "";

    /// <summary>Both at one device: the signed-in partner presses for both.</summary>
    public bool OneDevice { get; set; }

    public FloorPhase Phase { get; set; }

    public Guid SpeakerId { get; set; }

    public bool StarterHeard { get; set; }

    public bool PartnerHeard { get; set; }

    public int Turns { get; set; }

    public bool Paused { get; set; }

    public DateTime PhaseStartedAt { get; set; }

    public DateTime? PausedAt { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public SealedText? Summary { get; set; }

    /// <summary>Bumped on every change: pages and the polling script see that something moved.</summary>
    public int Version { get; set; }

    public Guid ListenerId => SpeakerId == OwnerId ? PartnerId : OwnerId;

    public bool BothHeard => StarterHeard && PartnerHeard;

    public SealPlace PlaceOf(string property) =>
        property == nameof(Summary)
            ? SealedPlaces.ConversationSummary.At(Id, KeyOwner.Couple(CoupleId!.Value))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade).IsRequired();
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.PartnerId).OnDelete(DeleteBehavior.Cascade);
        // One open conversation a couple.
        builder.HasIndex(c => c.CoupleId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_Conversations_OneOpen");
        // Every read of a couple's conversations (the visibility rule, the export) goes by couple.
        builder.HasIndex(c => new { c.CoupleId, c.StartedAt });
        builder.Property(c => c.TopicKey).HasMaxLength(40);
        builder.Property(c => c.PromptKey).HasMaxLength(40);
        builder.Property(c => c.Summary).HasMaxLength(6000);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.ListenerId);
        builder.Ignore(c => c.BothHeard);
    }
}

/// <summary>
/// The floor's rules, pure: who may do what in which phase, and what follows. Returns the problem
/// in words when an action is not allowed now.
/// </summary>
public static class FloorRules
{
    public static string? Apply(Conversation c, FloorAction action, Guid actor, DateTime now)
    {
        var isStarter = actor == c.OwnerId;
        if (!isStarter && actor != c.PartnerId)
        {
            return Text.Of("This conversation isn't yours.");
        }

        if (c.Phase == FloorPhase.Ended)
        {
            return Text.Of("This conversation has ended.");
        }

        // On one device the signed-in partner presses for both; on two, each presses for their own role.
        bool Is(Guid who) => c.OneDevice || actor == who;

        switch (action)
        {
            case FloorAction.Join or FloorAction.Decline:
                if (c.Phase != FloorPhase.Invited || actor != c.PartnerId)
                {
                    return Text.Of("There is no invitation waiting for you.");
                }

                if (action == FloorAction.Decline)
                {
                    End(c, now);
                }
                else
                {
                    Move(c, FloorPhase.Speaking, now);
                }

                return null;
            case FloorAction.End:
                End(c, now);
                return null;
            case FloorAction.Pause or FloorAction.Resume:
                if (c.Phase == FloorPhase.Invited)
                {
                    return Text.Of("The conversation hasn't started yet.");
                }

                if (action == FloorAction.Pause && !c.Paused)
                {
                    (c.Paused, c.PausedAt) = (true, now);
                }
                else if (action == FloorAction.Resume && c.Paused)
                {
                    // The time spent paused does not count against the speaker.
                    c.PhaseStartedAt += now - (c.PausedAt ?? now);
                    (c.Paused, c.PausedAt) = (false, null);
                }

                c.Version++;
                return null;
        }

        if (c.Paused)
        {
            return Text.Of("You're paused. Resume when you're both ready.");
        }

        switch (action)
        {
            case FloorAction.DoneSpeaking when c.Phase == FloorPhase.Speaking && Is(c.SpeakerId):
                Move(c, FloorPhase.SayingBack, now);
                return null;
            case FloorAction.SaidItBack when c.Phase == FloorPhase.SayingBack && Is(c.ListenerId):
                Move(c, FloorPhase.Confirming, now);
                return null;
            case FloorAction.NotQuite when c.Phase == FloorPhase.Confirming && Is(c.SpeakerId):
                Move(c, FloorPhase.SayingBack, now);
                return null;
            case FloorAction.ThatsIt when c.Phase == FloorPhase.Confirming && Is(c.SpeakerId):
                if (c.SpeakerId == c.OwnerId)
                {
                    c.StarterHeard = true;
                }
                else
                {
                    c.PartnerHeard = true;
                }

                c.Turns++;
                c.SpeakerId = c.ListenerId;
                Move(c, FloorPhase.Speaking, now);
                return null;
            case FloorAction.BothHeard when c.BothHeard:
                End(c, now);
                return null;
            case FloorAction.BothHeard:
                return Text.Of("Each of you takes the floor at least once, and is heard, before you finish this way.");
            default:
                return Text.Of("That isn't your step just now. The page shows whose turn it is.");
        }
    }

    private static void Move(Conversation c, FloorPhase phase, DateTime now)
    {
        c.Phase = phase;
        c.PhaseStartedAt = now;
        c.Version++;
    }

    private static void End(Conversation c, DateTime now)
    {
        c.Phase = FloorPhase.Ended;
        c.EndedAt = now;
        c.Paused = false;
        c.Version++;
    }
}
