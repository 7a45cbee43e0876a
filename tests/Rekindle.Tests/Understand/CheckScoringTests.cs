using Rekindle.Web.Features.Understand;

namespace Rekindle.Tests.Understand;

/// <summary>Scoring is pure: a small made-up content set, and tables of answers with the scores they must give.</summary>
public sealed class CheckScoringTests
{
    private static readonly CheckContent Content = Build();

    private static CheckContent Build()
    {
        var scales = new Dictionary<string, CheckScale>
        {
            ["agree"] = new(["0", "1", "2", "3", "4"]),
            ["safety"] = new(["0", "1", "2", "3", "4"]),
        };
        var sections = CheckContent
            .DomainKeys.Select(k => new CheckSection(k, SectionKind.Domain, k, "", null, null))
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
        // Eight wellbeing items; the last is about hopelessness and points to crisis lines from "1".
        items.AddRange(
            Enumerable.Range(1, 8).Select(n => new CheckItem($"wellbeing-{n}", "wellbeing", "", "agree", false, null, n == 8 ? 1 : null))
        );
        // Eight safety items: the even ones raise a concern from "sometimes" (2), the odd ones from the first "once" (1).
        items.AddRange(Enumerable.Range(1, 8).Select(n => new CheckItem($"safety-{n}", "safety", "", "safety", false, n % 2 == 0 ? 2 : 1)));
        return new CheckContent("en", scales, sections, items);
    }

    private static Dictionary<string, int> All(int value, int reversed, int safety = 0) =>
        Content.Items.ToDictionary(
            i => i.Id,
            i =>
                i.Section == "safety" ? safety
                : i.CrisisAt is not null ? 0
                : i.Reverse ? reversed
                : value
        );

