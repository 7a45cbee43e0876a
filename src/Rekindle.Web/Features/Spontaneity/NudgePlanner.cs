using System.Security.Cryptography;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.TimeTogether;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// Where a member's nudges fall in a week: on different days, at a moment drawn at random inside the
/// member's window, never in quiet hours. Pure and deterministic for a member and week, so every
/// server computes the same moments and the notice key makes each one go out once.
/// </summary>
public static class NudgePlanner
{
    /// <summary>
    /// A moment falls in the first 50 minutes of its hour, so the job (every 30 seconds, or a slow
    /// pass) still sends it before the hour ends: the next hour may be a quiet one, where it is dropped.
    /// </summary>
    public const int MinutesIntoHour = 50;

    public static IReadOnlyList<DateTime> MomentsFor(Guid memberId, DateOnly weekStart, MemberPreferences prefs)
    {
        var count = Math.Clamp(prefs.NudgesPerWeek, 0, MemberPreferences.MaxNudgesPerWeek);
        var hours = WindowHours(prefs).Where(h => !prefs.IsQuiet(h)).ToList();
        if (count == 0 || hours.Count == 0)
        {
            return [];
        }

        var random = new Random(Seed(memberId, weekStart));
        var days = Enumerable.Range(0, 7).OrderBy(_ => random.Next()).Take(count).Order().ToList();
        var zone = prefs.Zone();
        return days.Select(d =>
                weekStart.AddDays(d).ToDateTime(new TimeOnly(hours[random.Next(hours.Count)], random.Next(MinutesIntoHour)))
            )
            .Select(local => EveningRules.ToUtc(local, zone))
            .ToList();
    }

    /// <summary>The local hours the window covers; a window that ends after midnight wraps round.</summary>
    public static IEnumerable<int> WindowHours(MemberPreferences prefs)
    {
        var from = Math.Clamp(prefs.NudgeFromHour, 0, 23);
        var to = Math.Clamp(prefs.NudgeToHour, 1, 24);
        var length = to > from ? to - from : to + 24 - from;
        return Enumerable.Range(from, length).Select(h => h % 24);
    }

    private static int Seed(Guid memberId, DateOnly weekStart)
    {
        Span<byte> input = stackalloc byte[20];
        memberId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], weekStart.DayNumber);
        return BitConverter.ToInt32(SHA256.HashData(input));
    }
}
