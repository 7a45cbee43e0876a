using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Practice;

/// <summary>What an account is for (decisions/0044). Partners have a couple space; professionals never do.</summary>
public enum MemberRole
{
    Partner = 0,

    /// <summary>A counselor in practice mode: made by the operator, signs in with a second factor or the practice's
    /// OpenID Connect provider, sees only what connected partners chose to share.</summary>
    Professional = 1,

    /// <summary>A professional who also sees which professionals exist and how many connections each has, never a couple's
    /// data.</summary>
    PracticeAdmin = 2,
}

public enum ConnectionKind
{
    /// <summary>Both partners, each agreeing separately.</summary>
    Couple = 1,

    /// <summary>One member alone; the partner is never told.</summary>
    Individual = 2,
}

public enum ConnectionState
{
    /// <summary>One partner entered the code; nothing is shared until the other agrees.</summary>
    AwaitingPartner = 1,
    Active = 2,
    Ended = 3,
}

/// <summary>What one partner lets the professional see (decisions/0044). Never: daily answers, check-in words, reflections,
/// notes, intimacy, safety answers, self-care notes.</summary>
[Flags]
public enum ConnectionScopes
{
    None = 0,

    /// <summary>Program sessions done, never their content.</summary>
    Progress = 1,

    /// <summary>Homework done or not yet.</summary>
    Homework = 2,

    /// <summary>The Couple Map, shown only when both partners shared it with each other and both chose this.</summary>
    Map = 4,

    /// <summary>The member's own check results.</summary>
    Checks = 8,

    /// <summary>The member's own weekly closeness trend.</summary>
    Trend = 16,

    /// <summary>The summary for a professional (the parts the member picks on /support/summary).</summary>
    Summary = 32,

    All = Progress | Homework | Map | Checks | Trend | Summary,
}

/// <summary>A professional connected to a couple (or to one member alone).</summary>
public sealed class ProfessionalConnection
{
    public Guid Id { get; set; }

    public Guid ProfessionalId { get; set; }

    public ConnectionKind Kind { get; set; }

    /// <summary>The couple space, for <see cref="ConnectionKind.Couple"/>; null for an individual connection.</summary>
    public Guid? CoupleId { get; set; }

    /// <summary>The member who entered the code (for an individual connection, the only member in it).</summary>
    public Guid StartedBy { get; set; }

    public ConnectionState State { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ActiveAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The day of the last session the professional set; session prep shows what happened since.</summary>
    public DateOnly? LastSessionOn { get; set; }

    public static KeyOwner KeyOf(Guid connectionId) => KeyOwner.Connection(connectionId);
}

/// <summary>A single-use, expiring code a professional gives a couple. Only its hash is kept.</summary>
public sealed class ConnectionCode
{
    public Guid Id { get; set; }

    public Guid ProfessionalId { get; set; }

    /// <summary>SHA-256 of the normalised code, hex.</summary>
    public string CodeHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public Guid? ConnectionId { get; set; }

    public const int HashLength = 64;
}

/// <summary>One member's agreement and choices for a connection: changeable any time, never seen by the partner.</summary>
public sealed class ConnectionConsent
{
    public Guid ConnectionId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>When the member agreed; null while the member has not (nothing of theirs is shown).</summary>
    public DateTime? AgreedAt { get; set; }

    public ConnectionScopes Scopes { get; set; }

    public DateTime ChangedAt { get; set; }
}

public enum HomeworkKind
{
    /// <summary>A lesson from the library (ItemKey: the lesson key).</summary>
    Lesson = 1,

    /// <summary>A week's session of the couple's program (ItemKey: the week number).</summary>
    Session = 2,

    /// <summary>A conversation topic (ItemKey: a question key).</summary>
    Topic = 3,

    /// <summary>A date idea (ItemKey: the idea key).</summary>
    DateIdea = 4,

    /// <summary>Working through a hurt with the repair steps (ItemKey: empty).</summary>
    Repair = 5,

