using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>An item a couple added to their list; both answer it privately. Its words are sealed with the couple's key.</summary>
public sealed class CustomDesire : ISealedRecord
{
    public const int TextMaxLength = 90;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid AddedBy { get; set; }

    public string Category { get; set; } = "";

    public SealedText Text { get; set; } = default!;

    public DateTime AddedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Text)
            ? SealedPlaces.CustomDesireText.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>"Check in first" on a matched item: shared, shown to both, never saying who set it.</summary>
public sealed class CheckInFirst
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public string ItemKey { get; set; } = "";

    public DateTime SetAt { get; set; }
}

/// <summary>A member privately marking themselves ready to move past a stage of the touch program.</summary>
public sealed class StageReady
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid CoupleId { get; set; }

    public int Stage { get; set; }

    public DateTime ReadyAt { get; set; }
}

/// <summary>A member's private log of one touch session: when, which stage, how it felt, a note. Theirs alone.</summary>
public sealed class TouchLog : ISealedRecord
{
    public const int NoteMaxLength = 1000;

    public static readonly string[] Feelings = ["calm", "warm", "mixed", "uneasy"];

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid CoupleId { get; set; }

    public int Stage { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>One of <see cref="Feelings"/> and the note, sealed together as "feeling\nnote".</summary>
    public SealedText Entry { get; set; } = default!;

    public DateTime LoggedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Entry)
            ? SealedPlaces.TouchLogEntry.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class IntimacyConfiguration
    : IEntityTypeConfiguration<CustomDesire>,
        IEntityTypeConfiguration<CheckInFirst>,
        IEntityTypeConfiguration<StageReady>,
        IEntityTypeConfiguration<TouchLog>
{
    public void Configure(EntityTypeBuilder<CustomDesire> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(d => d.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Category).HasMaxLength(30);
        builder.Property(d => d.Text).HasMaxLength(700);
    }

    public void Configure(EntityTypeBuilder<CheckInFirst> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(f => f.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.CoupleId, f.ItemKey }).IsUnique();
        builder.Property(f => f.ItemKey).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<StageReady> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(r => r.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(r => new
            {
                r.CoupleId,
                r.OwnerId,
                r.Stage,
            })
            .IsUnique();
    }

    public void Configure(EntityTypeBuilder<TouchLog> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(l => l.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new
        {
            l.OwnerId,
            l.CoupleId,
            l.Day,
        });
        builder.Property(l => l.Entry).HasMaxLength(6000);
    }
}
