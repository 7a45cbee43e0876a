using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure.Jobs;

namespace Rekindle.Tests.Talk;

/// <summary>The daily question's selection rule and quiet hours: pure, case by case (the soft start-up helper: ToneTests).</summary>
public sealed class TalkRulesTests
{
    private static readonly string[] BankAreas = ["talk", "time-together", "repair", "intimacy"];

    private static readonly string[] Causes = Rekindle.Web.Features.Guided.Lessons.RootCauseKeys;

    private static QuestionBank Synthetic(int count) =>
        new(
            Enumerable
                .Range(0, count)
                .Select(i => new Question($"q{i:000}", BankAreas[i % 4], (Depth)(i / 4 % 3), [Causes[i % 7]], $"Question {i}?"))
                .ToList()
        );

    private static readonly QuestionBank Bank = Synthetic(240);

    private static readonly Guid Couple = Guid.Parse("6f1c1a52-3c4e-4a3e-9a0b-0d1f2a3b4c5d");

    private static List<string> Draw(
        QuestionBank bank,
        int count,
        DateOnly from,
        QuestionFocus? focus = null,
        bool intimacy = true,
        Func<int, bool>? resting = null,
        IReadOnlyCollection<string>? muted = null,
        IReadOnlyList<string>? own = null,
        Guid? couple = null
    )
    {
        var asked = new Dictionary<string, DateOnly>();
        var chosen = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var day = from.AddDays(i);
            var id = DailyQuestionRules.Choose(
                bank,
                new DrawInput(couple ?? Couple, day, asked, focus ?? QuestionFocus.None, intimacy, resting?.Invoke(i) ?? false, muted, own)
            );
            asked[id] = day;
            chosen.Add(id);
        }

