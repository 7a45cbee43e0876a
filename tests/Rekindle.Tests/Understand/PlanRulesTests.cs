using Rekindle.Web.Features.Understand;

namespace Rekindle.Tests.Understand;

/// <summary>The plan's rules, case by case, on made-up scores and a small step list.</summary>
public sealed class PlanRulesTests
{
    private static readonly PlanSteps Steps = new(
        PlanRules
            .PlannedAreas.Append(PlanRules.LookBackArea)
            .Append(PlanRules.SafetyFirstSteps)
            .ToDictionary(
                a => a,
                a =>
                    (IReadOnlyList<PlanStep>)[new PlanStep(a + "-solo", "Alone", "", false), new PlanStep(a + "-two", "Together", "", true)]
            )
    );

    private static Dictionary<string, int> Domains(int rest, params (string Domain, int Score)[] scores)
    {
        var domains = CheckContent.DomainKeys.ToDictionary(d => d, _ => rest);
        foreach (var (domain, score) in scores)
        {
            domains[domain] = score;
        }

        return domains;
    }

    private static CheckResult Result(
        Dictionary<string, int> domains,
        int satisfaction = 70,
        bool wellbeing = false,
        bool safety = false
    ) => new(domains, satisfaction, wellbeing ? 60 : 10, wellbeing, safety);

    private static Plan Make(CheckResult mine, Dictionary<string, int>? partner = null, bool partnerFinished = true) =>
        PlanRules.Make(new PlanInput(mine, partner, partnerFinished), Steps);

    [Fact]
    public void Six_weeks_ordered_by_need_with_the_strongest_domain_first()
    {
        var plan = Make(Result(Domains(10, ("unresolved-conflict", 80), ("communication", 50))));
        Assert.Equal(6, plan.Weeks.Count);
        Assert.Equal(Enumerable.Range(1, 6), plan.Weeks.Select(w => w.Week));
        Assert.Equal("repair", plan.Weeks[0].Area);
        Assert.Equal(new PlanReason(ReasonKind.YouStrained, "unresolved-conflict"), plan.Weeks[0].Reason);
        // Talk: communication 50 (×1.0) beats unresolved conflict 80 (×0.5 = 40).
        Assert.Equal("talk", plan.Weeks[1].Area);
        Assert.Equal(new PlanReason(ReasonKind.SomeStrain, "communication"), plan.Weeks[1].Reason);
    }

    [Fact]
    public void Both_strained_says_so_and_uses_the_partners_shared_score()
    {
        var plan = Make(Result(Domains(10, ("time-together", 70))), Domains(10, ("time-together", 90)));
        Assert.Equal("time-together", plan.Weeks[0].Area);
        Assert.Equal(new PlanReason(ReasonKind.BothStrained, "time-together"), plan.Weeks[0].Reason);
        Assert.False(plan.Solo);
    }

    [Fact]
    public void Only_the_partner_strained_is_named_as_theirs()
    {
        var plan = Make(Result(Domains(10)), Domains(10, ("health-and-desire", 85)));
        Assert.Equal("intimacy", plan.Weeks[0].Area);
        Assert.Equal(new PlanReason(ReasonKind.PartnerStrained, "health-and-desire"), plan.Weeks[0].Reason);
    }

    [Fact]
    public void Nothing_strained_keeps_the_programs_order_and_says_keep_it_strong()
    {
        var plan = Make(Result(Domains(0)));
        Assert.Equal(PlanRules.PlannedAreas.Take(6), plan.Weeks.Select(w => w.Area));
        Assert.All(plan.Weeks, w => Assert.Equal(ReasonKind.KeepStrong, w.Reason.Kind));
    }

    [Fact]
    public void Feeling_far_apart_raises_support_and_spontaneity()
    {
        var plan = Make(Result(Domains(20), satisfaction: 30));
        Assert.Equal(["support", "spontaneity"], plan.Weeks.Take(2).Select(w => w.Area));
        Assert.All(plan.Weeks.Take(2), w => Assert.Equal(ReasonKind.FeelingFarApart, w.Reason.Kind));
    }

