using System.Security.Cryptography;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>
/// A member's private calendar subscription: a secret address a calendar app polls. Only a hash of
/// the secret finds the row; the secret itself is kept sealed with the member's key so their own
/// page can show the address again. Replacing or turning it off makes the old address a 404.
/// </summary>
public sealed class CalendarFeed : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>SHA-256 of the secret, hex.</summary>
    public string TokenHash { get; set; } = "";

    public SealedText Token { get; set; } = default!;

    /// <summary>Show each date's name; otherwise every entry just says "Time together" (for calendars others can see).</summary>
    public bool ShowNames { get; set; }

    public DateTime CreatedAt { get; set; }

    public SealPlace PlaceOf(string property) => property == nameof(Token)
        ? SealedPlaces.CalendarFeedToken.At(Id, KeyOwner.Member(MemberId))
        : throw new ArgumentOutOfRangeException(nameof(property));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<Member>().WithOne().HasForeignKey<CalendarFeed>(f => f.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.Property(f => f.Token).HasMaxLength(400);
    }
}

/// <summary>One entry of a calendar file. A recurring entry repeats weekly on its start's weekday.</summary>
public sealed record CalendarEntry(string Uid, string Title, DateTime StartsAt, int Minutes, string TimeZone, int Sequence, bool Weekly = false, IReadOnlyList<DateTime>? SkippedStarts = null);

/// <summary>Writes iCalendar (RFC 5545) with Ical.Net: times in the date's own zone with its VTIMEZONE, so DST is right.</summary>
public static class CalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(IEnumerable<CalendarEntry> entries, DateTime now, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Rekindle//Rekindle//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("METHOD", "PUBLISH");
        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var zone = KnownToCalendars(entry.TimeZone) ? entry.TimeZone : "UTC";
            if (zone != "UTC" && zones.Add(zone))
            {
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, entry.StartsAt.AddYears(-1), includeHistoricalData: false));
            }

            var start = At(entry.StartsAt, zone);
            var calendarEvent = new CalendarEvent
            {
                Uid = entry.Uid,
                Summary = entry.Title,
                Start = start,
                End = At(entry.StartsAt.AddMinutes(entry.Minutes), zone),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
                Sequence = entry.Sequence,
                Status = "CONFIRMED",
                Transparency = "OPAQUE",
            };
            if (entry.Weekly)
            {
                calendarEvent.RecurrenceRule = new RecurrencePattern(Ical.Net.FrequencyType.Weekly, 1)
                {
                    ByDay = [new WeekDay(TimeZoneInfo.ConvertTimeFromUtc(entry.StartsAt, MemberPreferences.FindZone(zone)).DayOfWeek)],
                };
                foreach (var skipped in entry.SkippedStarts ?? [])
                {
                    calendarEvent.ExceptionDates.Add(At(skipped, zone));
                }
            }

            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime At(DateTime utc, string zone)
    {
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        if (zone == "UTC")
        {
            return new CalDateTime(utc);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, MemberPreferences.FindZone(zone));
        return new CalDateTime(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone);
    }

    private static bool KnownToCalendars(string zone) =>
        zone != "UTC" && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is not null;
}

public sealed record FeedView(string Url, bool ShowNames, DateTime CreatedAt);