        return chosen;
    }

    private static List<Question> Days(
        int count,
        DateOnly from,
        IReadOnlyCollection<string>? favoured = null,
        bool intimacy = true,
        bool resting = false
    ) => Draw(Bank, count, from, new QuestionFocus(favoured ?? [], []), intimacy, _ => resting).Select(id => Bank.ById[id]).ToList();

    [Fact]
    public void No_question_repeats_within_a_year_and_then_the_one_asked_longest_ago_comes_back()
    {
        // A bank larger than a year: two years drawn daily, and no 365 days in a row hold a question twice.
        var big = Synthetic(500);
        var twoYears = Draw(big, 730, new DateOnly(2026, 1, 5));
        for (var i = 0; i + DailyQuestionRules.NoRepeatDays <= twoYears.Count; i += 29)
        {
            var window = twoYears.Skip(i).Take(DailyQuestionRules.NoRepeatDays).ToList();
            Assert.Equal(window.Count, window.Distinct().Count());
        }

        // A bank smaller than a year: all 240 first, then each day the one asked longest ago, so the cycle repeats exactly.
        var days = Draw(Bank, 300, new DateOnly(2026, 11, 23));
        Assert.Equal(240, days.Take(240).Distinct().Count());
        for (var i = 240; i < 300; i++)
        {
            Assert.Equal(days[i - 240], days[i]);
        }
    }

    [Fact]
    public void The_real_bank_gives_no_repeat_for_as_long_as_it_has_questions_for_each_kind_of_couple()
    {
        var bank = QuestionBank.Load(Path.Combine(Rekindle.Tests.Localization.SourceTree.Web, "Content", "talk"), "en");
        foreach (var (intimacy, resting) in new[] { (true, false), (false, false), (true, true) })
        {
            var eligible = bank.Questions.Count(q =>
                (intimacy || q.Area != QuestionBank.IntimacyArea) && !(resting && DailyQuestionRules.RestingAreas.Contains(q.Area))
            );
            // With 365 or more eligible, a whole year without a repeat; with fewer (the bank before issue 25's new questions),
            // every eligible question once before any comes back.
            var days = Math.Min(DailyQuestionRules.NoRepeatDays, eligible);
            var drawn = Draw(bank, days, new DateOnly(2027, 3, 1), intimacy: intimacy, resting: _ => resting);
            Assert.Equal(days, drawn.Distinct().Count());
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
    public void Focus_root_causes_come_up_on_most_days_as_areas_do()
    {
        // A bank large enough that the focus is not used up within the days drawn (100 money questions, a third of each depth).
        var bank = Synthetic(700);
        var focus = new QuestionFocus([], ["money"]);
        var days = Draw(bank, 60, new DateOnly(2026, 3, 1), focus).Select(id => bank.ById[id]).ToList();
        var share = days.Count(q => q.RootCauses.Contains("money")) / 60.0;
        Assert.InRange(share, 0.5, 0.85);
        var without = Draw(bank, 60, new DateOnly(2026, 3, 1)).Select(id => bank.ById[id]).ToList();
        Assert.True(without.Count(q => q.RootCauses.Contains("money")) / 60.0 < 0.3);

        // The program's week and the map together: either one's part counts.
        Assert.True(focus.With(new QuestionFocus(["talk"], [])).Covers(new Question("x", "talk", Depth.Light, ["communication"], "?")));
    }

    [Fact]
    public void A_muted_kind_is_never_drawn_whether_it_is_an_area_or_a_root_cause()
    {
        var days = Draw(Bank, 200, new DateOnly(2026, 5, 4), new QuestionFocus(["repair"], ["money"]), muted: ["repair", "money"])
            .Select(id => Bank.ById[id])
            .ToList();
        Assert.DoesNotContain(days, q => q.Area == "repair" || q.RootCauses.Contains("money"));
        Assert.Contains(Draw(Bank, 200, new DateOnly(2026, 5, 4)).Select(id => Bank.ById[id]), q => q.RootCauses.Contains("money"));

        // Mutes that would leave nothing give way, so the day still has a question.
        Assert.NotNull(
            DailyQuestionRules.Choose(
                Bank,
                new DrawInput(Couple, new DateOnly(2026, 5, 4), new Dictionary<string, DateOnly>(), QuestionFocus.None, true, Muted: Causes)
            )
        );
    }

    [Fact]
    public void The_couples_own_questions_come_about_one_day_in_five_never_twice_within_a_year_and_never_while_resting()
    {
        var own = Enumerable.Range(0, 40).Select(_ => CoupleQuestion.IdFor(Guid.NewGuid())).ToList();
        var days = Draw(Bank, 150, new DateOnly(2026, 6, 1), own: own);
        var owned = days.Where(own.Contains).ToList();
        Assert.InRange(owned.Count / 150.0, 0.1, 0.3);
        Assert.Equal(owned.Count, owned.Distinct().Count());
        Assert.Equal(days, Draw(Bank, 150, new DateOnly(2026, 6, 1), own: own));

        // Three of their own: each once, then the bank's until a year has passed.
        var few = own.Take(3).ToList();
        var year = Draw(Bank, 300, new DateOnly(2026, 6, 1), own: few);
        Assert.Equal(3, year.Count(few.Contains));

        // While either rests: none of theirs (free text could be about anything), only the bank's safe areas.
        var resting = Draw(Bank, 150, new DateOnly(2026, 6, 1), own: own, resting: _ => true);
        Assert.DoesNotContain(resting, own.Contains);
    }

    [Fact]
    public void The_same_couple_and_day_always_get_the_same_question_and_another_couple_usually_another()
    {
        var day = new DateOnly(2026, 11, 24);
        var input = new DrawInput(Couple, day, new Dictionary<string, DateOnly>(), QuestionFocus.None, true);
        var once = DailyQuestionRules.Choose(Bank, input);
        Assert.Equal(once, DailyQuestionRules.Choose(Bank, input));
        var others = Enumerable
            .Range(0, 20)
            .Select(_ => DailyQuestionRules.Choose(Bank, input with { CoupleId = Guid.NewGuid() }))
            .Distinct()
            .Count();
        Assert.True(others > 5);
    }

    [Fact]
    public void The_bank_refuses_a_question_without_known_root_causes()
    {
        var good = Synthetic(240).Questions.ToList();
        foreach (
            string[] causes in new[]
            {
                Array.Empty<string>(),
                ["money", "nonsense"],
                ["money", "work-stress", "communication", "time-together"],
            }
        )
        {
            var bad = good.Select((q, i) => i == 7 ? q with { RootCauses = causes } : q).ToList();
            var error = Assert.Throws<InvalidDataException>(() => new QuestionBank(bad));
            Assert.Contains("q007", error.Message, StringComparison.Ordinal);
        }
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
