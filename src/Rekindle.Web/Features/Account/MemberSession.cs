using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// One signed-in device. The cookie carries the session's id; every request checks the session is
/// still open, so signing out or revoking ends it on the server, not only in that browser.
/// </summary>
public sealed class MemberSession
{
    public const int DeviceMaxLength = 60;

    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>A coarse description like "Firefox on Android", never the full user agent.</summary>
    public string Device { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public DateTime? EndedAt { get; set; }
}

public enum SecurityEventKind
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignedOut = 4,
    SessionRevoked = 5,
    PasswordChanged = 6,
    PasswordReset = 7,
    AuthenticatorTurnedOn = 8,
    AuthenticatorTurnedOff = 9,
    RecoveryCodesRenewed = 10,
    PasskeyAdded = 11,
    PasskeyRemoved = 12,
    RecoveryCodeUsed = 13,
    Exported = 14,
}

/// <summary>An entry in a member's own security log. Fixed kinds and a coarse device only: no free text.</summary>
public sealed class SecurityEvent
{
    public long Id { get; set; }

    public Guid MemberId { get; set; }

    public DateTime At { get; set; }

    public SecurityEventKind Kind { get; set; }

    public string Device { get; set; } = "";
}

internal sealed class MemberSessionConfiguration : IEntityTypeConfiguration<MemberSession>
{
    public void Configure(EntityTypeBuilder<MemberSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Device).HasMaxLength(MemberSession.DeviceMaxLength);
        builder.HasIndex(s => s.MemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Device).HasMaxLength(MemberSession.DeviceMaxLength);
        builder.HasIndex(e => new { e.MemberId, e.At });
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