/// <summary>The signed-in member's feed, and the files: the feed itself, one date, the evening.</summary>
public sealed class Calendars(AppDbContext db, CurrentMember current, Sealer sealer, IOptions<InstanceOptions> instance, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Dates this far back stay in the feed, so a calendar keeps recent history.</summary>
    private static readonly TimeSpan Past = TimeSpan.FromDays(60);

    public async Task<FeedView?> MineAsync(CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.MemberId == memberId, cancellationToken);
        if (feed is null || await sealer.OpenAsync(feed.Token, feed.PlaceOf(nameof(CalendarFeed.Token)), cancellationToken) is not { } token)
        {
            return null;
        }

        return new FeedView(BaseUrl() + "/calendar/" + token + ".ics", feed.ShowNames, feed.CreatedAt);
    }

    /// <summary>A new secret address (the old one, if any, stops working at once).</summary>
    public async Task CreateAsync(bool showNames, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        await db.CalendarFeeds.Where(f => f.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var feed = new CalendarFeed { Id = Guid.NewGuid(), MemberId = memberId, TokenHash = CalendarFeed.Hash(token), ShowNames = showNames, CreatedAt = clock.GetUtcNow().UtcDateTime };
        feed.Token = await sealer.SealAsync(token, feed.PlaceOf(nameof(CalendarFeed.Token)), cancellationToken);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task SetShowNamesAsync(bool showNames, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        await db.CalendarFeeds.Where(f => f.MemberId == memberId).ExecuteUpdateAsync(s => s.SetProperty(f => f.ShowNames, showNames), cancellationToken);
    }

    public async Task RevokeAsync(CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        await db.CalendarFeeds.Where(f => f.MemberId == memberId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The feed for a secret, or null (unknown, replaced or turned off: all the same 404).</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken = default)
    {
        if (token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = CalendarFeed.Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, cancellationToken);
        if (feed is null)
        {
            return null;
        }

        var coupleId = await db.CoupleMembers.AsNoTracking().Where(m => m.MemberId == feed.MemberId).Select(m => (Guid?)m.CoupleId).FirstOrDefaultAsync(cancellationToken);
        var entries = coupleId is { } couple ? await EntriesAsync(couple, feed.ShowNames, null, cancellationToken) : [];
        return CalendarFile.Write(entries, Now, "Rekindle");
    }

    /// <summary>One date of the signed-in member's couple as a file, or null when it is not theirs or not agreed.</summary>
    public async Task<string?> DateFileAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return null;
        }

        var entries = await EntriesAsync(coupleId, true, planId, cancellationToken);
        return entries.Count == 0 ? null : CalendarFile.Write(entries, Now, "Rekindle");
    }

    /// <summary>The couple's agreed evening as a weekly file, or null.</summary>
    public async Task<string?> EveningFileAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return null;
        }

        var entries = await EntriesAsync(coupleId, true, Guid.Empty, cancellationToken);
        return entries.Count == 0 ? null : CalendarFile.Write(entries, Now, "Rekindle");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // onlyPlan: null for everything, Guid.Empty for the evening alone, an id for that one date.
    private async Task<List<CalendarEntry>> EntriesAsync(Guid coupleId, bool showNames, Guid? onlyPlan, CancellationToken cancellationToken)
    {
        var entries = new List<CalendarEntry>();
        if (onlyPlan != Guid.Empty)
        {
            var since = Now - Past;
            var plans = await db.DatePlans.AsNoTracking()
                .Where(p => p.CoupleId == coupleId && p.Status == DateStatus.Agreed && (onlyPlan == null ? p.StartsAt >= since : p.Id == onlyPlan))
                .OrderBy(p => p.StartsAt)
                .ToListAsync(cancellationToken);
            foreach (var plan in plans)
            {
                var title = showNames ? await sealer.OpenAsync(plan.Title, plan.PlaceOf(nameof(DatePlan.Title)), cancellationToken) ?? "Time together" : "Time together";
                entries.Add(new CalendarEntry($"date-{plan.Id:N}@rekindle", title, plan.StartsAt!.Value, plan.Minutes, plan.TimeZone, plan.Revision));
            }
        }

        if (onlyPlan is null || onlyPlan == Guid.Empty)
        {
            var evening = await db.OurEvenings.AsNoTracking().Include(e => e.Skips).FirstOrDefaultAsync(e => e.CoupleId == coupleId && e.AgreedAt != null, cancellationToken);
            var from = evening?.StartsOn.AddDays(-1).ToDateTime(TimeOnly.MinValue) ?? default;
            if (evening is not null && EveningRules.Occurrences(evening, from, from.AddDays(9), includeSkipped: true).Select(o => o.StartsAt).FirstOrDefault() is var first && first != default)
            {
                var skipped = EveningRules.Occurrences(evening, first, Now.AddYears(1), includeSkipped: true)
                    .Where(o => evening.Skips.Any(s => s.Day == o.Day)).Select(o => o.StartsAt).ToList();
                entries.Add(new CalendarEntry($"evening-{evening.Id:N}-{evening.Revision}@rekindle", showNames ? "Our evening" : "Time together", first, evening.Minutes, evening.TimeZone, evening.Revision, Weekly: true, skipped));
            }
        }

        return entries;
    }

    private string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(instance.Value.PublicUrl))
        {
            return instance.Value.PublicUrl.TrimEnd('/');
        }

        var request = http.HttpContext?.Request;
        return request is null ? "http://localhost:5000" : $"{request.Scheme}://{request.Host}";
    }
}
