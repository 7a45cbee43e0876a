using Rekindle.Web.Features.Support;
using Rekindle.Web.Features.Understand;

namespace Rekindle.Tests.Support;

/// <summary>The support rules, case by case, each at its boundary.</summary>
public sealed class SupportRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly DateTime Now = new(2026, 6, 15, 12, 0, 0, DateTimeKind.Utc);

    private static SupportSignals Steady() =>
        SupportSignals.None(Today) with
        {
            Satisfaction = [new(Now.AddDays(-30), 80), new(Now, 78)],
            Wellbeing = 10,
            Pulses = [new(Today.AddDays(-14), 8), new(Today.AddDays(-7), 7), new(Today, 8)],
        };

    private static IReadOnlyList<SupportSuggestion> Suggest(SupportSignals s) => SupportRules.Suggest(s);

    private static SupportSuggestion? Of(IReadOnlyList<SupportSuggestion> list, SupportKind kind) =>
        list.SingleOrDefault(s => s.Kind == kind);

    [Fact]
    public void A_steady_member_gets_nothing()
    {
        Assert.Empty(Suggest(Steady()));
        Assert.Empty(Suggest(SupportSignals.None(Today)));
    }

    [Fact]
    public void Safety_comes_first_is_private_and_keeps_joint_therapy_out()
    {
        var list = Suggest(
            Steady() with
            {
                SafetyConcern = true,
                StrainedForBothOnMap = [SupportRules.HealthAndDesire],
                StrainedDomainsInLatest = 5,
                HealthAndDesireStrainedTwice = true,
            }
        );
        Assert.Equal(SupportKind.SafetyResources, list[0].Kind);
        Assert.All(list, s => Assert.Equal(SupportAudience.Private, s.Audience));
        Assert.Equal([SupportKind.SafetyResources, SupportKind.IndividualClinician], list.Select(s => s.Kind));
    }

    [Theory]
    [InlineData(CheckScoring.WellbeingSupportFrom - 1, false)]
    [InlineData(CheckScoring.WellbeingSupportFrom, true)]
    public void Low_wellbeing_suggests_an_individual_clinician_privately(int wellbeing, bool fires)
    {
        var suggestion = Of(Suggest(Steady() with { Wellbeing = wellbeing }), SupportKind.IndividualClinician);
        Assert.Equal(fires, suggestion is not null);
        if (suggestion is not null)
        {
            Assert.Equal(SupportAudience.Private, suggestion.Audience);
            Assert.False(string.IsNullOrWhiteSpace(suggestion.Why));
        }
    }

    [Fact]
    public void A_domain_strained_for_both_on_the_shared_map_suggests_a_counselor_for_both()
    {
        var list = Suggest(Steady() with { StrainedForBothOnMap = ["money"] });
        var counselor = Assert.Single(list);
        Assert.Equal(SupportKind.CouplesCounselor, counselor.Kind);
        Assert.Equal(SupportAudience.Both, counselor.Audience);
    }

    [Fact]
    public void The_shared_counselor_suggestion_replaces_a_private_one()
    {
        var list = Suggest(Steady() with { StrainedForBothOnMap = ["money"], StrainedDomainsInLatest = 4 });
        Assert.Equal(SupportAudience.Both, Assert.Single(list).Audience);
    }

    [Theory]
    [InlineData(SupportRules.LowSatisfactionAtMost, SupportRules.LowSatisfactionAtMost, SupportRules.PersistentAfterDays, true)]
    [InlineData(SupportRules.LowSatisfactionAtMost + 1, SupportRules.LowSatisfactionAtMost, SupportRules.PersistentAfterDays, false)]
    [InlineData(SupportRules.LowSatisfactionAtMost, SupportRules.LowSatisfactionAtMost + 1, SupportRules.PersistentAfterDays, false)]
    [InlineData(SupportRules.LowSatisfactionAtMost, SupportRules.LowSatisfactionAtMost, SupportRules.PersistentAfterDays - 1, false)]
    public void Closeness_low_in_two_checks_apart_suggests_a_counselor_privately(int before, int latest, int daysApart, bool fires)
    {
        var list = Suggest(Steady() with { Satisfaction = [new(Now.AddDays(-daysApart), before), new(Now, latest)] });
        var counselor = Of(list, SupportKind.CouplesCounselor);
        Assert.Equal(fires, counselor is not null);
        Assert.True(counselor is null || counselor.Audience == SupportAudience.Private);
    }

    [Fact]
    public void A_single_low_check_is_not_enough()
    {
        Assert.Empty(Suggest(Steady() with { Satisfaction = [new(Now, 0)] }));
    }

    [Theory]
    [InlineData(SupportRules.SatisfactionDropOf, true)]
    [InlineData(SupportRules.SatisfactionDropOf - 1, false)]
    public void A_sharp_drop_in_closeness_suggests_a_counselor(int drop, bool fires)
    {
        var list = Suggest(Steady() with { Satisfaction = [new(Now.AddDays(-2), 90), new(Now, 90 - drop)] });
        Assert.Equal(fires, Of(list, SupportKind.CouplesCounselor) is { Audience: SupportAudience.Private });
    }

    [Theory]
    [InlineData(SupportRules.ManyStrainedDomains, true)]
    [InlineData(SupportRules.ManyStrainedDomains - 1, false)]
    public void Many_strained_domains_suggest_a_counselor(int strained, bool fires)
    {
        var list = Suggest(Steady() with { StrainedDomainsInLatest = strained });
        Assert.Equal(fires, Of(list, SupportKind.CouplesCounselor) is { Audience: SupportAudience.Private });
    }

    [Fact]
    public void Low_weekly_pulses_for_several_recent_weeks_suggest_a_counselor()
    {
        PulsePoint Week(int weeksAgo, int pulse) => new(Today.AddDays(-7 * weeksAgo), pulse);
        var low = SupportRules.LowPulseAtMost;

        Assert.NotNull(Of(Suggest(Steady() with { Pulses = [Week(2, low), Week(1, low), Week(0, low)] }), SupportKind.CouplesCounselor));
        // One week just above the line.
        Assert.Null(Of(Suggest(Steady() with { Pulses = [Week(2, low), Week(1, low + 1), Week(0, low)] }), SupportKind.CouplesCounselor));
        // Too few weeks.
        Assert.Null(Of(Suggest(Steady() with { Pulses = [Week(1, 0), Week(0, 0)] }), SupportKind.CouplesCounselor));
        // Long ago, not recent.
        var old = SupportRules.LowPulseWithinWeeks + 1;
        Assert.Null(
            Of(Suggest(Steady() with { Pulses = [Week(old + 2, 0), Week(old + 1, 0), Week(old, 0)] }), SupportKind.CouplesCounselor)
        );
        // A good latest week after low ones.
        Assert.Null(Of(Suggest(Steady() with { Pulses = [Week(3, 0), Week(2, 0), Week(1, 0), Week(0, 9)] }), SupportKind.CouplesCounselor));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(SupportRules.ManyUnresolvedIncidents - 1, false)]
    [InlineData(SupportRules.ManyUnresolvedIncidents, true)]
    public void Unresolved_incidents_suggest_a_counselor(int incidents, bool fires)
    {
        Assert.Equal(fires, Of(Suggest(Steady() with { UnresolvedIncidents = incidents }), SupportKind.CouplesCounselor) is not null);
    }

    [Fact]
    public void Health_and_desire_strained_twice_suggests_a_sex_therapist_privately()
    {
        var list = Suggest(Steady() with { HealthAndDesireStrainedTwice = true });
        Assert.Equal(SupportAudience.Private, Assert.Single(list, s => s.Kind == SupportKind.SexTherapist).Audience);
        Assert.Null(Of(Suggest(Steady()), SupportKind.SexTherapist));
    }

    [Fact]
    public void Health_and_desire_strained_for_both_on_the_map_suggests_a_sex_therapist_for_both()
    {
        var list = Suggest(Steady() with { StrainedForBothOnMap = [SupportRules.HealthAndDesire], HealthAndDesireStrainedTwice = true });
        Assert.Equal(SupportAudience.Both, Assert.Single(list, s => s.Kind == SupportKind.SexTherapist).Audience);
        Assert.Equal(SupportAudience.Both, Assert.Single(list, s => s.Kind == SupportKind.CouplesCounselor).Audience);
        Assert.Null(Of(Suggest(Steady() with { StrainedForBothOnMap = ["money"] }), SupportKind.SexTherapist));
    }

    [Fact]
    public void Every_why_is_short_and_plain()
    {
        var everything = Suggest(Steady() with { SafetyConcern = true, Wellbeing = 90 })
            .Concat(Suggest(Steady() with { Wellbeing = 90, StrainedForBothOnMap = [SupportRules.HealthAndDesire] }))
            .Concat(Suggest(Steady() with { StrainedDomainsInLatest = 7, HealthAndDesireStrainedTwice = true, Hopeless = true }));
        Assert.All(everything, s =>
        {
            Assert.InRange(s.Why.Count(c => c == '.'), 1, 2);
            Assert.True(s.Why.Length < 240, s.Why);
        });
    }

    [Fact]
    public void Hopelessness_puts_someone_to_talk_to_now_first_and_privately()
    {
        var list = Suggest(Steady() with { Hopeless = true, SafetyConcern = true, Wellbeing = 80 });
        Assert.Equal([SupportKind.CrisisLines, SupportKind.SafetyResources, SupportKind.IndividualClinician], list.Select(s => s.Kind));
        Assert.All(list, s => Assert.Equal(SupportAudience.Private, s.Audience));
        Assert.Equal(CrisisLink.Path, SupportRules.LinkOf(SupportKind.CrisisLines, "/support?kind="));
        Assert.Equal("/safety#crisis", CrisisLink.Path);
        Assert.Null(Of(Suggest(Steady()), SupportKind.CrisisLines));
        // Crisis lines are not a kind of listing in the directory.
        Assert.DoesNotContain("crisis", SupportRules.Keys);
    }

    [Fact]
    public void Every_couples_counselor_suggestion_says_it_is_for_when_you_both_feel_safe()
    {
        PulsePoint Week(int weeksAgo) => new(Today.AddDays(-7 * weeksAgo), 0);
        var counselors = new[]
        {
            Steady() with
            {
                StrainedForBothOnMap = ["money"],
            },
            Steady() with
            {
                Satisfaction = [new(Now.AddDays(-30), 20), new(Now, 20)],
            },
            Steady() with
            {
                Satisfaction = [new(Now.AddDays(-2), 90), new(Now, 40)],
            },
            Steady() with
            {
                StrainedDomainsInLatest = 5,
            },
            Steady() with
            {
                Pulses = [Week(2), Week(1), Week(0)],
            },
            Steady() with
            {
                UnresolvedIncidents = 5,
            },
        }
            .Select(s => Of(Suggest(s), SupportKind.CouplesCounselor))
            .ToList();
        Assert.Equal(6, counselors.Select(c => c!.Why).Distinct().Count());
        Assert.All(counselors, c => Assert.Contains("when you both feel safe", c!.Why, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_member_with_a_concern_is_offered_individual_and_safety_help_only_whatever_else_holds()
    {
        var list = Suggest(
            Steady() with
            {
                SafetyConcern = true,
                Hopeless = true,
                StrainedForBothOnMap = [SupportRules.HealthAndDesire, "money"],
                StrainedDomainsInLatest = 7,
                HealthAndDesireStrainedTwice = true,
                UnresolvedIncidents = 9,
                Satisfaction = [new(Now.AddDays(-30), 10), new(Now, 10)],
            }
        );
        Assert.All(list, s =>
            Assert.Contains(s.Kind, new[] { SupportKind.CrisisLines, SupportKind.SafetyResources, SupportKind.IndividualClinician })
        );
    }
}
