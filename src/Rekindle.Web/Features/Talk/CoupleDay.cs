namespace Rekindle.Web.Features.Talk;

/// <summary>
/// When "today" changes for a couple whose partners live in two time zones (decisions/0035). Pure.
/// The couple's day is the earlier of the two partners' own dates: today's question, and the check-in week that
/// follows from it, move on for both together at midnight where the day starts last (the western partner's
/// midnight), so both always see the same question and a "your partner answered" is about the question in front
/// of them. Alone, or in one zone, it is simply the member's own date. Times themselves are always shown to each
/// partner in their own zone.
/// </summary>
public static class CoupleDay
{
    public static DateOnly Today(DateTime utcNow, TimeZoneInfo mine, TimeZoneInfo? partners)
    {
        utcNow = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        var own = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, mine));
        if (partners is null)
        {
            return own;
        }

        var theirs = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, partners));
        return theirs < own ? theirs : own;
    }
}
