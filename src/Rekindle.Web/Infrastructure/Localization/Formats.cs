using System.Globalization;

namespace Rekindle.Web.Infrastructure.Localization;

/// <summary>
/// Dates, times and numbers as people read them, in the current culture (the member's language) and
/// built from the culture's own patterns, never a pattern written here. What machines read (input
/// values, <c>datetime</c> attributes, URLs, .ics, JSON) stays invariant and does not come here.
/// Callers convert to the member's time zone first.
/// </summary>
public static class Formats
{
    /// <summary>"Monday, 2 June" (en-GB) or "Monday, June 2" (en-US): the long date without its year.</summary>
    public static string WeekdayDayMonth(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return day.ToString(WithoutYear(c.DateTimeFormat.LongDatePattern), c);
    }

    /// <summary>"2 June" (en-GB) or "June 2" (en-US).</summary>
    public static string DayMonth(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return day.ToString(c.DateTimeFormat.MonthDayPattern, c);
    }

    /// <summary>"2 Jun" (en-GB) or "Jun 2" (en-US): for chart axes and tight tables.</summary>
    public static string ShortDayMonth(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return day.ToString(c.DateTimeFormat.MonthDayPattern.Replace("MMMM", "MMM", StringComparison.Ordinal), c);
    }

    /// <summary>"2 June 2025" (en-GB) or "June 2, 2025" (en-US): the long date without its weekday.</summary>
    public static string Date(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return day.ToString(WithoutWeekday(c.DateTimeFormat.LongDatePattern), c);
    }

    /// <summary>"2 Jun 2025" (en-GB) or "Jun 2, 2025" (en-US): for table cells.</summary>
    public static string ShortDate(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return day.ToString(WithoutWeekday(c.DateTimeFormat.LongDatePattern).Replace("MMMM", "MMM", StringComparison.Ordinal), c);
    }

    /// <summary>"Monday, 2 June 2025" (en-GB) or "Monday, June 2, 2025" (en-US).</summary>
    public static string LongDate(DateOnly day, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return day.ToString(c.DateTimeFormat.LongDatePattern, c);
    }

    /// <summary>"19:30" (en-GB) or "7:30 PM" (en-US).</summary>
    public static string Time(TimeOnly time, CultureInfo? culture = null)
    {
        var c = culture ?? CultureInfo.CurrentCulture;
        return time.ToString(c.DateTimeFormat.ShortTimePattern, c);
    }

    /// <summary>"2 June 2025, 19:30" style: a date with its time, both in the culture's patterns.</summary>
    public static string DateAndTime(DateTime local, CultureInfo? culture = null) =>
        Date(DateOnly.FromDateTime(local), culture) + ", " + Time(TimeOnly.FromDateTime(local), culture);

    /// <summary>"Monday, 2 June, 19:30" style.</summary>
    public static string DayAndTime(DateTime local, CultureInfo? culture = null) =>
        WeekdayDayMonth(DateOnly.FromDateTime(local), culture) + ", " + Time(TimeOnly.FromDateTime(local), culture);

    /// <summary>A stored UTC moment as a date and time in the reader's zone (<see cref="MemberTime"/>).</summary>
    public static string At(DateTime utc, CultureInfo? culture = null) => DateAndTime(MemberTime.Local(utc), culture);

    /// <summary>A stored UTC moment as the date it was in the reader's zone.</summary>
    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(MemberTime.Local(utc));

    /// <summary>A whole hour of the day ("19:00" or "7:00 PM").</summary>
    public static string Hour(int hour, CultureInfo? culture = null) => Time(new TimeOnly(hour % 24, 0), culture);

    /// <summary>A number with at most one decimal ("7.5"; "7,5" where a comma is the decimal sign).</summary>
    public static string Number(decimal value, CultureInfo? culture = null) => value.ToString("0.#", culture ?? CultureInfo.CurrentCulture);

    /// <inheritdoc cref="Number(decimal, CultureInfo?)"/>
    public static string Number(double value, CultureInfo? culture = null) => value.ToString("0.#", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A long date pattern without its year part and the separator that joined it.</summary>
    internal static string WithoutYear(string pattern) => Without(pattern, 'y');

    /// <summary>A long date pattern without its weekday part and the separator that joined it.</summary>
    internal static string WithoutWeekday(string pattern) => Without(pattern, 'd', 4);

    // Removes the run of `letter` (at least `run` long, so "dddd" goes but "d" stays) with the
    // punctuation and spaces before it, or after it when it opens the pattern. Quoted text is kept.
    private static string Without(string pattern, char letter, int run = 1)
    {
        var (start, length) = (-1, 0);
        var quoted = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\'')
            {
                quoted = !quoted;
                continue;
            }

            if (quoted || pattern[i] != letter)
            {
                continue;
            }

            var end = i;
            while (end < pattern.Length && pattern[end] == letter)
            {
                end++;
            }

            if (end - i >= run)
            {
                (start, length) = (i, end - i);
                break;
            }

            i = end;
        }

        if (start < 0)
        {
            return pattern;
        }

        static bool Joiner(char c) => c is ' ' or ',' or '.' or '/' or '-' or '\u00A0' or '\u060C';
        var from = start;
        var to = start + length;
        while (from > 0 && Joiner(pattern[from - 1]))
        {
            from--;
        }

        if (from == 0)
        {
            while (to < pattern.Length && Joiner(pattern[to]))
            {
                to++;
            }
        }

        var rest = (pattern[..from] + pattern[to..]).Trim();
        return rest.Length == 0 ? pattern : rest;
    }
}
