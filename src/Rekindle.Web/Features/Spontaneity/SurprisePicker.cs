using System.Globalization;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>What the giver has today: a budget (free, low or any), the minutes they have (null for any), and whether they are at
/// home.</summary>
public sealed record SurpriseConstraints(string Budget = "any", int? Minutes = null, bool AtHome = false)
{
    public static readonly string[] Budgets = ["free", "low", "any"];

    public static readonly int[] MinuteChoices = [5, 15, 30, 60, 120];

    /// <summary>From query text: anything unknown means no limit, never an error.</summary>
    public static SurpriseConstraints From(string? budget, string? minutes, string? home) =>
        new(
            Budgets.Contains(budget) ? budget! : "any",
            int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && MinuteChoices.Contains(m) ? m : null,
            home == "1"
        );

    public bool Fits(Gesture g) =>
        Budget switch
        {
            "free" => g.Cost == "free",
            "low" => g.Cost is "free" or "low",
            _ => true,
        }
        && (Minutes is null || g.Minutes <= Minutes)
        && (!AtHome || g.Place is "home" or "anywhere");

    /// <summary>Part of the seed: the same constraints give the same pick all day.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Budget}|{Minutes}|{AtHome}");
}

/// <summary>One gesture for today, and whether it came from the partner's "would love" marks.</summary>
public sealed record SurprisePick(Gesture Gesture, bool PartnerWouldLove);

/// <summary>
/// The pure rules for what the giver is shown: a few hints from the partner's "would love" marks,
/// and one surprise for today. Both take only the loved gesture ids, never the partner's other
/// marks, so a "not for me", a cleared mark and no mark at all cannot change what comes out.
/// Both are seeded by the day and the member's slot in the couple (not their id), so the same
/// member sees the same thing all day and their partner a different one.
/// </summary>
public static class SurprisePicker
{
    public const int HintCount = 3;

    /// <summary>Up to <paramref name="count"/> of the loved gestures, changing each day; in the library's order.</summary>
    public static IReadOnlyList<Gesture> Hints(
        IReadOnlyList<Gesture> library,
        IReadOnlySet<string> partnerLoves,
        DateOnly day,
        int slot,
        int count = HintCount
    )
    {
        var loved = library.Where(g => partnerLoves.Contains(g.Id)).ToList();
        var chosen = Shuffle(loved, Seed(day, slot, "hints")).Take(count).ToHashSet();
        return loved.Where(chosen.Contains).ToList();
    }

    /// <summary>
    /// One gesture that fits: among the partner's loved gestures when any fits, otherwise among the
    /// whole library. <paramref name="another"/> walks on through the same day's order without
    /// repeating until every fitting gesture has come up. Null when nothing fits at all.
    /// </summary>
    public static SurprisePick? Pick(
        IReadOnlyList<Gesture> library,
        IReadOnlySet<string> partnerLoves,
        SurpriseConstraints constraints,
        DateOnly day,
        int slot,
        int another = 0
    )
    {
        var fitting = library.Where(constraints.Fits).ToList();
        var loved = fitting.Where(g => partnerLoves.Contains(g.Id)).ToList();
        var pool = loved.Count > 0 ? loved : fitting;
        if (pool.Count == 0)
        {
            return null;
        }

        var order = Shuffle(pool, Seed(day, slot, constraints.Key));
        return new SurprisePick(order[(int)((uint)another % (uint)order.Count)], loved.Count > 0);
    }

    private static string Seed(DateOnly day, int slot, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}|{slot}|{what}|");

    // A stable order (FNV-1a of seed and id): string.GetHashCode differs from one process to the next.
    private static List<Gesture> Shuffle(IEnumerable<Gesture> gestures, string seed) =>
        gestures.OrderBy(g => Hash(seed + g.Id)).ThenBy(g => g.Id, StringComparer.Ordinal).ToList();

    private static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
