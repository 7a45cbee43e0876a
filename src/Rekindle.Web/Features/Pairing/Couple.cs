using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.Pairing;

/// <summary>The space two partners share. Everything couple-scoped hangs off its id.</summary>
public sealed class Couple
{
    public Guid Id { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When a partner last left, so the one who stays is told (and told nothing more).</summary>
    public DateTime? PartnerLeftAt { get; set; }
}

/// <summary>
/// A member's place in a couple. A couple has two slots and the key is (couple, slot), so the
/// database itself refuses a third member, even when two people join at the same moment.
/// </summary>
public sealed class CoupleMember
{
    public const int MaxMembers = 2;

    public Guid CoupleId { get; set; }

    public int Slot { get; set; }

    public Guid MemberId { get; set; }

    public DateTime JoinedAt { get; set; }
}

/// <summary>An invitation to join a couple. Only a keyed hash of its code is stored.</summary>
public sealed class CoupleInvite
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid CreatedByMemberId { get; set; }

    public byte[] CodeHash { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public Guid? UsedByMemberId { get; set; }

    public DateTime? RevokedAt { get; set; }
}

internal sealed class CoupleConfiguration : IEntityTypeConfiguration<Couple>
{
    public void Configure(EntityTypeBuilder<Couple> builder) => builder.HasKey(c => c.Id);
}

internal sealed class CoupleMemberConfiguration : IEntityTypeConfiguration<CoupleMember>
{
    public void Configure(EntityTypeBuilder<CoupleMember> builder)
    {
        builder.HasKey(m => new { m.CoupleId, m.Slot });
        builder.ToTable(t => t.HasCheckConstraint("CK_CoupleMembers_Slot", "\"Slot\" IN (1, 2)"));
        builder.HasIndex(m => m.MemberId).IsUnique();
        builder.HasOne<Couple>().WithMany().HasForeignKey(m => m.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoupleInviteConfiguration : IEntityTypeConfiguration<CoupleInvite>
{
    public void Configure(EntityTypeBuilder<CoupleInvite> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.CodeHash).HasMaxLength(32).IsRequired();
        builder.HasIndex(i => i.CodeHash).IsUnique();
        builder.HasIndex(i => i.CoupleId);
        builder.HasOne<Couple>().WithMany().HasForeignKey(i => i.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.CreatedByMemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
