using Rekindle.Web.Features.Intimacy;

namespace Rekindle.Tests.Intimacy;

/// <summary>The matching rules, table-tested; the firm-limit neighbours; the stage gate; the content files.</summary>
public sealed class IntimacyRulesTests
{
    private static readonly string[] Order = ["a", "b", "c"];

    [Theory]
    // mine, theirs => match kind, or "none"
    [InlineData("yes", "yes", "BothYes")]
    [InlineData("yes", "maybe", "YesAndMaybe")]
    [InlineData("maybe", "yes", "YesAndMaybe")]
    [InlineData("maybe", "maybe", "BothMaybe")]
    [InlineData("yes", "no", "none")]
    [InlineData("yes", "talk", "none")]
    [InlineData("yes", "limit", "none")]
    [InlineData("yes", null, "none")]
    [InlineData("maybe", "no", "none")]
    [InlineData("maybe", "talk", "none")]
    [InlineData("maybe", null, "none")]
    [InlineData("no", "yes", "none")]
    [InlineData("talk", "yes", "none")]
    [InlineData("talk", "talk", "none")]
    [InlineData("limit", "maybe", "none")]
    [InlineData(null, "yes", "none")]
    [InlineData(null, null, "none")]
    [InlineData("no", "no", "none")]
    public void Only_yes_and_maybe_on_both_sides_match(string? mine, string? theirs, string expected)
    {
        var a = mine is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["b"] = mine };
        var b = theirs is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["b"] = theirs };
        var matches = DesireRules.Matches(Order, a, b, bothOptedIn: true);
        if (expected == "none")
        {
            Assert.Empty(matches);
        }
        else
        {
            Assert.Equal(Enum.Parse<MatchKind>(expected), Assert.Single(matches).Kind);
        }

        // Symmetric: both partners always see the same list.
        Assert.Equal(matches, DesireRules.Matches(Order, b, a, bothOptedIn: true));

        // Nothing at all while either has not opted in.
        Assert.Empty(DesireRules.Matches(Order, a, b, bothOptedIn: false));
    }

    [Fact]
    public void Matches_keep_the_lists_order_never_the_order_of_answering()
    {
        var a = new Dictionary<string, string>
        {
            ["c"] = "yes",
            ["a"] = "maybe",
            ["b"] = "yes",
        };
        var b = new Dictionary<string, string>
        {
            ["b"] = "yes",
            ["c"] = "maybe",
            ["a"] = "yes",
        };
        Assert.Equal(["a", "b", "c"], DesireRules.Matches(Order, a, b, true).Select(m => m.Key));
    }

    [Fact]
    public void A_firm_limit_keeps_unanswered_neighbours_away_and_nothing_else()
    {
        var items = new[]
        {
            new DesireItem("i1", "x", "one", null, ["photos"]),
            new DesireItem("i2", "x", "two", null, ["photos", "novelty"]),
            new DesireItem("i3", "x", "three", null, ["novelty"]),
            new DesireItem("i4", "x", "four", null, ["photos"]),
            new DesireItem("i5", "x", "five", null, ["words"]),
        };
        Assert.Empty(DesireRules.KeptAway(items, new Dictionary<string, string> { ["i1"] = "no" }));
        var kept = DesireRules.KeptAway(items, new Dictionary<string, string> { ["i1"] = "limit", ["i4"] = "yes" });
        Assert.Equal(["i2"], kept.Order());
    }

    [Fact]
    public void The_couple_moves_on_only_when_both_are_ready_stage_by_stage()
    {
        var me = Guid.NewGuid();
        var partner = Guid.NewGuid();
        Assert.Equal(0, TouchProgramStore.StageOf([], me, partner, 6));
        Assert.Equal(0, TouchProgramStore.StageOf([(me, 0)], me, partner, 6));
        Assert.Equal(0, TouchProgramStore.StageOf([(partner, 0), (partner, 1)], me, partner, 6));
        Assert.Equal(1, TouchProgramStore.StageOf([(me, 0), (partner, 0), (me, 1)], me, partner, 6));
        Assert.Equal(2, TouchProgramStore.StageOf([(me, 0), (partner, 0), (me, 1), (partner, 1), (me, 3), (partner, 3)], me, partner, 6));
        Assert.Equal(6, TouchProgramStore.StageOf(Enumerable.Range(0, 6).SelectMany(s => new[] { (me, s), (partner, s) }), me, partner, 6));
        Assert.Equal(0, TouchProgramStore.StageOf([(me, 0), (Guid.NewGuid(), 0)], me, partner, 6));
    }

    [Fact]
    public void The_content_files_load_and_hold_what_the_area_promises()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Content", "intimacy");
        var content = IntimacyContent.Load(folder, null);
        Assert.True(content.Items.Count >= IntimacyContent.MinimumItems);
        Assert.Contains(content.Categories, c => c.Key == "toys-products");
        Assert.All(content.Categories, c => Assert.Contains(content.Items, i => i.Category == c.Key));
        Assert.True(content.Stages.Count >= 4);
        Assert.All(content.Resources, r => Assert.StartsWith("https://", r.Url, StringComparison.Ordinal));

        // A resource with a tracking parameter stops the app with a clear message.
        var bad = Assert.Throws<InvalidOperationException>(() =>
            new IntimacyContent(
                content.Categories,
                content.Items,
                content.Stages,
                [new("Shop", "https://example.org/?ref=abc", "note", "shops")]
            )
        );
        Assert.Contains("without a query string", bad.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() =>
            new IntimacyContent(content.Categories, content.Items.Take(10).ToList(), content.Stages, [])
        );
    }
}
