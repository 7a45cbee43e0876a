using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>The steps of letting go of a grudge, in order; the index is the content's step.</summary>
public enum GrudgeStep
{
    Name = 0,
    Decide = 1,
    Context = 2,
    Letter = 3,
    Release = 4,
}

/// <summary>
/// One member's private forgiveness exercise: never shown to the partner, not even that it exists.
/// It belongs to the member, not the couple, and everything in it is sealed together with their key.
/// Released at the end: archived (kept, closed) or destroyed (the row deleted for good).
/// </summary>
public sealed class Grudge : IVisibleRecord, ISealedRecord
{
    public const int TextMaxLength = 1500;

    public const int LetterMaxLength = 5000;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>Always null: a grudge is nobody's but its owner's.</summary>
    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.Private;

    public string PromptKey { get; set; } = "grudge";

    /// <summary>The next step to do; every step before it can still be changed.</summary>
    public GrudgeStep Step { get; set; }

    /// <summary>A <see cref="GrudgePayload"/> as JSON, sealed with the owner's key.</summary>
    public SealedText Entry { get; set; } = default!;

    public DateTime StartedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ArchivedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Entry)
            ? SealedPlaces.GrudgeEntry.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>What a grudge exercise holds, opened.</summary>
public sealed record GrudgePayload(string? Hurt, string? Cost, string? Decision, string? DecisionNote, string? Context, string? Letter);

/// <summary>The exercise's rules, pure: which steps may be written, and when it can be released.</summary>
public static class LettingGoRules
{
    public static readonly IReadOnlyList<string> Decisions = ["toward", "not-yet", "unsure"];

    public static string? CanSave(Grudge grudge, GrudgeStep step)
    {
        if (grudge.ArchivedAt is not null)
        {
            return Text.Of("This exercise is put away. You can start a new one whenever you like.");
        }

        if (step == GrudgeStep.Release)
        {
            return Text.Of("Choose to put it away or to destroy it.");
        }

        return step > grudge.Step ? Text.Of("One step at a time: finish the one before first.") : null;
    }

    /// <summary>The next step once <paramref name="saved"/> is saved: saving an earlier step again does not move back.</summary>
    public static GrudgeStep After(GrudgeStep reached, GrudgeStep saved) =>
        saved == reached && reached < GrudgeStep.Release ? reached + 1 : reached;

    public static string? CanArchive(Grudge grudge) =>
        grudge.ArchivedAt is not null ? Text.Of("This exercise is already put away.")
        : grudge.Step < GrudgeStep.Release ? Text.Of("Write your letter first; then choose how to let it go.")
        : null;
}

internal sealed class GrudgeConfiguration : IEntityTypeConfiguration<Grudge>
{
    public void Configure(EntityTypeBuilder<Grudge> builder)
    {
        builder.HasKey(g => g.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.OwnerId, g.StartedAt });
        builder.Property(g => g.PromptKey).HasMaxLength(20);
    }
}
