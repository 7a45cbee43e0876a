using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>One day's log. Every value may be left out; the note is free text.</summary>
public sealed record DayEntry(decimal? SleepHours, int? MovementMinutes, int? Eating, int? Stress, int? Mood, string? Note)
{
    public const int NoteMaxLength = 500;

    public static readonly DayEntry Empty = new(null, null, null, null, null, null);

    public bool IsEmpty =>
        SleepHours is null && MovementMinutes is null && Eating is null && Stress is null && Mood is null && string.IsNullOrEmpty(Note);

    public decimal? Value(string metric) =>
        metric switch
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
    public string Describe() =>
        (Metric, AtMost) switch
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

public sealed record WeekSummary(
    DateOnly Week,
    int Days,
    decimal? Sleep,
    decimal? Movement,
    decimal? Eating,
    decimal? Stress,
    decimal? Mood
);

/// <summary>Pure rules for the self-care log: reading input, weekly averages, progress on goals.</summary>
public static class SelfCareRules
{
    public const int MaxGoals = 3;

    public static readonly string[] Metrics = ["sleep", "movement", "eating", "stress", "mood"];

    /// <summary>The allowed range of each metric.</summary>
    public static (decimal Min, decimal Max) Range(string metric) =>
        metric switch
        {
            "sleep" => (0, 24),
            "movement" => (0, 1440),
            "eating" => (1, 5),
            _ => (0, 10),
        };

    /// <summary>
    /// A day as it will be kept: blank values stay empty, sleep is kept to half hours. Anything out of range is a
    /// problem about the first such field, whose message names every value that needs another look.
    /// </summary>
    public static Outcome<DayEntry> Read(DayLogRequest request)
    {
        var problems = new List<(string Field, string Message)>();
        decimal? Number(decimal? value, string metric, string field, string name, bool whole)
        {
            if (value is not { } v)
            {
                return null;
            }

            var (min, max) = Range(metric);
            if (v < min || v > max || (whole && v != decimal.Truncate(v)))
            {
                problems.Add(
                    (
                        field,
                        whole
                            ? Text.Of("{0} should be a whole number from {1} to {2}.", name, min, max)
                            : Text.Of("{0} should be a number from {1} to {2}.", name, min, max)
                    )
                );
                return null;
            }

            return whole ? v : Math.Round(v * 2, MidpointRounding.AwayFromZero) / 2;
        }

        var entry = new DayEntry(
            Number(request.SleepHours, "sleep", "sleepHours", Text.Of("Sleep"), whole: false),
            (int?)Number(request.MovementMinutes, "movement", "movementMinutes", Text.Of("Movement"), whole: true),
            (int?)Number(request.Eating, "eating", "eating", Text.Of("Eating well"), whole: true),
            (int?)Number(request.Stress, "stress", "stress", Text.Of("Stress"), whole: true),
            (int?)Number(request.Mood, "mood", "mood", Text.Of("Mood"), whole: true),
            string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim()
        );
        if (entry.Note is { } text && Talk.TalkText.Problem(text, DayEntry.NoteMaxLength) is { } problem)
        {
            problems.Add(("note", problem));
        }

        return problems.Count > 0
            ? Problem.Invalid(problems[0].Field, string.Join(" ", problems.Select(p => p.Message)))
            : Outcome<DayEntry>.Ok(entry);
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
            weeks.Add(
                new WeekSummary(
                    start,
                    entries.Count,
                    Average(e => e.SleepHours),
                    Average(e => e.MovementMinutes),
                    Average(e => e.Eating),
                    Average(e => e.Stress),
                    Average(e => e.Mood)
                )
            );
        }

        return weeks;
    }

    /// <summary>On how many days of the week starting <paramref name="week"/> the goal was met.</summary>
    public static int DaysMet(Goal goal, IReadOnlyDictionary<DateOnly, DayEntry> days, DateOnly week) =>
        Enumerable.Range(0, 7).Count(d => days.TryGetValue(week.AddDays(d), out var entry) && goal.MetBy(entry));

    /// <summary>The goal a request describes, or what is wrong with it: about its metric, value or days a week.</summary>
    public static Outcome<Goal> GoalOf(GoalRequest request)
    {
        if (request.Metric is not { } metric || !Metrics.Contains(metric))
        {
            return Problem.Invalid("metric", Text.Of("Please choose what the goal is about."));
        }

        var (min, max) = Range(metric);
        if (request.Value is not { } v || v < min || v > max)
        {
            return Problem.Invalid("value", Text.Of("Please give a value from {0} to {1}.", min, max));
        }

        if (request.DaysPerWeek is not { } d || d is < 1 or > 7)
        {
            return Problem.Invalid("daysPerWeek", Text.Of("Please choose on how many days a week, from 1 to 7."));
        }

        return Outcome<Goal>.Ok(new Goal(metric, request.Direction == "most", v, d));
    }
}
