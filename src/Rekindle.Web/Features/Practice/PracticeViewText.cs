using System.Globalization;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>The words the professional's view, session prep and the activity log share for the parts a member shares.</summary>
public static class PracticeViewText
{
    public static string Sessions(SharedProgress progress) =>
        progress.Done switch
        {
            0 => Text.Of("Program sessions done: none yet."),
            1 => Text.Of("Program sessions done: 1 (week {0}).", progress.Weeks[0]),
            _ => Text.Of(
                "Program sessions done: {0} (weeks {1}).",
                progress.Done,
                string.Join(", ", progress.Weeks.Select(w => w.ToString(CultureInfo.CurrentCulture)))
            ),
        };

    /// <summary>One shared part as the activity log names it ("your progress").</summary>
    public static string PartName(ConnectionScopes scope) =>
        scope switch
        {
            ConnectionScopes.Progress => Text.Of("your progress"),
            ConnectionScopes.Homework => Text.Of("your homework"),
            ConnectionScopes.Map => Text.Of("the Couple Map"),
            ConnectionScopes.Checks => Text.Of("your check results"),
            ConnectionScopes.Trend => Text.Of("your closeness trend"),
            ConnectionScopes.Summary => Text.Of("your self-care averages"),
            _ => throw new ArgumentOutOfRangeException(nameof(scope)),
        };

    /// <summary>"your progress, homework and check results": the parts in a log entry's detail, in a fixed order.</summary>
    public static string PartsIn(int detail)
    {
        var names = Enum.GetValues<ConnectionScopes>()
            .Where(s => s is not ConnectionScopes.None and not ConnectionScopes.All && (detail & (int)s) != 0)
            .Select(PartName)
            .ToList();
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            _ => Text.Of("{0} and {1}", string.Join(", ", names[..^1]), names[^1]),
        };
    }

    /// <summary>A partner's log line: "Your counselor, Dana, looked at your progress and your homework".</summary>
    public static string Viewed(string? professional, int? detail)
    {
        var parts = PartsIn(detail ?? 0);
        return (professional, parts) switch
        {
            (null or "", "") => Text.Of("Your counselor opened your connection; you share nothing with them at the moment"),
            (null or "", _) => Text.Of("Your counselor looked at {0}", parts),
            (_, "") => Text.Of("Your counselor, {0}, opened your connection; you share nothing with them at the moment", professional),
            _ => Text.Of("Your counselor, {0}, looked at {1}", professional, parts),
        };
    }
}
