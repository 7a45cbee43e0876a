using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// One signed-in device. The cookie carries the session's id; every request checks the session is
/// still open, so signing out or revoking ends it on the server, not only in that browser.
/// </summary>
public sealed class MemberSession : ISealedRecord
{
    public const int DeviceMaxLength = 60;

    /// <summary>Room for a sealed device description: prefix, version, nonce, text and tag in base64url.</summary>
    public const int SealedDeviceMaxLength = 200;

    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>A coarse description like "Firefox on Android", never the full user agent; sealed with the member's key.</summary>
    public SealedText Device { get; set; } = default!;

    public DateTime CreatedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public static SealPlace DevicePlace(Guid id, Guid memberId) => SealedPlaces.MemberSessionDevice.At(id, KeyOwner.Member(memberId));

    public SealPlace PlaceOf(string property) =>
        property == nameof(Device) ? DevicePlace(Id, MemberId) : throw new ArgumentOutOfRangeException(nameof(property));

    public DateTime? EndedAt { get; set; }

    /// <summary>A browser (the Identity cookie) or an API client (bearer tokens, decisions/0021).</summary>
    public SessionKind Kind { get; set; }

    /// <summary>
    /// For an API client: the SHA-256 of its one current refresh token (base64url), replaced on every
    /// refresh. The token itself is never stored.
    /// </summary>
    public string? RefreshTokenHash { get; set; }

    /// <summary>For an API client: until when the current refresh token may be used.</summary>
    public DateTime? RefreshExpiresAt { get; set; }
}

public enum SessionKind
{
    Browser = 0,
    ApiClient = 1,
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
    SummaryMade = 15,

    /// <summary>The member's other sessions were ended (after a password change or reset, or a change of second factor); Detail: how
    /// many.</summary>
    OtherDevicesSignedOut = 16,

    /// <summary>In a partner's log: a connected professional looked at what this member shares (decisions/0044); Detail: the
    /// <see cref="Practice.ConnectionScopes"/> shown; ConnectionId: which connection.</summary>
    ProfessionalViewed = 17,

    /// <summary>In a professional's own log: they looked at a connection's view; Detail: the scopes shown; ConnectionId.</summary>
    ProfessionalLooked = 18,

    /// <summary>Whoever runs the server turned the account off (decisions/0045); every session ended with it.</summary>
    TurnedOffByOperator = 19,

    /// <summary>Whoever runs the server turned the account on again.</summary>
    TurnedOnByOperator = 20,

    /// <summary>Whoever runs the server reset the second sign-in step: authenticator off, recovery codes gone, every session
    /// ended.</summary>
    SecondFactorResetByOperator = 21,

    /// <summary>Whoever runs the server confirmed the account's email.</summary>
    EmailConfirmedByOperator = 22,

    /// <summary>Whoever runs the server sent a new confirmation link.</summary>
    ConfirmationResentByOperator = 23,

    /// <summary>The member was made an operator (from the command line only).</summary>
    MadeOperator = 24,

    /// <summary>The member stopped being an operator.</summary>
    NoLongerOperator = 25,
}

/// <summary>An entry in a member's own security log. Fixed kinds and a coarse device only: no free text.</summary>
public sealed class SecurityEvent : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public DateTime At { get; set; }

    public SecurityEventKind Kind { get; set; }

    /// <summary>Fixed flags some kinds carry (for <see cref="SecurityEventKind.SummaryMade"/>: the parts and the format); never free
    /// text.</summary>
    public int? Detail { get; set; }

    /// <summary>For <see cref="SecurityEventKind.ProfessionalViewed"/> and <see cref="SecurityEventKind.ProfessionalLooked"/>: the
    /// connection; otherwise null.</summary>
    public Guid? ConnectionId { get; set; }

    public SealedText Device { get; set; } = default!;

    public static SealPlace DevicePlace(Guid id, Guid memberId) => SealedPlaces.SecurityEventDevice.At(id, KeyOwner.Member(memberId));

    public SealPlace PlaceOf(string property) =>
        property == nameof(Device) ? DevicePlace(Id, MemberId) : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class MemberSessionConfiguration : IEntityTypeConfiguration<MemberSession>
{
    public void Configure(EntityTypeBuilder<MemberSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Device).HasMaxLength(MemberSession.SealedDeviceMaxLength).IsRequired();
        builder.HasIndex(s => s.MemberId);
        builder.Property(s => s.RefreshTokenHash).HasMaxLength(64);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Device).HasMaxLength(MemberSession.SealedDeviceMaxLength).IsRequired();
        builder.HasIndex(e => new { e.MemberId, e.At });
        builder.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