    [Fact]
    public void Own_wellbeing_raises_self_care_then_support()
    {
        var plan = Make(Result(Domains(20), wellbeing: true));
        Assert.Equal(["self-care", "support"], plan.Weeks.Take(2).Select(w => w.Area));
        Assert.Equal(ReasonKind.YourWellbeing, plan.Weeks[0].Reason.Kind);
    }

    [Fact]
    public void A_safety_concern_gives_individual_and_safety_help_only_support_first_and_looks_back_in_week_six()
    {
        // Changed by decisions/0028: the plan no longer keeps the other areas (talk, time together,
        // spontaneity) for a member with a concern; it holds Support (its safety steps), Self-care and the look back.
        var plan = Make(Result(Domains(10, ("unresolved-conflict", 95), ("health-and-desire", 90), ("communication", 90)), safety: true));
        Assert.True(plan.JointExercisesResting);
        Assert.Equal("support", plan.Weeks[0].Area);
        Assert.Equal(ReasonKind.SafetyFirst, plan.Weeks[0].Reason.Kind);
        Assert.Equal([PlanRules.SafetyFirstSteps + "-solo"], plan.Weeks[0].Steps.Select(s => s.Key));
        Assert.Equal(["support", "self-care", PlanRules.LookBackArea], plan.Weeks.Select(w => w.Area));
        Assert.Equal(PlanRules.Weeks, plan.Weeks[^1].Week);
        Assert.All(plan.Weeks.SelectMany(w => w.Steps), s => Assert.False(s.Together));
    }

    [Fact]
    public void The_shipped_steps_for_a_member_with_a_concern_name_no_couples_counselor_and_the_couples_step_says_when_you_both_feel_safe()
    {
        var steps = PlanSteps.Load(Path.Combine(AppContext.BaseDirectory, "Content", "understand", "plan-steps.en.json"));
        var plan = PlanRules.Make(new PlanInput(Result(Domains(10), safety: true), null, true), steps);
        var week1 = string.Join(" ", plan.Weeks[0].Steps.Select(s => s.Title + " " + s.How));
        Assert.DoesNotContain("couple", week1, StringComparison.OrdinalIgnoreCase);
        Assert.All(plan.Weeks.SelectMany(w => w.Steps), s =>
            Assert.DoesNotContain("couples counsel", s.Title + s.How, StringComparison.OrdinalIgnoreCase)
        );

        // Wherever a plan step suggests couples counselors, it says they are for when both feel safe.
        var couples = steps
            .ByArea.Values.SelectMany(a => a)
            .Where(s => s.Title.Contains("couples counselor", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(couples);
        Assert.All(couples, s => Assert.Contains("when you both feel safe", s.Title + " " + s.How, StringComparison.Ordinal));
    }

    [Fact]
    public void The_partners_plan_never_depends_on_this_members_safety_or_wellbeing()
    {
        // The partner's plan is made from the partner's own result and the domains this member shared:
        // nothing else of this member's goes in, so it cannot differ. Shown here on the inputs it takes.
        var shared = Domains(10, ("communication", 70));
        var partnersOwn = Result(Domains(30, ("money", 65)));
        var a = Make(partnersOwn, shared);
        var b = Make(partnersOwn, new Dictionary<string, int>(shared));
        Assert.Equal(a.Weeks.Select(w => (w.Area, w.Reason)), b.Weeks.Select(w => (w.Area, w.Reason)));
        Assert.False(a.JointExercisesResting);
    }

    [Fact]
    public void Alone_the_plan_has_solo_steps_only()
    {
        var plan = Make(Result(Domains(50)), partner: null, partnerFinished: false);
        Assert.True(plan.Solo);
        Assert.All(plan.Weeks.SelectMany(w => w.Steps), s => Assert.False(s.Together));
        var together = Make(Result(Domains(50)), partner: null, partnerFinished: true);
        Assert.Contains(together.Weeks.SelectMany(w => w.Steps), s => s.Together);
    }

    [Fact]
    public void The_shipped_steps_load()
    {
        var steps = PlanSteps.Load(Path.Combine(AppContext.BaseDirectory, "Content", "understand", "plan-steps.en.json"));
        Assert.All(PlanRules.PlannedAreas, a => Assert.True(steps.ByArea[a].Count >= 2));
    }
}
