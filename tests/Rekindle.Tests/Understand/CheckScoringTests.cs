using Rekindle.Web.Features.Understand;

namespace Rekindle.Tests.Understand;

/// <summary>Scoring is pure: a small made-up content set, and tables of answers with the scores they must give.</summary>
public sealed class CheckScoringTests
{
    private static readonly CheckContent Content = Build();

    private static CheckContent Build()
    {
        var scales = new Dictionary<string, CheckScale> { ["agree"] = new(["0", "1", "2", "3", "4"]), ["safety"] = new(["0", "1", "2", "3", "4"]) };
        var sections = CheckContent.DomainKeys.Select(k => new CheckSection(k, SectionKind.Domain, k, "", null, null))
            .Append(new CheckSection("satisfaction", SectionKind.Satisfaction, "s", "", null, null))
            .Append(new CheckSection("wellbeing", SectionKind.Wellbeing, "w", "", null, null))
            .Append(new CheckSection("safety", SectionKind.Safety, "f", "", null, null))
            .ToList();
        var items = new List<CheckItem>();
        foreach (var key in CheckContent.DomainKeys)
        {
            // Four items a domain; the last is reverse-scored.
            items.AddRange(Enumerable.Range(1, 4).Select(n => new CheckItem($"{key}-{n}", key, "", "agree", n == 4, null)));
        }

        items.AddRange(Enumerable.Range(1, 6).Select(n => new CheckItem($"satisfaction-{n}", "satisfaction", "", "agree", n > 4, null)));
        items.AddRange(Enumerable.Range(1, 7).Select(n => new CheckItem($"wellbeing-{n}", "wellbeing", "", "agree", false, null)));
        items.Add(new CheckItem("safety-1", "safety", "", "safety", false, 1));
        items.Add(new CheckItem("safety-2", "safety", "", "safety", false, 2));
        items.Add(new CheckItem("safety-3", "safety", "", "safety", false, 1));
        items.Add(new CheckItem("safety-4", "safety", "", "safety", false, 2));
        return new CheckContent("en", scales, sections, items);
    }

    private static Dictionary<string, int> All(int value, int reversed, int safety = 0) =>
        Content.Items.ToDictionary(i => i.Id, i => i.Section == "safety" ? safety : i.Reverse ? reversed : value);

    [Theory]
    // straight, reversed answer → domain score
    [InlineData(0, 4, 0)]      // no strain: agree with none of the strains, fully with the strength
    [InlineData(4, 0, 100)]    // all strain
    [InlineData(2, 2, 50)]     // middle
    [InlineData(4, 4, 75)]     // (4+4+4+0)/4 = 3 → 75
    [InlineData(1, 3, 25)]     // (1+1+1+1)/4 = 1 → 25
    [InlineData(3, 2, 69)]     // (3+3+3+2)/4 = 2.75 → 68.75 → 69
    public void Domain_scores_are_the_mean_scaled_to_100_with_reverse_items_flipped(int straight, int reversed, int expected)
    {
        var result = CheckScoring.Score(Content, All(straight, reversed))!;
        Assert.All(CheckContent.DomainKeys, d => Assert.Equal(expected, result.Domains[d]));
    }

    [Theory]
    [InlineData(0, StrainLevel.Steady)]
    [InlineData(34, StrainLevel.Steady)]
    [InlineData(35, StrainLevel.SomeStrain)]
    [InlineData(59, StrainLevel.SomeStrain)]
    [InlineData(60, StrainLevel.Strained)]
    [InlineData(100, StrainLevel.Strained)]
    public void Levels_have_fixed_bands(int score, StrainLevel level) => Assert.Equal(level, CheckScoring.Level(score));

    [Theory]
    // satisfaction: four straight items and two reversed
    [InlineData(4, 0, 100)]
    [InlineData(0, 4, 0)]
    [InlineData(3, 1, 75)]
    [InlineData(2, 4, 33)]     // (2*4 + 0*2)/6 = 1.333 → 33
    public void Satisfaction_is_higher_when_closer(int straight, int reversed, int expected)
    {
        var answers = All(1, 3);
        foreach (var item in Content.ItemsBySection["satisfaction"])
        {
            answers[item.Id] = item.Reverse ? reversed : straight;
        }

        Assert.Equal(expected, CheckScoring.Score(Content, answers)!.Satisfaction);
    }

    [Theory]
    [InlineData(1, 25, false)]
    [InlineData(2, 50, true)]
    [InlineData(4, 100, true)]
    public void Wellbeing_past_the_threshold_suggests_support(int each, int score, bool suggests)
    {
        var answers = All(1, 3);
        foreach (var item in Content.ItemsBySection["wellbeing"])
        {
            answers[item.Id] = each;
        }

        var result = CheckScoring.Score(Content, answers)!;
        Assert.Equal(score, result.Wellbeing);
        Assert.Equal(suggests, result.WellbeingSuggestsSupport);
    }

    [Theory]
    [InlineData(0, 0, 0, 0, false)]
    [InlineData(1, 0, 0, 0, true)]   // a threat or harm counts from the first "once"
    [InlineData(0, 1, 0, 1, false)]  // fear or control once: not yet
    [InlineData(0, 2, 0, 0, true)]   // fear "sometimes": a concern
    [InlineData(0, 0, 0, 4, true)]
    public void The_safety_screen_raises_a_concern_per_item_threshold(int s1, int s2, int s3, int s4, bool concern)
    {
        var answers = All(1, 3);
        (answers["safety-1"], answers["safety-2"], answers["safety-3"], answers["safety-4"]) = (s1, s2, s3, s4);
        Assert.Equal(concern, CheckScoring.Score(Content, answers)!.SafetyConcern);
    }

    [Fact]
    public void An_incomplete_check_is_never_scored()
    {
        var answers = All(2, 2);
        answers.Remove("money-3");
        Assert.Null(CheckScoring.Score(Content, answers));
        Assert.Equal("money-3", Assert.Single(CheckScoring.Missing(Content, answers)).Id);

        answers["money-3"] = 5; // out of range counts as unanswered
        Assert.Null(CheckScoring.Score(Content, answers));
    }

    [Theory]
    [InlineData(10, 50, true)]
    [InlineData(10, 49, false)]
    [InlineData(90, 50, true)]
    [InlineData(60, 60, false)]
    public void Perception_gaps_are_forty_points_or_more(int mine, int theirs, bool gap) => Assert.Equal(gap, CheckScoring.IsGap(mine, theirs));

    [Fact]
    public void The_shipped_content_loads_and_has_the_required_sizes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "understand", "check.en.json");
        var content = CheckContent.Load(path);
        Assert.True(content.Items.Count >= 45);
        Assert.All(CheckContent.DomainKeys, d => Assert.True(content.ItemsBySection[d].Count >= 4));
        Assert.All(content.Domains, d => Assert.False(string.IsNullOrWhiteSpace(d.GapQuestion)));
    }

    [Fact]
    public void Broken_content_is_refused_with_a_reason()
    {
        var ex = Assert.Throws<InvalidDataException>(() => new CheckContent("en", Content.Scales, Content.Sections, Content.Items.Where(i => i.Section != "money").ToList()));
        Assert.Contains("money", ex.Message, StringComparison.Ordinal);
    }
}
