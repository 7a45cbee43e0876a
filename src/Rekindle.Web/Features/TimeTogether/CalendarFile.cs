using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>One entry of a calendar file. A recurring entry repeats weekly on its start's weekday.</summary>
public sealed record CalendarEntry(
    string Uid,
    string Title,
    DateTime StartsAt,
    int Minutes,
    string TimeZone,
    int Sequence,
    bool Weekly = false,
    IReadOnlyList<DateTime>? SkippedStarts = null
);

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
