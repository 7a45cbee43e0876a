using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>The question a couple got on one day (the day of whichever partner opened it, in their own time zone).</summary>
public sealed class DailyQuestion
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>The bank question's id, or the couple's own question's (<see cref="CoupleQuestion.IdFor"/>).</summary>
    public string QuestionId { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public string PromptKey => "daily:" + Id.ToString("N");
}

public enum Reaction
{
    None = 0,
    Heart = 1,
    Hug = 2,
    Laugh = 3,
    Thanks = 4,
}

/// <summary>
/// One partner's answer to a daily question: blind reveal (the partner sees it once they answered
/// too), editable until both have answered, then locked. A skip is a row with no text. After the
/// reveal each partner may add one short reply and a reaction to the other's answer.
/// </summary>
public sealed class DailyAnswer : IVisibleRecord, ISealedRecord
{
    public const int MaxLength = 1000;

    public const int ReplyMaxLength = 280;

    public Guid Id { get; set; }

    public Guid DailyQuestionId { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.BlindReveal;

    public string PromptKey { get; set; } = "";

    /// <summary>Null when the member skipped.</summary>
    public SealedText? Text { get; set; }

    public bool Skipped { get; set; }

    /// <summary>The owner's reply to the partner's answer, after the reveal.</summary>
    public SealedText? Reply { get; set; }

    public Reaction Reaction { get; set; }

    public DateTime AnsweredAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property switch
        {
            nameof(Text) => SealedPlaces.DailyAnswerText.At(Id, KeyOwner.Member(OwnerId)),
            nameof(Reply) => SealedPlaces.DailyAnswerReply.At(Id, KeyOwner.Member(OwnerId)),
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
}

internal sealed class DailyConfiguration : IEntityTypeConfiguration<DailyQuestion>, IEntityTypeConfiguration<DailyAnswer>
{
    public void Configure(EntityTypeBuilder<DailyQuestion> builder)
    {
        builder.HasKey(q => q.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(q => q.CoupleId).OnDelete(DeleteBehavior.Cascade);
        // One question a couple a day, even when both partners open it at the same moment.
        builder.HasIndex(q => new { q.CoupleId, q.Day }).IsUnique();
        // A bank id ("a001") or a couple's own question ("own:" and 32 hex digits: CoupleQuestion.IdFor).
        builder.Property(q => q.QuestionId).HasMaxLength(40);
        builder.Ignore(q => q.PromptKey);
    }

    public void Configure(EntityTypeBuilder<DailyAnswer> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<DailyQuestion>().WithMany().HasForeignKey(a => a.DailyQuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(a => a.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.DailyQuestionId, a.OwnerId }).IsUnique();
        builder.HasIndex(a => new { a.CoupleId, a.PromptKey });
        builder.Property(a => a.PromptKey).HasMaxLength(40);
        // Room for the longest answer in its envelope: 1,000 characters of up to 4 bytes each, in base64.
        builder.Property(a => a.Text).HasMaxLength(6000);
        builder.Property(a => a.Reply).HasMaxLength(1700);
    }
}
