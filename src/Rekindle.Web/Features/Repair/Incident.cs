using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>The steps of a repair, in order. <see cref="Calm"/> comes before any writing; <see cref="FollowUp"/> a week after the
/// plan.</summary>
public enum RepairStep
{
    Calm = 0,
    Feelings = 1,
    Account = 2,
    Heard = 3,
    Past = 4,
    Own = 5,
    Plan = 6,
    Done = 7,
    FollowUp = 8,
}

/// <summary>
/// A speaker's answer to what their partner heard of their account ("what you heard"): stored on the speaker's own "heard"
/// entry, since it is the speaker who says it.
/// </summary>
public enum HeardReply
{
    /// <summary>"Yes, that's it": the speaker feels heard.</summary>
    Yes = 1,

    /// <summary>"Some of it got missed": the listener reads the account again and tries once more.</summary>
    Missed = 2,
}

/// <summary>
/// One incident a couple works through together. Its name is the couple's (sealed with the couple
/// key); what each writes at each step is an <see cref="IncidentEntry"/> of their own. Where they
/// are is worked out from who has written what (<see cref="RepairRules"/>); the row keeps only who
/// said they are calm enough, whether it is paused, and when it was completed or set aside.
/// </summary>
public sealed class Incident : ISealedRecord
{
    public const int TitleMaxLength = 120;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid OpenedBy { get; set; }

    public Guid PartnerId { get; set; }

    public SealedText Title { get; set; } = default!;

    public DateTime OpenedAt { get; set; }

    public bool OpenerCalm { get; set; }

    public bool PartnerCalm { get; set; }

    /// <summary>Paused by either: both say they are calm enough again to go on.</summary>
    public bool Paused { get; set; }

    public DateTime? PausedAt { get; set; }

    /// <summary>When both had shared their plan; the follow-up is a week later.</summary>
    public DateTime? CompletedAt { get; set; }

    /// <summary>Set aside by either partner before it was completed: it stays in the list, closed.</summary>
    public DateTime? SetAsideAt { get; set; }

    /// <summary>Bumped on every change: a page posted from an older revision is told things moved on.</summary>
    public int Revision { get; set; }

    public DateTime? FollowUpDueAt => CompletedAt?.Add(RepairRules.FollowUpAfter);

    public SealPlace PlaceOf(string property) =>
        property == nameof(Title)
            ? SealedPlaces.IncidentTitle.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>
/// What one partner wrote at one step of a repair: chosen feelings and one or two texts, sealed
/// together with the author's key. Blind reveal: the partner sees it once they have written their own
/// for the same step (<see cref="Disclosure"/>), and from then on neither can change it.
/// </summary>
public sealed class IncidentEntry : IVisibleRecord, ISealedRecord
{
    public const int TextMaxLength = 1500;

    public Guid Id { get; set; }

    public Guid IncidentId { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.BlindReveal;

    /// <summary>"repair:{incident}:{step}".</summary>
    public string PromptKey { get; set; } = "";

    public RepairStep Step { get; set; }

    /// <summary>An <see cref="EntryPayload"/> as JSON, sealed with the author's key.</summary>
    public SealedText Entry { get; set; } = default!;

    public DateTime WrittenAt { get; set; }

    /// <summary>
    /// On a "heard" entry only: its author's answer to what the partner heard of their account. Null until they answer, and again
    /// once the partner has tried again after "some of it got missed" (<see cref="Missed"/> is then kept, for context).
    /// </summary>
    public HeardReply? Reply { get; set; }

    /// <summary>On a "heard" entry only: the optional short line of what got missed, sealed with the author's key like the entry.</summary>
    public SealedText? Missed { get; set; }

    public const int MissedMaxLength = 300;

    public static string KeyFor(Guid incidentId, RepairStep step) => $"repair:{incidentId:N}:{(int)step}";

    public SealPlace PlaceOf(string property) =>
        property switch
        {
            nameof(Entry) => SealedPlaces.IncidentEntryEntry.At(Id, KeyOwner.Member(OwnerId)),
            nameof(Missed) => SealedPlaces.IncidentEntryMissed.At(Id, KeyOwner.Member(OwnerId)),
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
}

/// <summary>What an entry holds, opened.</summary>
public sealed record EntryPayload(IReadOnlyList<string> Feelings, string? Text, string? Second, string? Choice)
{
    public static readonly EntryPayload Empty = new([], null, null, null);
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>, IEntityTypeConfiguration<IncidentEntry>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(i => i.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.OpenedBy).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.CoupleId, i.OpenedAt });
        builder.HasIndex(i => i.CompletedAt);
        builder.Property(i => i.Title).HasMaxLength(1000);
        builder.Property(i => i.Revision).IsConcurrencyToken();
        builder.Ignore(i => i.FollowUpDueAt);
    }

    public void Configure(EntityTypeBuilder<IncidentEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne<Incident>().WithMany().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(e => e.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(e => new
            {
                e.OwnerId,
                e.CoupleId,
                e.PromptKey,
            })
            .IsUnique();
        builder.HasIndex(e => new { e.IncidentId, e.Step });
        builder.Property(e => e.PromptKey).HasMaxLength(60);
    }
}
