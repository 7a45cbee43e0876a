using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// Before decisions/0026: one member's private mark on one gesture, one row each. Marks now live in
/// the member's <see cref="AnswerSet"/>; the start-up conversion moves any rows left here into it.
/// </summary>
public sealed class GestureMark : ILegacyAnswer
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.MutualOnly;

    /// <summary>The gesture's library id ("g012").</summary>
    public string PromptKey { get; set; } = "";

    /// <summary>"love" or "no", sealed.</summary>
    public SealedText Mark { get; set; } = default!;

    public DateTime MarkedAt { get; set; }

    SealedText ILegacyAnswer.Sealed => Mark;

    string ILegacyAnswer.SealedProperty => nameof(Mark);

    DateTime? ILegacyAnswer.AnsweredAt => MarkedAt;

    public SealPlace PlaceOf(string property) =>
        property == nameof(Mark)
            ? SealedPlaces.GestureMarkMark.At(Id, KeyOwner.Member(OwnerId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class GestureMarkConfiguration : IEntityTypeConfiguration<GestureMark>
{
    public void Configure(EntityTypeBuilder<GestureMark> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(m => m.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(m => new
            {
                m.OwnerId,
                m.CoupleId,
                m.PromptKey,
            })
            .IsUnique();
        builder.Property(m => m.PromptKey).HasMaxLength(20);
        builder.Property(m => m.Mark).HasMaxLength(200);
    }
}
