namespace Rekindle.Web.Infrastructure.Localization;

/// <summary>
/// The reader's time zone for this request or job, beside the current culture: set once per request
/// from the signed-in member's preferences (UTC for visitors), and by jobs while they write to a member.
/// </summary>
public static class MemberTime
{
    private static readonly AsyncLocal<TimeZoneInfo?> Current = new();

    public static TimeZoneInfo Zone => Current.Value ?? TimeZoneInfo.Utc;

    /// <summary>A stored UTC time as the reader's local time.</summary>
    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static Scope Use(TimeZoneInfo zone) => new(zone);

    public sealed class Scope : IDisposable
    {
        private readonly TimeZoneInfo? _previous;

        internal Scope(TimeZoneInfo zone)
        {
            _previous = Current.Value;
            Current.Value = zone;
        }

        public void Dispose() => Current.Value = _previous;
    }
}
