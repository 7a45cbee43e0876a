using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

/// <summary>Where a member's time zone came from (decisions/0035). Stored as a number: never reorder.</summary>
public enum TimeZoneSource
{
    /// <summary>Nothing known: UTC, or a zone chosen on the settings page before the source was kept.</summary>
    NotSet = 0,

    /// <summary>Guessed on the server from the browser's languages; the member is asked to confirm it.</summary>
    Guessed = 1,

    /// <summary>Read from the device (the browser's own zone) at sign-up or sign-in.</summary>
    Device = 2,

    /// <summary>Chosen or confirmed by the member.</summary>
    Chosen = 3,
}

/// <summary>Names of zones for people: "New York" for America/New_York. Pure.</summary>
public static class ZoneNames
{
    /// <summary>The place a zone is named after: its last part, with spaces.</summary>
    public static string Friendly(string id) => id == "UTC" ? "UTC" : id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');

    /// <summary>"New York (America/New_York)": the friendly name and, where it says more, the id.</summary>
    public static string Label(string id) => Friendly(id) == id ? id : $"{Friendly(id)} ({id})";
}

/// <summary>
/// A server-side guess at a zone when the device said nothing (scripts off): the region of the browser's first language
/// that names one ("en-US" → US), and the first zone the system's zone table lists for that country. Only ever a guess
/// that the member confirms with one tap; without a region or the table, nothing is guessed (UTC stays, and is asked about).
/// </summary>
public static class ZoneGuess
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> FirstZoneOfCountry = new(Load);

    public static string? FromLanguages(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage) || acceptLanguage.Length > 1000)
        {
            return null;
        }

        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(10))
        {
            var tag = part.Split(';')[0].Trim();
            var region = tag.Split('-', '_').Skip(1).FirstOrDefault(s => s.Length == 2 && s.All(char.IsAsciiLetter));
            if (region is not null && FirstZoneOfCountry.Value.TryGetValue(region.ToUpperInvariant(), out var zone))
            {
                return zone;
            }
        }

        return null;
    }

    // tzdata's zone.tab: "US\t+404251-0740023\tAmerica/New_York\t..." ; the first line of a country is its main zone.
    private static Dictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var dir = Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } custom ? custom : "/usr/share/zoneinfo";
        var file = Path.Combine(dir, "zone.tab");
        if (!File.Exists(file))
        {
            return map;
        }

        foreach (var line in File.ReadLines(file))
        {
            var cells = line.Split('\t');
            if (line.StartsWith('#') || cells.Length < 3 || !PreferencesRules.KnownZone(cells[2]))
            {
                continue;
            }

            map.TryAdd(cells[0], cells[2]);
        }

        return map;
    }
}

/// <summary>
/// Takes the zone from the device at sign-up and at a sign-in while none is known (a hidden field a small script
/// fills), or else guesses it from the browser's languages to ask about. Never changes a zone the member chose.
/// </summary>
public sealed class RememberDeviceZone(AppDbContext db, IHttpContextAccessor http, ILogger<RememberDeviceZone> logger)
{
    public async Task HandleAsync(Guid memberId, string? deviceZone, CancellationToken cancellationToken = default)
    {
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        var current = row ?? new MemberPreferences { MemberId = memberId };
        if (current.ZoneSource is TimeZoneSource.Device or TimeZoneSource.Chosen || !current.ZoneNeedsConfirming)
        {
            return;
        }

        var device = deviceZone?.Trim();
        var (zone, source) =
            PreferencesRules.KnownZone(device) ? (device!, TimeZoneSource.Device)
            : current.ZoneSource == TimeZoneSource.NotSet
            && ZoneGuess.FromLanguages(http.HttpContext?.Request.Headers.AcceptLanguage.ToString()) is { } guess
                ? (guess, TimeZoneSource.Guessed)
            : (current.TimeZone, current.ZoneSource);
        if (zone == current.TimeZone && source == current.ZoneSource)
        {
            return;
        }

        if (row is null)
        {
            row = current;
            db.MemberPreferences.Add(row);
        }

        row.TimeZone = zone;
        row.ZoneSource = source;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} time zone taken from {Source}", memberId, source);
    }
}

/// <summary>"Is your time zone New York? Yes": the member confirms the zone shown (or one they pick).</summary>
public sealed class ConfirmTimeZone(AppDbContext db, CurrentMember current)
{
    public async Task<Outcome<string>> HandleAsync(string? zone, CancellationToken cancellationToken = default)
    {
        if (!PreferencesRules.KnownZone(zone))
        {
            return Problem.Invalid("zone", Text.Of("Please choose a time zone from the list."));
        }

        var memberId = current.RequiredMemberId;
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            row = new MemberPreferences { MemberId = memberId };
            db.MemberPreferences.Add(row);
        }

        row.TimeZone = zone!;
        row.ZoneSource = TimeZoneSource.Chosen;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<string>.Ok(zone!);
    }
}