    /// <summary>The weekly check-in (ItemKey: empty).</summary>
    CheckIn = 6,

    /// <summary>A week of small gestures (ItemKey: empty).</summary>
    GestureWeek = 7,
}

/// <summary>Homework a professional assigned from the app's own library, with a due date and a short note sealed with the
/// connection's key.</summary>
public sealed class Homework : ISealedRecord
{
    public const int NoteMaxLength = 280;
    public const int ItemKeyMaxLength = 64;

    public Guid Id { get; set; }

    public Guid ConnectionId { get; set; }

    public HomeworkKind Kind { get; set; }

    public string ItemKey { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public SealedText? Note { get; set; }

    public DateTime AssignedAt { get; set; }

    /// <summary>The professional took it back; the couple no longer sees it.</summary>
    public DateTime? WithdrawnAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Note)
            ? SealedPlaces.HomeworkNote.At(Id, ProfessionalConnection.KeyOf(ConnectionId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>One partner marked a piece of homework done.</summary>
public sealed class HomeworkDone
{
    public Guid HomeworkId { get; set; }

    public Guid MemberId { get; set; }

    public DateTime DoneAt { get; set; }
}

/// <summary>Something a partner chose to share "for our next session": their own words, copied and sealed with the
/// connection's key, withdrawable until the connection ends.</summary>
public sealed class SessionItem : ISealedRecord
{
    public const int TextMaxLength = 2000;

    public Guid Id { get; set; }

    public Guid ConnectionId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>The homework it is about, if any.</summary>
    public Guid? HomeworkId { get; set; }

    public SealedText Text { get; set; } = default!;

    public DateTime SharedAt { get; set; }

    public SealPlace PlaceOf(string property) =>
        property == nameof(Text)
            ? SealedPlaces.SessionItemText.At(Id, ProfessionalConnection.KeyOf(ConnectionId))
            : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class PracticeConfiguration
    : IEntityTypeConfiguration<ProfessionalConnection>,
        IEntityTypeConfiguration<ConnectionCode>,
        IEntityTypeConfiguration<ConnectionConsent>,
        IEntityTypeConfiguration<Homework>,
        IEntityTypeConfiguration<HomeworkDone>,
        IEntityTypeConfiguration<SessionItem>
{
    public void Configure(EntityTypeBuilder<ProfessionalConnection> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.StartedBy).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ProfessionalId, c.State });
        builder.HasIndex(c => c.CoupleId);
    }

    public void Configure(EntityTypeBuilder<ConnectionCode> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CodeHash).HasMaxLength(ConnectionCode.HashLength).IsRequired();
        builder.HasIndex(c => c.CodeHash).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.ProfessionalId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ConnectionConsent> builder)
    {
        builder.HasKey(c => new { c.ConnectionId, c.MemberId });
        builder.HasIndex(c => c.MemberId);
        builder.HasOne<ProfessionalConnection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Homework> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.ItemKey).HasMaxLength(Homework.ItemKeyMaxLength).IsRequired();
        // Room for a sealed note of up to 280 characters (4 bytes each at most) in its envelope.
        builder.Property(h => h.Note).HasMaxLength(1600);
        builder.HasIndex(h => h.ConnectionId);
        builder.HasOne<ProfessionalConnection>().WithMany().HasForeignKey(h => h.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HomeworkDone> builder)
    {
        builder.HasKey(d => new { d.HomeworkId, d.MemberId });
        builder.HasOne<Homework>().WithMany().HasForeignKey(d => d.HomeworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SessionItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Text).HasMaxLength(10_000).IsRequired();
        builder.HasIndex(i => i.ConnectionId);
        builder.HasOne<ProfessionalConnection>().WithMany().HasForeignKey(i => i.ConnectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Homework>().WithMany().HasForeignKey(i => i.HomeworkId).OnDelete(DeleteBehavior.SetNull);
    }
}
