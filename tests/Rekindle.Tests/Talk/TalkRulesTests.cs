using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Tests.Talk;

/// <summary>The daily question's selection rule and quiet hours: pure, case by case (the soft start-up helper: ToneTests).</summary>
public sealed class TalkRulesTests
{
    private static readonly string[] BankAreas = ["talk", "time-together", "repair", "intimacy"];

    private static readonly QuestionBank Bank = new(
        Enumerable.Range(0, 240).Select(i => new Question($"q{i:000}", BankAreas[i % 4], (Depth)(i / 4 % 3), $"Question {i}?")).ToList()
    );

    private static readonly Guid Couple = Guid.Parse("6f1c1a52-3c4e-4a3e-9a0b-0d1f2a3b4c5d");

    private static List<Question> Days(
        int count,
        DateOnly from,
        IReadOnlyCollection<string>? favoured = null,
        bool intimacy = true,
        bool resting = false
    )
    {
        var asked = new List<(string Id, DateOnly Day)>();
        var chosen = new List<Question>();
        for (var i = 0; i < count; i++)
        {
            var day = from.AddDays(i);
            var question = DailyQuestionRules.Choose(
                Bank,
                Couple,
                day,
                asked.Select(a => a.Id).ToHashSet(),
                asked.Where(a => a.Day > day.AddDays(-30)).Select(a => a.Id).ToHashSet(),
                favoured ?? [],
                intimacy,
                resting
            );
            asked.Add((question.Id, day));
            chosen.Add(question);
        }

        return chosen;
    }

    [Fact]
    public void No_question_repeats_until_the_bank_is_used_up_and_then_not_within_a_month()
    {
        var start = new DateOnly(2026, 11, 23);
        var year = Days(300, start);
        Assert.Equal(240, year.Take(240).Select(q => q.Id).Distinct().Count());
        for (var i = 240; i < 300; i++)
        {
            Assert.DoesNotContain(year[i].Id, year.Skip(i - 29).Take(29).Select(q => q.Id));
        }
    }

    [Fact]
    public void Depth_follows_the_week_while_that_depth_is_left()
    {
        var week = Days(14, new DateOnly(2026, 11, 23)); // a Monday
        Assert.Equal(
            [Depth.Light, Depth.Medium, Depth.Light, Depth.Deep, Depth.Light, Depth.Medium, Depth.Light],
            week.Take(7).Select(q => q.Depth)
        );
        Assert.Equal(week.Take(7).Select(q => q.Depth), week.Skip(7).Select(q => q.Depth));
    }

    [Fact]
    public void Intimacy_questions_appear_only_when_both_opted_in()
    {
        Assert.DoesNotContain(Days(200, new DateOnly(2026, 1, 1), intimacy: false), q => q.Area == QuestionBank.IntimacyArea);
        Assert.Contains(Days(200, new DateOnly(2026, 1, 1), intimacy: true), q => q.Area == QuestionBank.IntimacyArea);
    }

    [Fact]
    public void A_resting_couple_draws_no_intimacy_or_repair_question_and_the_depth_of_the_week_stays()
    {
        // decisions/0027: the draw for a couple where either rests keeps the week's depths (the page names them),
        // so only the topic changes, the same whether the rest is a safety concern or a member's own pause.
        var from = new DateOnly(2026, 11, 23);
        var resting = Days(40, from, favoured: ["repair", "intimacy"], resting: true);
        Assert.DoesNotContain(resting, q => DailyQuestionRules.RestingAreas.Contains(q.Area));
        Assert.Equal(Days(40, from, favoured: ["repair", "intimacy"]).Select(q => q.Depth), resting.Select(q => q.Depth));
        Assert.Contains(QuestionBank.IntimacyArea, DailyQuestionRules.RestingAreas);
        Assert.Contains("repair", DailyQuestionRules.RestingAreas);

        // The same couple, once nobody rests, is back to the usual draw.
        var usual = Days(40, from, favoured: ["repair", "intimacy"]);
        Assert.Contains(usual, q => DailyQuestionRules.RestingAreas.Contains(q.Area));
    }

    [Fact]
    public void Favoured_areas_come_up_on_most_days()
    {
        var days = Days(60, new DateOnly(2026, 3, 1), favoured: ["repair"]);
        var share = days.Count(q => q.Area == "repair") / 60.0;
        Assert.InRange(share, 0.5, 0.85);
        Assert.True(Days(60, new DateOnly(2026, 3, 1)).Count(q => q.Area == "repair") / 60.0 < 0.4);
    }

    [Fact]
    public void The_same_couple_and_day_always_get_the_same_question_and_another_couple_usually_another()
    {
        var day = new DateOnly(2026, 11, 24);
        var once = DailyQuestionRules.Choose(Bank, Couple, day, [], [], [], true);
        Assert.Equal(once, DailyQuestionRules.Choose(Bank, Couple, day, [], [], [], true));
        var others = Enumerable
            .Range(0, 20)
            .Select(_ => DailyQuestionRules.Choose(Bank, Guid.NewGuid(), day, [], [], [], true).Id)
            .Distinct()
            .Count();
        Assert.True(others > 5);
    }

    [Theory]
    [InlineData(22, 8, 23, true)]
    [InlineData(22, 8, 7, true)]
    [InlineData(22, 8, 8, false)]
    [InlineData(22, 8, 21, false)]
    [InlineData(13, 15, 14, true)]
    [InlineData(9, 9, 9, false)]
    public void Quiet_hours_wrap_past_midnight(int from, int to, int hour, bool quiet) =>
        Assert.Equal(quiet, new MemberPreferences { QuietFromHour = from, QuietToHour = to }.IsQuiet(hour));

    [Fact]
    public void A_notice_held_for_quiet_hours_is_due_when_they_end_in_the_members_own_time_zone()
    {
        var prefs = new MemberPreferences
        {
            TimeZone = "Europe/Lisbon",
            QuietFromHour = 22,
            QuietToHour = 8,
        };
        var due = SendDueNotices.NextAllowed(new DateTime(2026, 7, 1, 22, 30, 0, DateTimeKind.Utc), prefs); // 23:30 in Lisbon (summer)
        Assert.Equal(new DateTime(2026, 7, 2, 7, 0, 0, DateTimeKind.Utc), due); // 08:00 in Lisbon
    }
}
