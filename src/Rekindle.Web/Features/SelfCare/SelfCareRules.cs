using System.Globalization;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>One day's log. Every value may be left out; the note is free text.</summary>
public sealed record DayEntry(decimal? SleepHours, int? MovementMinutes, int? Eating, int? Stress, int? Mood, string? Note)
{
    public const int NoteMaxLength = 500;

    public static readonly DayEntry Empty = new(null, null, null, null, null, null);

    public bool IsEmpty => SleepHours is null && MovementMinutes is null && Eating is null && Stress is null && Mood is null && string.IsNullOrEmpty(Note);

    public decimal? Value(string metric) => metric switch
    {
        "sleep" => SleepHours,
        "movement" => MovementMinutes,
        "eating" => Eating,
        "stress" => Stress,
        "mood" => Mood,
        _ => null,
    };
}

/// <summary>A personal goal: a metric at least (or at most) a value, on so many days a week.</summary>
public sealed record Goal(string Metric, bool AtMost, decimal Value, int DaysPerWeek)
{
    public string Describe() => (Metric, AtMost) switch
    {
        ("sleep", true) => Text.Of("Sleep at most {0:0.#} hours", Value),
        ("sleep", false) => Text.Of("Sleep at least {0:0.#} hours", Value),
        ("movement", true) => Text.Of("Move at most {0:0} minutes", Value),
        ("movement", false) => Text.Of("Move at least {0:0} minutes", Value),
        ("eating", true) => Text.Of("Eat well (at most {0:0} of 5)", Value),
        ("eating", false) => Text.Of("Eat well (at least {0:0} of 5)", Value),
        ("stress", true) => Text.Of("Stress at most {0:0} of 10", Value),
        ("stress", false) => Text.Of("Stress at least {0:0} of 10", Value),
        (_, true) => Text.Of("Mood at most {0:0} of 10", Value),
        (_, false) => Text.Of("Mood at least {0:0} of 10", Value),
    } + (DaysPerWeek == 1 ? Text.Of(", on {0} day a week", DaysPerWeek) : Text.Of(", on {0} days a week", DaysPerWeek));

    public bool MetBy(DayEntry entry) => entry.Value(Metric) is { } v && (AtMost ? v <= Value : v >= Value);
}

public sealed record WeekSummary(DateOnly Week, int Days, decimal? Sleep, decimal? Movement, decimal? Eating, decimal? Stress, decimal? Mood);

/// <summary>Pure rules for the self-care log: reading input, weekly averages, progress on goals.</summary>
public static class SelfCareRules
{
    public const int MaxGoals = 3;

    public static readonly string[] Metrics = ["sleep", "movement", "eating", "stress", "mood"];

    /// <summary>The allowed range of each metric.</summary>
    public static (decimal Min, decimal Max) Range(string metric) => metric switch
    {
        "sleep" => (0, 24),
        "movement" => (0, 1440),
        "eating" => (1, 5),
        _ => (0, 10),
    };

    /// <summary>Reads a day from form text; blank fields stay empty, anything out of range is a message.</summary>
    public static (DayEntry? Entry, string? Problem) Read(string? sleep, string? movement, string? eating, string? stress, string? mood, string? note)
    {
        var problems = new List<string>();
        decimal? Number(string? text, string metric, string name, bool whole)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var (min, max) = Range(metric);
            if (!decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < min || value > max || (whole && value != decimal.Truncate(value)))
            {
                problems.Add(whole ? Text.Of("{0} should be a whole number from {1} to {2}.", name, min, max) : Text.Of("{0} should be a number from {1} to {2}.", name, min, max));
                return null;
            }

            return whole ? value : Math.Round(value * 2, MidpointRounding.AwayFromZero) / 2;
        }

        var entry = new DayEntry(
            Number(sleep, "sleep", Text.Of("Sleep"), whole: false),
            (int?)Number(movement, "movement", Text.Of("Movement"), whole: true),
            (int?)Number(eating, "eating", Text.Of("Eating well"), whole: true),
            (int?)Number(stress, "stress", Text.Of("Stress"), whole: true),
            (int?)Number(mood, "mood", Text.Of("Mood"), whole: true),
            string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        if (entry.Note is { } text && Talk.TalkText.Problem(text, DayEntry.NoteMaxLength) is { } problem)
        {
            problems.Add(problem);
        }

        return problems.Count > 0 ? (null, string.Join(" ", problems)) : (entry, null);
    }

    /// <summary>Averages per week (Monday first) for the weeks given, oldest first; a week without logs has nulls.</summary>
    public static IReadOnlyList<WeekSummary> Weeks(IReadOnlyDictionary<DateOnly, DayEntry> days, DateOnly thisWeek, int count)
    {
        var weeks = new List<WeekSummary>();
        for (var w = count - 1; w >= 0; w--)
        {
            var start = thisWeek.AddDays(-7 * w);
            var entries = Enumerable.Range(0, 7).Select(d => days.GetValueOrDefault(start.AddDays(d))).OfType<DayEntry>().ToList();
            decimal? Average(Func<DayEntry, decimal?> pick) =>
                entries.Select(pick).OfType<decimal>().ToList() is { Count: > 0 } values ? Math.Round(values.Average(), 1) : null;
            weeks.Add(new WeekSummary(start, entries.Count, Average(e => e.SleepHours), Average(e => e.MovementMinutes), Average(e => e.Eating), Average(e => e.Stress), Average(e => e.Mood)));
        }

        return weeks;
    }

    /// <summary>On how many days of the week starting <paramref name="week"/> the goal was met.</summary>
    public static int DaysMet(Goal goal, IReadOnlyDictionary<DateOnly, DayEntry> days, DateOnly week) =>
        Enumerable.Range(0, 7).Count(d => days.TryGetValue(week.AddDays(d), out var entry) && goal.MetBy(entry));

    public static string? GoalProblem(string? metric, string? direction, string? value, string? days, out Goal? goal)
    {
        goal = null;
        if (metric is null || !Metrics.Contains(metric))
        {
            return Text.Of("Please choose what the goal is about.");
        }

        var (min, max) = Range(metric);
        if (!decimal.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
        {
            return Text.Of("Please give a value from {0} to {1}.", min, max);
        }

        if (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d is < 1 or > 7)
        {
            return Text.Of("Please choose on how many days a week, from 1 to 7.");
        }

        goal = new Goal(metric, direction == "most", v, d);
        return null;
    }
}
