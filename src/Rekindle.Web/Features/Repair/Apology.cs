using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>
/// An apology sent to the partner as a note: what I did, its effect on you, what I'll do. Nothing is
/// stored until it is sent; then it belongs to the couple (sealed with the couple key) and goes when
/// the couple does.
/// </summary>
public sealed class Apology : ISealedRecord
{
    public const int PartMaxLength = 600;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    /// <summary>An <see cref="ApologyText"/> as JSON, sealed with the couple's key.</summary>
    public SealedText Text { get; set; } = default!;

    public DateTime SentAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Text)
            ? SealedPlaces.ApologyText.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

public sealed record ApologyText(string Did, string Effect, string Will);

public sealed record ApologyView(ApologyText Text, DateTime SentAt, bool FromMe);

/// <summary>How an apology reads: each part on its own (its findings go beside it) and one verdict for the whole.</summary>
public sealed record ApologyTone(ToneReading Whole, ToneReading? Did, ToneReading? Effect, ToneReading? Will);

internal sealed class ApologyConfiguration : IEntityTypeConfiguration<Apology>
{
    public void Configure(EntityTypeBuilder<Apology> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(a => a.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.ToId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CoupleId, a.SentAt });
    }
}
