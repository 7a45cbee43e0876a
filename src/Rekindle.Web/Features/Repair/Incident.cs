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

    public static string KeyFor(Guid incidentId, RepairStep step) => $"repair:{incidentId:N}:{(int)step}";

    public SealPlace PlaceOf(string property) =>
        property == nameof(Entry)
            ? SealedPlaces.IncidentEntryEntry.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
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
