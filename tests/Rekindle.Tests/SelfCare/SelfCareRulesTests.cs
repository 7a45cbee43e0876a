using Rekindle.Web.Features.SelfCare;

namespace Rekindle.Tests.SelfCare;

public sealed class SelfCareRulesTests
{
    [Theory]
    [InlineData("7.5", "30", "4", "6", "7", null, null)]
    [InlineData(null, null, null, null, null, null, null)]
    [InlineData("25", null, null, null, null, "Sleep should be", "sleepHours")]
    [InlineData("-1", null, null, null, null, "Sleep should be", "sleepHours")]
    [InlineData(null, "2000", null, null, null, "Movement should be a whole number", "movementMinutes")]
    [InlineData(null, null, "6", null, null, "Eating well should be", "eating")]
    [InlineData(null, null, "0", null, null, "Eating well should be", "eating")]
    [InlineData(null, null, null, "11", null, "Stress should be", "stress")]
    [InlineData(null, null, null, null, "-3", "Mood should be", "mood")]
    [InlineData("30", null, null, null, "11", "Mood should be", "sleepHours")]
    public void Reading_a_day_accepts_blanks_and_refuses_what_is_out_of_range(
        string? sleep,
        string? movement,
        string? eating,
        string? stress,
        string? mood,
        string? problem,
        string? field
    )
    {
        static decimal? D(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var read = SelfCareRules.Read(
            new DayLogRequest(default, D(sleep), (int?)D(movement), (int?)D(eating), (int?)D(stress), (int?)D(mood), null)
        );
        if (problem is null)
        {
            Assert.NotNull(read.Value);
            Assert.Null(read.Problem);
        }
        else
        {
            Assert.Null(read.Value);
            Assert.Contains(problem, read.Problem!.Message, StringComparison.Ordinal);
            Assert.Equal(field, read.Problem.Field);
        }
    }

    [Fact]
    public void Sleep_is_kept_to_half_hours_and_a_blank_day_is_empty()
    {
        Assert.Equal(7.5m, SelfCareRules.Read(new DayLogRequest(default, 7.4m, null, null, null, null, null)).Value!.SleepHours);
        Assert.True(SelfCareRules.Read(new DayLogRequest(default, null, null, null, null, null, "  ")).Value!.IsEmpty);
    }

    [Fact]
    public void Weekly_averages_and_goal_progress()
    {
        var monday = new DateOnly(2026, 11, 23);
        var days = new Dictionary<DateOnly, DayEntry>
        {
            [monday] = new(7, 30, 4, 6, 5, null),
            [monday.AddDays(1)] = new(8, 10, null, 4, 7, "x"),
            [monday.AddDays(2)] = new(null, 45, 3, null, null, null),
            [monday.AddDays(-7)] = new(6, 0, 2, 9, 3, null),
        };
        var weeks = SelfCareRules.Weeks(days, monday, 3);
        Assert.Equal([monday.AddDays(-14), monday.AddDays(-7), monday], weeks.Select(w => w.Week));
        Assert.Equal((0, (decimal?)null), (weeks[0].Days, weeks[0].Sleep));
        Assert.Equal(
            (3, 7.5m, 28.3m, 3.5m, 5m, 6m),
            (
                weeks[2].Days,
                weeks[2].Sleep!.Value,
                weeks[2].Movement!.Value,
                weeks[2].Eating!.Value,
                weeks[2].Stress!.Value,
                weeks[2].Mood!.Value
            )
        );

        Assert.Equal(2, SelfCareRules.DaysMet(new Goal("movement", false, 30, 4), days, monday));
        Assert.Equal(1, SelfCareRules.DaysMet(new Goal("stress", true, 4, 3), days, monday));
        Assert.Equal(0, SelfCareRules.DaysMet(new Goal("sleep", false, 9, 3), days, monday));
        Assert.Contains("on 4 days a week", new Goal("movement", false, 30, 4).Describe(), StringComparison.Ordinal);

        Assert.Equal("metric", SelfCareRules.GoalOf(new GoalRequest("weight", "least", 3, 4)).Problem?.Field);
        Assert.Equal("value", SelfCareRules.GoalOf(new GoalRequest("mood", "least", 12, 4)).Problem?.Field);
        Assert.Equal("daysPerWeek", SelfCareRules.GoalOf(new GoalRequest("mood", "least", 7, 8)).Problem?.Field);
        Assert.Equal(new Goal("mood", false, 7, 5), SelfCareRules.GoalOf(new GoalRequest("mood", "least", 7, 5)).Value);
        Assert.Equal(new Goal("mood", true, 7, 5), SelfCareRules.GoalOf(new GoalRequest("mood", "most", 7, 5)).Value);
    }
}
