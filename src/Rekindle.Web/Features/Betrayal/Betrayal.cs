using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Betrayal;

/// <summary>
/// One path after a betrayal (decisions/0041). Who was hurt is named once, by the member who opened it, and never changes:
/// the path is not symmetric. Its kind is sealed with the couple's key; what each writes is a <see cref="BetrayalEntry"/>.
/// </summary>
public sealed class Betrayal : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid OpenedBy { get; set; }

    public Guid PartnerId { get; set; }

    /// <summary>The member who was hurt: the opener or the partner, as the opener said.</summary>
    public Guid HurtId { get; set; }

    /// <summary>A key of <see cref="BetrayalRules.Kinds"/>, sealed with the couple's key.</summary>
    public SealedText Kind { get; set; } = default!;

    public DateTime OpenedAt { get; set; }

    /// <summary>When the invited partner agreed to join; until then nothing the opener wrote is shown to them.</summary>
    public DateTime? JoinedAt { get; set; }

    /// <summary>Set by the hurt partner to pause the questions and answers; cleared when they go on.</summary>
    public DateTime? QuestionsPausedAt { get; set; }

    /// <summary>Closed by either partner, at once; it stays in the list, closed.</summary>
    public DateTime? EndedAt { get; set; }

    public int Revision { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Kind)
            ? SealedPlaces.BetrayalKind.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>The parts of the path one entry can be.</summary>
public enum BetrayalPart
{
    /// <summary>The hurt partner's feelings and the questions they carry: a draft until they send it.</summary>
    Feelings = 1,

    /// <summary>The acknowledgment of the partner who broke trust: a draft until they send it.</summary>
    Acknowledgment = 2,

    /// <summary>One partner's limits for the questions and answers; shared only if they chose to.</summary>
    Limits = 3,

    /// <summary>A question of the hurt partner, asked one at a time.</summary>
    Question = 4,

    /// <summary>An answer to one question (<see cref="BetrayalEntry.About"/>).</summary>
    Answer = 5,

    /// <summary>A transparency agreement proposed by one; active once the other agreed, until either ends it.</summary>
    Agreement = 6,

    /// <summary>A small, concrete atonement step proposed by the partner who broke trust.</summary>
    Step = 7,

    /// <summary>How a step landed for the hurt partner (<see cref="BetrayalEntry.About"/>): private or shared, their choice.</summary>
    Mark = 8,
}

/// <summary>
/// What one partner wrote on the path. Until it is sent (<see cref="SentAt"/>) it is sealed with the author's own key and read
/// by nobody else; once sent it is sealed again with the couple's key and both read it. Nothing is ever shown to the partner
/// from an unsent entry, not even that it exists, except where the path needs it to go on (limits set).
/// </summary>
public sealed class BetrayalEntry : ISealedRecord
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid BetrayalId { get; set; }

    public Guid OwnerId { get; set; }

    public Guid CoupleId { get; set; }

    public BetrayalPart Part { get; set; }

    /// <summary>The question an answer answers, or the step a mark is about.</summary>
    public Guid? About { get; set; }

    /// <summary>A <see cref="BetrayalPayload"/> as JSON: the author's key while unsent, the couple's once sent.</summary>
    public SealedText Entry { get; set; } = default!;

    public DateTime WrittenAt { get; set; }

    /// <summary>Null: a draft or private. Set: shared with the partner.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>An agreement only: when the other partner agreed to it.</summary>
    public DateTime? AgreedAt { get; set; }

    /// <summary>An agreement only: when either ended it.</summary>
    public DateTime? EndedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Entry)
            ? SealedPlaces.BetrayalEntryEntry.At(Id, SentAt is null ? KeyOwner.Member(OwnerId) : KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>What an entry holds, opened: chosen keys (feelings, limits), one or two texts, and one choice.</summary>
public sealed record BetrayalPayload(IReadOnlyList<string> Choices, string? Text, string? Second, string? Choice)
{
    public static readonly BetrayalPayload Empty = new([], null, null, null);
}

internal sealed class BetrayalConfiguration : IEntityTypeConfiguration<Betrayal>, IEntityTypeConfiguration<BetrayalEntry>
{
    public void Configure(EntityTypeBuilder<Betrayal> builder)
    {
        builder.HasKey(b => b.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(b => b.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.OpenedBy).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.PartnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.CoupleId, b.OpenedAt });
        builder.Property(b => b.Kind).HasMaxLength(400);
        builder.Property(b => b.Revision).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<BetrayalEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne<Betrayal>().WithMany().HasForeignKey(e => e.BetrayalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(e => e.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.BetrayalId, e.Part });
    }
}
