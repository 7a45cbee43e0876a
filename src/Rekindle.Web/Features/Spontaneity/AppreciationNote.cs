using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// A short note of appreciation from one partner to the other. It belongs to the couple it was
/// written in (it goes when that couple does), and its words are sealed with the couple's key.
/// </summary>
public sealed class AppreciationNote : ISealedRecord
{
    public const int MaxLength = 280;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    public SealedText Text { get; set; } = default!;

    public DateTime SentAt { get; set; }

    /// <summary>When the partner first had it on their home page. Never shown to the sender: it would tell them when the partner was last
    /// here.</summary>
    public DateTime? SeenAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Text)
            ? SealedPlaces.AppreciationNoteText.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class AppreciationNoteConfiguration : IEntityTypeConfiguration<AppreciationNote>
{
    public void Configure(EntityTypeBuilder<AppreciationNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(n => n.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.ToId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new
        {
            n.CoupleId,
            n.ToId,
            n.SentAt,
        });
        builder.HasIndex(n => new { n.FromId, n.SentAt });
        builder.Property(n => n.Text).HasMaxLength(2000);
    }
}

/// <summary>A note as its reader sees it; <see cref="Day"/> is the day it was sent in the reader's own time zone.</summary>
public sealed record NoteView(string Text, DateTime SentAt, DateOnly Day, bool New);

public sealed record ExportedNote(string? Text, DateTime SentAt);
