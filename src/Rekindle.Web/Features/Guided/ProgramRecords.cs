using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Guided;

/// <summary>Six weekly sessions, or the lighter rhythm of one session a month after them.</summary>
public enum ProgramKind
{
    SixWeeks = 1,
    Monthly = 2,
}

/// <summary>
/// A couple's program (decisions/0040): one active run per couple space, or per member while they have no
/// couple space yet. Holds only the order of the sessions and dates: the order is made from domain scores
/// with safety, wellbeing and satisfaction left out, so nothing in it says anything about anyone's private answers.
/// </summary>
public sealed class ProgramRun
{
    public Guid Id { get; set; }

    /// <summary>Null only while the member who started it has no couple space; set when they have one.</summary>
    public Guid? CoupleId { get; set; }

    public Guid StartedBy { get; set; }

    public ProgramKind Kind { get; set; } = ProgramKind.SixWeeks;

    /// <summary>1 for the couple's first program, then 2, 3...</summary>
    public int Number { get; set; } = 1;

    /// <summary>The local day the first session opened; a change of pace moves it so the current session keeps its place.</summary>
    public DateOnly FirstDay { get; set; }

    /// <summary>Days between sessions: 7 (every week), 14 (every two weeks) or 28 (monthly).</summary>
    public int EveryDays { get; set; } = 7;

    /// <summary>The lesson keys of the sessions in order, comma separated; <see cref="ProgramRules.LookBack"/> for week six.</summary>
    public string Order { get; set; } = "";

    /// <summary>When the order was last made: a later Couple Map share by both re-orders the sessions not yet begun.</summary>
    public DateTime OrderedAt { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    public IReadOnlyList<string> Sessions => Order.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// One member's part in one session of a run. <see cref="LessonDoneAt"/> and <see cref="TogetherDoneAt"/> are the
/// shared parts (the partner sees "done / not yet"); the reflection and the end check are sealed with the member's
/// own key and are never shown to the partner.
/// </summary>
public sealed class ProgramWeek : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public Guid MemberId { get; set; }

    public int Week { get; set; }

    public DateTime? OpenedAt { get; set; }

    public DateTime? LessonDoneAt { get; set; }

    public DateTime? TogetherDoneAt { get; set; }

    public SealedText? Reflection { get; set; }

    /// <summary>JSON of <see cref="EndCheck"/>.</summary>
    public SealedText? EndCheck { get; set; }

    public DateTime? EndCheckAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property switch
        {
            nameof(Reflection) => SealedPlaces.ProgramWeekReflection.At(Id, KeyOwner.Member(MemberId)),
            nameof(EndCheck) => SealedPlaces.ProgramWeekEndCheck.At(Id, KeyOwner.Member(MemberId)),
            _ => throw new ArgumentOutOfRangeException(nameof(property)),
        };
}

/// <summary>A member's choices for the program's gentle reminders (decisions/0040).</summary>
public sealed class ProgramNudgeSettings
{
    public Guid MemberId { get; set; }

    public bool On { get; set; }

    /// <summary>Days without opening the week's session before the one reminder (2-7).</summary>
    public int AfterDays { get; set; } = ProgramRules.DefaultNudgeAfterDays;
}

internal sealed class GuidedConfiguration
    : IEntityTypeConfiguration<ProgramRun>,
        IEntityTypeConfiguration<ProgramWeek>,
        IEntityTypeConfiguration<ProgramNudgeSettings>
{
    public void Configure(EntityTypeBuilder<ProgramRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.StartedBy).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(r => r.CoupleId).OnDelete(DeleteBehavior.Cascade);
        // One active run per couple space, and per member while they have none.
        builder
            .HasIndex(r => r.CoupleId)
            .IsUnique()
            .HasFilter("\"EndedAt\" IS NULL AND \"CoupleId\" IS NOT NULL")
            .HasDatabaseName("IX_ProgramRuns_OneActivePerCouple");
        builder
            .HasIndex(r => r.StartedBy)
            .IsUnique()
            .HasFilter("\"EndedAt\" IS NULL AND \"CoupleId\" IS NULL")
            .HasDatabaseName("IX_ProgramRuns_OneActiveAlone");
        builder.Property(r => r.Order).HasMaxLength(600);
    }

    public void Configure(EntityTypeBuilder<ProgramWeek> builder)
    {
        builder.HasKey(w => w.Id);
        builder.HasOne<ProgramRun>().WithMany().HasForeignKey(w => w.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(w => w.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder
            .HasIndex(w => new
            {
                w.RunId,
                w.MemberId,
                w.Week,
            })
            .IsUnique();
        builder.Property(w => w.Reflection).HasMaxLength(8000);
        builder.Property(w => w.EndCheck).HasMaxLength(600);
    }

    public void Configure(EntityTypeBuilder<ProgramNudgeSettings> builder)
    {
        builder.HasKey(s => s.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
