using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// A member's own settings: their time zone, which notices they get and when not to, and whether
/// they opted in to intimacy content. Never shown to the partner (docs/PRODUCT.md rule 4), not even
/// whether they were changed.
/// </summary>
public sealed class MemberPreferences
{
    public Guid MemberId { get; set; }

    /// <summary>An IANA time zone id ("Europe/Lisbon"); the member's day starts at their own midnight.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Where <see cref="TimeZone"/> came from; a guess (or nothing yet) is asked about once (decisions/0035).</summary>
    public TimeZoneSource ZoneSource { get; set; }

    /// <summary>
    /// Whether the member should be asked "Is your time zone …?": nothing known yet, or only a guess. A zone other than
    /// UTC saved before the source was kept was the member's own choice on the settings page.
    /// </summary>
    public bool ZoneNeedsConfirming => ZoneSource == TimeZoneSource.Guessed || (ZoneSource == TimeZoneSource.NotSet && TimeZone == "UTC");

    /// <summary>Email when today's question is waiting, at <see cref="DailyNoticeHour"/> local time.</summary>
    public bool NoticeDailyQuestion { get; set; }

    public int DailyNoticeHour { get; set; } = 9;

    /// <summary>Email on Sunday, at <see cref="DailyNoticeHour"/>, when this week's check-in is not done yet.</summary>
    public bool NoticeCheckIn { get; set; }

    /// <summary>Email when the partner answered and the member has not yet.</summary>
    public bool NoticePartnerAnswered { get; set; } = true;

    /// <summary>Email when the partner proposes, answers, moves or cancels a date, or changes "our evening".</summary>
    public bool NoticeDateNews { get; set; } = true;

    /// <summary>Email about a day before a date or "our evening".</summary>
    public bool NoticeDateDayBefore { get; set; } = true;

    /// <summary>Email about two hours before a date or "our evening".</summary>
    public bool NoticeDateTwoHours { get; set; } = true;

    /// <summary>Gentle nudges toward a small gesture: how many a week (0 is none, at most <see cref="MaxNudgesPerWeek"/>).</summary>
    public int NudgesPerWeek { get; set; }

    public const int MaxNudgesPerWeek = 3;

    /// <summary>Nudges come at a random moment between these local hours (start inclusive, end exclusive).</summary>
    public int NudgeFromHour { get; set; } = 18;

    public int NudgeToHour { get; set; } = 21;

    /// <summary>No email between these local hours (start inclusive, end exclusive); equal means none.</summary>
    public int QuietFromHour { get; set; } = 22;

    public int QuietToHour { get; set; } = 8;

    /// <summary>Intimacy questions appear in the daily question only when both partners opted in.</summary>
    public bool IntimacyOptIn { get; set; }

    /// <summary>Whose helplines the safety page shows first (Features/Safety/HelplineCountry); null: the instance's default.</summary>
    public string? SafetyCountry { get; set; }

    /// <summary>
    /// "Pause exercises for two for now": the member's own neutral pause of repair, guided conversations
    /// and intimacy's shared parts. A safety concern looks exactly like it to the partner (decisions/0027).
    /// </summary>
    public bool PausedForTwo { get; set; }

    public TimeZoneInfo Zone() => FindZone(TimeZone);

    /// <summary>A stored UTC time as the member's own local time.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone());

    public static TimeZoneInfo FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>Whether a local hour falls in the quiet hours.</summary>
    public bool IsQuiet(int localHour) =>
        QuietFromHour != QuietToHour
        && (
            QuietFromHour < QuietToHour
                ? localHour >= QuietFromHour && localHour < QuietToHour
                : localHour >= QuietFromHour || localHour < QuietToHour
        );
}

internal sealed class MemberPreferencesConfiguration : IEntityTypeConfiguration<MemberPreferences>
{
    public void Configure(EntityTypeBuilder<MemberPreferences> builder)
    {
        builder.HasKey(p => p.MemberId);
        builder.HasOne<Member>().WithOne().HasForeignKey<MemberPreferences>(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.TimeZone).HasMaxLength(64);
        builder.Property(p => p.SafetyCountry).HasMaxLength(16);
    }
}

/// <summary>Reads a member's preferences (defaults until they save any); <see cref="SaveNotificationSettings"/> saves them.</summary>
public sealed class Preferences(AppDbContext db, CurrentMember current)
{
    public Task<MemberPreferences> MineAsync(CancellationToken cancellationToken = default) =>
        ForAsync(current.RequiredMemberId, cancellationToken);

    public async Task<MemberPreferences> ForAsync(Guid memberId, CancellationToken cancellationToken = default) =>
        await db.MemberPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken)
        ?? new MemberPreferences { MemberId = memberId };
}

public static class PreferencesRules
{
    /// <summary>The zones offered, by id, from the system's own list (IANA ids on Linux).</summary>
    public static IReadOnlyList<string> Zones { get; } =
        TimeZoneInfo
            .GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
            .Order(StringComparer.Ordinal)
            .ToList();

    public static bool KnownZone(string? id) => id is not null && (id == "UTC" || Zones.Contains(id));
}
