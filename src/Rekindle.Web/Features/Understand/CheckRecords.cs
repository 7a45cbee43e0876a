using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Understand;

/// <summary>
/// One taking of the Rough Patch Check: private to its member, always. Answers and scores are sealed
/// with the member's key; only dates are in the clear. At most one is in progress per member.
/// </summary>
public sealed class CheckAttempt : IVisibleRecord, ISealedRecord
{
    public const string Prompt = "rough-patch-check";

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>Never set: a check belongs to its member, not to a couple.</summary>
    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.Private;

    public string PromptKey { get; set; } = Prompt;

    /// <summary>JSON of item id → answer (0–4), saved part by part.</summary>
    public SealedText Answers { get; set; } = default!;

    /// <summary>JSON of the scores (<see cref="CheckResult"/>), set when the last item is answered.</summary>
    public SealedText? Scores { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property switch
        {
            nameof(Answers) => SealedPlaces.CheckAttemptAnswers.At(Id, KeyOwner.Member(OwnerId)),
            nameof(Scores) => SealedPlaces.CheckAttemptScores.At(Id, KeyOwner.Member(OwnerId)),
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
}

/// <summary>
/// A member's domain summary, shared on the Couple Map: domain scores only (never items, wellbeing
/// or safety), sealed with the couple's key. Blind reveal: the partner sees it once they shared theirs.
/// One per member and couple; sharing again after a retake replaces it.
/// </summary>
public sealed class MapShare : IVisibleRecord, ISealedRecord
{
    public const string Prompt = "couple-map";

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.BlindReveal;

    public string PromptKey { get; set; } = Prompt;

    public Guid CheckId { get; set; }

    /// <summary>JSON of domain key → score (0–100).</summary>
    public SealedText Domains { get; set; } = default!;

    public DateTime SharedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Domains)
            ? SealedPlaces.MapShareDomains.At(Id, KeyOwner.Couple(CoupleId!.Value))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>A plan step the member ticked as done. Private; belongs to the check the plan came from.</summary>
public sealed class PlanTick
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid CheckId { get; set; }

    public string StepKey { get; set; } = "";

    public DateTime DoneAt { get; set; }
}

internal sealed class UnderstandConfiguration
    : IEntityTypeConfiguration<CheckAttempt>,
        IEntityTypeConfiguration<MapShare>,
        IEntityTypeConfiguration<PlanTick>
{
    public void Configure(EntityTypeBuilder<CheckAttempt> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OwnerId, c.CompletedAt });
        // One check in progress per member, even when two tabs start one at the same moment.
        builder.HasIndex(c => c.OwnerId).IsUnique().HasFilter("\"CompletedAt\" IS NULL").HasDatabaseName("IX_CheckAttempts_OneInProgress");
        builder.Property(c => c.Answers).HasMaxLength(4000).IsRequired();
        builder.Property(c => c.Scores).HasMaxLength(2000);
        builder.Property(c => c.PromptKey).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<MapShare> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        // Shared in one couple only: when that couple ends, the share goes with it.
        builder.HasOne<Couple>().WithMany().HasForeignKey(s => s.CoupleId).OnDelete(DeleteBehavior.Cascade).IsRequired();
        builder.HasOne<CheckAttempt>().WithMany().HasForeignKey(s => s.CheckId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.CoupleId, s.OwnerId }).IsUnique();
        builder.Property(s => s.PromptKey).HasMaxLength(40);
        builder.Property(s => s.Domains).HasMaxLength(1000).IsRequired();
    }

    public void Configure(EntityTypeBuilder<PlanTick> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CheckAttempt>().WithMany().HasForeignKey(t => t.CheckId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(t => new
            {
                t.OwnerId,
                t.CheckId,
                t.StepKey,
            })
            .IsUnique();
        builder.Property(t => t.StepKey).HasMaxLength(40);
    }
}
