using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

public enum DateStatus
{
    /// <summary>Times are on the table; nobody has accepted one yet.</summary>
    Proposed = 0,

    /// <summary>The partner accepted one time: it is in both calendars.</summary>
    Agreed = 1,

    Cancelled = 2,
}

/// <summary>
/// A date one partner proposed to the other. Its name is the couple's (sealed with the couple key);
/// the times are plain UTC so reminders and calendars can be computed without opening anything.
/// </summary>
public sealed class DatePlan : ISealedRecord
{
    public const int TitleMaxLength = 100;

    public const int MaxOpenOptions = 3;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid ProposedBy { get; set; }

    public SealedText Title { get; set; } = default!;

    /// <summary>The date idea it came from, if any ("d012" or "custom:{id}").</summary>
    public string? IdeaKey { get; set; }

    public int Minutes { get; set; } = 120;

    /// <summary>The proposer's IANA zone: calendars show the date in it, so it stays right across DST changes.</summary>
    public string TimeZone { get; set; } = "UTC";

    public DateStatus Status { get; set; }

    /// <summary>The accepted start (UTC), while agreed.</summary>
    public DateTime? StartsAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? AgreedAt { get; set; }

    public DateTime? CancelledAt { get; set; }

    /// <summary>Counts changes, for calendar apps (iCalendar SEQUENCE).</summary>
    public int Revision { get; set; }

    public List<DateOption> Options { get; set; } = [];

    public SealPlace PlaceOf(string property) =>
        property == nameof(Title)
            ? SealedPlaces.DatePlanTitle.At(Id, KeyOwner.Couple(CoupleId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>One time offered for a date, by either partner. Only the other partner can accept it.</summary>
public sealed class DateOption
{
    public Guid Id { get; set; }

    public Guid PlanId { get; set; }

    /// <summary>The plan's couple, on every row a couple shares (docs/OPERATIONS.md: distributing by couple).</summary>
    public Guid CoupleId { get; set; }

    public Guid ProposedBy { get; set; }

    public DateTime StartsAt { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Accepted, withdrawn, or overtaken by another accepted time.</summary>
    public bool Closed { get; set; }
}

/// <summary>
/// After a date, each partner's private word on it: a rating and, if they like, a highlight. Blind
/// reveal: the partner sees it once they have written their own for the same date.
/// </summary>
public sealed class DateReflection : IVisibleRecord, ISealedRecord
{
    public const int HighlightMaxLength = 500;

    public static readonly string[] Ratings = ["wonderful", "good", "okay", "hard"];

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.BlindReveal;

    /// <summary>"date:{planId}".</summary>
    public string PromptKey { get; set; } = "";

    /// <summary>One of <see cref="Ratings"/>, sealed.</summary>
    public SealedText Rating { get; set; } = default!;

    public SealedText? Highlight { get; set; }

    public DateTime WrittenAt { get; set; }

    public static string KeyFor(Guid planId) => "date:" + planId.ToString("N");

    public SealPlace PlaceOf(string property) =>
        property switch
        {
            nameof(Rating) => SealedPlaces.DateReflectionRating.At(Id, KeyOwner.Member(OwnerId)),
            nameof(Highlight) => SealedPlaces.DateReflectionHighlight.At(Id, KeyOwner.Member(OwnerId)),
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
}

internal sealed class DatePlanConfiguration
    : IEntityTypeConfiguration<DatePlan>,
        IEntityTypeConfiguration<DateOption>,
        IEntityTypeConfiguration<DateReflection>
{
    public void Configure(EntityTypeBuilder<DatePlan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(p => p.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Options).WithOne().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new
        {
            p.CoupleId,
            p.Status,
            p.StartsAt,
        });
        builder.HasIndex(p => new { p.Status, p.StartsAt });
        builder.Property(p => p.Title).HasMaxLength(700);
        builder.Property(p => p.IdeaKey).HasMaxLength(60);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.Revision).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<DateOption> builder)
    {
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.PlanId);
        builder.HasIndex(o => o.CoupleId);
    }

    public void Configure(EntityTypeBuilder<DateReflection> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Account.Member>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(r => r.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(r => new
            {
                r.OwnerId,
                r.CoupleId,
                r.PromptKey,
            })
            .IsUnique();
        builder.HasIndex(r => new { r.CoupleId, r.PromptKey });
        builder.Property(r => r.PromptKey).HasMaxLength(60);
        builder.Property(r => r.Rating).HasMaxLength(200);
        builder.Property(r => r.Highlight).HasMaxLength(2800);
    }
}