    [Theory]
    // straight, reversed answer → domain score
    [InlineData(0, 4, 0)] // no strain: agree with none of the strains, fully with the strength
    [InlineData(4, 0, 100)] // all strain
    [InlineData(2, 2, 50)] // middle
    [InlineData(4, 4, 75)] // (4+4+4+0)/4 = 3 → 75
    [InlineData(1, 3, 25)] // (1+1+1+1)/4 = 1 → 25
    [InlineData(3, 2, 69)] // (3+3+3+2)/4 = 2.75 → 68.75 → 69
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
    [InlineData(2, 4, 33)] // (2*4 + 0*2)/6 = 1.333 → 33
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
        Assert.True(result.Hopeless); // every answer here is "1" or more, the hopelessness item's too
    }

    [Theory]
    [InlineData(0, 0, 0, 0, false)]
    [InlineData(1, 0, 0, 0, true)] // a threat or harm counts from the first "once"
    [InlineData(0, 1, 0, 1, false)] // an item that counts from "sometimes", answered "once or twice": not yet
    [InlineData(0, 2, 0, 0, true)] // an item from "sometimes", answered "sometimes": a concern
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
    public void Perception_gaps_are_forty_points_or_more(int mine, int theirs, bool gap) =>
        Assert.Equal(gap, CheckScoring.IsGap(mine, theirs));

    [Fact]
    public void The_shipped_content_loads_and_has_the_required_sizes()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Content", "understand", "check.en.json");
        var content = CheckContent.Load(path);
        Assert.True(content.Items.Count >= 50, $"{content.Items.Count} items");
        Assert.True(content.ItemsBySection["safety"].Count >= 8, $"{content.ItemsBySection["safety"].Count} safety items");
        Assert.All(CheckContent.DomainKeys, d => Assert.True(content.ItemsBySection[d].Count >= 4));
        Assert.All(content.Domains, d => Assert.False(string.IsNullOrWhiteSpace(d.GapQuestion)));
    }

    [Fact]
    public void Broken_content_is_refused_with_a_reason()
    {
        var ex = Assert.Throws<InvalidDataException>(() =>
            new CheckContent("en", Content.Scales, Content.Sections, Content.Items.Where(i => i.Section != "money").ToList())
        );
        Assert.Contains("money", ex.Message, StringComparison.Ordinal);
    }

    private static CheckContent Shipped() =>
        CheckContent.Load(Path.Combine(AppContext.BaseDirectory, "Content", "understand", "check.en.json"));

    /// <summary>The shipped check answered with no strain and no concern anywhere, then one item set.</summary>
    private static Dictionary<string, int> ShippedCalm(CheckContent content) =>
        content.Items.ToDictionary(i => i.Id, i => i.Reverse ? CheckContent.MaxAnswer : 0);

    [Theory]
    [InlineData("safety-1")] // fear of the partner
    [InlineData("safety-6")] // insults and humiliation
    [InlineData("safety-7")] // choking or strangulation
    [InlineData("safety-8")] // stalking
    [InlineData("safety-9")] // monitoring or location tracking
    [InlineData("safety-10")] // threats to children or pets
    [InlineData("safety-11")] // money used to control
    public void Each_shipped_safety_item_raises_a_concern_at_its_threshold_and_not_below(string id)
    {
        var content = Shipped();
        var item = content.ItemsById[id];
        Assert.Equal("safety", item.Section);
        var answers = ShippedCalm(content);
        Assert.False(CheckScoring.Score(content, answers)!.SafetyConcern);

        answers[id] = item.ConcernAt!.Value;
        Assert.True(CheckScoring.Score(content, answers)!.SafetyConcern);
        answers[id] = item.ConcernAt.Value - 1;
        Assert.False(CheckScoring.Score(content, answers)!.SafetyConcern);
    }

    [Fact]
    public void Any_fear_of_the_partner_even_once_or_twice_raises_a_concern()
    {
        var content = Shipped();
        var fear = content.ItemsById["safety-1"];
        Assert.Contains("afraid", fear.Text, StringComparison.Ordinal);
        Assert.Equal("Once or twice", content.Scales[fear.Scale].Labels[1]);
        var answers = ShippedCalm(content);
        answers[fear.Id] = 1;
        Assert.True(CheckScoring.Score(content, answers)!.SafetyConcern);
    }

    [Fact]
    public void The_shipped_check_has_a_gentle_hopelessness_item_that_points_to_crisis_lines_from_a_day_or_two()
    {
        var content = Shipped();
        var item = Assert.Single(content.Items, i => i.CrisisAt is not null);
        Assert.Equal("wellbeing", item.Section);
        Assert.Contains("hopeless", item.Text, StringComparison.Ordinal);
        var answers = ShippedCalm(content);
        Assert.False(CheckScoring.Score(content, answers)!.Hopeless);
        answers[item.Id] = 1;
        Assert.True(CheckScoring.Score(content, answers)!.Hopeless);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Skipping_the_safety_part_neither_raises_nor_clears_a_concern(bool concernBefore)
    {
        var answers = All(1, 3);
        foreach (var item in Content.ItemsBySection["safety"])
        {
            answers[item.Id] = CheckContent.Skipped;
        }

        // Skipped questions are not missing: the check finishes without them.
        Assert.Empty(CheckScoring.Missing(Content, answers));
        var result = CheckScoring.Score(Content, answers, concernBefore)!;
        Assert.True(result.SafetySkipped);
        Assert.Equal(concernBefore, result.SafetyConcern);

        // Answered, the concern before plays no part: only the answers count.
        var answered = All(1, 3);
        Assert.False(CheckScoring.Score(Content, answered, concernBefore: true)!.SafetyConcern);
        Assert.False(CheckScoring.Score(Content, answered, concernBefore: true)!.SafetySkipped);
    }

    [Fact]
    public void Only_the_safety_part_may_be_skipped()
    {
        var answers = All(1, 3);
        answers["money-1"] = CheckContent.Skipped;
        Assert.Equal("money-1", Assert.Single(CheckScoring.Missing(Content, answers)).Id);
        Assert.Null(CheckScoring.Score(Content, answers));
    }

    [Fact]
    public void Content_with_too_few_safety_items_or_no_hopelessness_item_is_refused()
    {
        var fewer = Assert.Throws<InvalidDataException>(() =>
            new CheckContent("en", Content.Scales, Content.Sections, Content.Items.Where(i => i.Id != "safety-8").ToList())
        );
        Assert.Contains("Safety needs at least 8 items", fewer.Message, StringComparison.Ordinal);
        var noCrisis = Assert.Throws<InvalidDataException>(() =>
            new CheckContent("en", Content.Scales, Content.Sections, Content.Items.Select(i => i with { CrisisAt = null }).ToList())
        );
        Assert.Contains("hopelessness", noCrisis.Message, StringComparison.Ordinal);
    }
}
