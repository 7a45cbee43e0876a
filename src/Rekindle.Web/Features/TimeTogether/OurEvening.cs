using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// The couple's recurring "our evening": one weekday at one local time, in the zone of whoever set it
/// up (so it stays at 19:30 across daylight-saving changes). It counts once the partner agreed.
/// </summary>
public sealed class OurEvening
{
    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid SetBy { get; set; }

    public DayOfWeek Day { get; set; }

    public TimeOnly Time { get; set; }

    public int Minutes { get; set; } = 120;

    public string TimeZone { get; set; } = "UTC";

    /// <summary>The first local day it may fall on.</summary>
    public DateOnly StartsOn { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the partner agreed; null while it waits for them.</summary>
    public DateTime? AgreedAt { get; set; }

    public int Revision { get; set; }

    public List<EveningSkip> Skips { get; set; } = [];
}

/// <summary>One week's evening that will not happen (an exception to the rule).</summary>
public sealed class EveningSkip
{
    public Guid Id { get; set; }

    public Guid EveningId { get; set; }

    /// <summary>The evening's couple, on every row a couple shares (docs/OPERATIONS.md: distributing by couple).</summary>
    public Guid CoupleId { get; set; }

    /// <summary>The local day of the evening that is skipped.</summary>
    public DateOnly Day { get; set; }

    public Guid SkippedBy { get; set; }

    public DateTime SkippedAt { get; set; }
}

/// <summary>Pure rules for local times and for the evening's occurrences; unit-tested across DST changes.</summary>
public static class EveningRules
{
    public static readonly int[] Durations = [30, 60, 90, 120, 180, 240];

    /// <summary>
    /// A wall-clock time in a zone as UTC. A time skipped by a spring-forward change is moved on by
    /// the gap (02:30 becomes 03:30); a time that happens twice in autumn is the first of the two.
    /// </summary>
    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return DateTime.SpecifyKind(local - before, DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return DateTime.SpecifyKind(local - offsets.Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>The evening's starts (local day, UTC start) from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/>, skips
    /// left out.</summary>
    public static IEnumerable<(DateOnly Day, DateTime StartsAt)> Occurrences(
        OurEvening evening,
        DateTime fromUtc,
        DateTime toUtc,
        bool includeSkipped = false
    )
    {
        var zone = Account.MemberPreferences.FindZone(evening.TimeZone);
        var skipped = evening.Skips.Select(s => s.Day).ToHashSet();
        var firstLocal = DateOnly
            .FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone))
            .AddDays(-1);
        if (firstLocal < evening.StartsOn)
        {
            firstLocal = evening.StartsOn;
        }

        var day = firstLocal.AddDays(((int)evening.Day - (int)firstLocal.DayOfWeek + 7) % 7);
        for (var i = 0; i < 600; i++, day = day.AddDays(7))
        {
            var start = ToUtc(day.ToDateTime(evening.Time), zone);
            if (start >= toUtc)
            {
                yield break;
            }

            if (start >= fromUtc && (includeSkipped || !skipped.Contains(day)))
            {
                yield return (day, start);
            }
        }
    }
}

internal sealed class OurEveningConfiguration : IEntityTypeConfiguration<OurEvening>, IEntityTypeConfiguration<EveningSkip>
{
    public void Configure(EntityTypeBuilder<OurEvening> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(e => e.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.CoupleId).IsUnique();
        builder.HasMany(e => e.Skips).WithOne().HasForeignKey(s => s.EveningId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.Property(e => e.Revision).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<EveningSkip> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.EveningId, s.Day }).IsUnique();
        builder.HasIndex(s => s.CoupleId);
    }
}
