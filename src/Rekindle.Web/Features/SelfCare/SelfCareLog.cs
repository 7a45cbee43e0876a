using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>One member's log for one of their days: every value and the note sealed together with their key. Theirs alone.</summary>
public sealed class SelfCareLog : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly Day { get; set; }

    public SealedText Entry { get; set; } = default!;

    public DateTime SavedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Entry)
            ? SealedPlaces.SelfCareLogEntry.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>One of a member's (at most three) personal goals, sealed. Theirs alone.</summary>
public sealed class SelfCareGoal : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public SealedText Goal { get; set; } = default!;

    public DateTime CreatedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Goal)
            ? SealedPlaces.SelfCareGoalGoal.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>A one-line summary of a week that the member chose to share with their partner: the only self-care the partner ever
/// sees.</summary>
public sealed class SelfCareShare : ISealedRecord
{
    public const int MaxLength = 120;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid CoupleId { get; set; }

    public DateOnly Week { get; set; }

    public SealedText Line { get; set; } = default!;

    public DateTime SharedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Line)
            ? SealedPlaces.SelfCareShareLine.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class SelfCareConfiguration
    : IEntityTypeConfiguration<SelfCareLog>,
        IEntityTypeConfiguration<SelfCareGoal>,
        IEntityTypeConfiguration<SelfCareShare>
{
    public void Configure(EntityTypeBuilder<SelfCareLog> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.OwnerId, l.Day }).IsUnique();
        builder.Property(l => l.Entry).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<SelfCareGoal> builder)
    {
        builder.HasKey(g => g.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.OwnerId);
        builder.Property(g => g.Goal).HasMaxLength(600);
    }

    public void Configure(EntityTypeBuilder<SelfCareShare> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(s => s.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(s => new
            {
                s.OwnerId,
                s.CoupleId,
                s.Week,
            })
            .IsUnique();
        builder.Property(s => s.Line).HasMaxLength(800);
    }
}
