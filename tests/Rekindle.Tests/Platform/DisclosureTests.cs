using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Tests.Platform;

/// <summary>The one visibility rule (docs/PRODUCT.md "Privacy rules"), case by case.</summary>
public sealed class DisclosureTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Partner = Guid.NewGuid();
    private static readonly Guid Couple = Guid.NewGuid();
    private static readonly Guid OtherCouple = Guid.NewGuid();

    [Theory]
    [InlineData(Visibility.Private, false, false)]
    [InlineData(Visibility.Private, true, false)]
    [InlineData(Visibility.BlindReveal, false, false)]
    [InlineData(Visibility.BlindReveal, true, true)]
    [InlineData(Visibility.MutualOnly, true, false)]
    [InlineData(Visibility.Shared, false, true)]
    public void The_partner_sees_what_the_rule_allows(Visibility visibility, bool answeredToo, bool sees) =>
        Assert.Equal(sees, Disclosure.MaySee(new Viewer(Me, Couple), Partner, Couple, visibility, answeredToo));

    [Theory]
    [InlineData(Visibility.Private)]
    [InlineData(Visibility.BlindReveal)]
    [InlineData(Visibility.Shared)]
    public void The_owner_always_sees_their_own(Visibility visibility) =>
        Assert.True(Disclosure.MaySee(new Viewer(Me, null), Me, Couple, visibility, false));

    [Fact]
    public void Nobody_outside_the_couple_sees_anything_not_even_shared()
    {
        Assert.False(Disclosure.MaySee(new Viewer(Me, OtherCouple), Partner, Couple, Visibility.Shared, true));
        Assert.False(Disclosure.MaySee(new Viewer(Me, null), Partner, Couple, Visibility.Shared, true));
    }

    [Fact]
    public void Mutual_only_shows_items_both_marked_yes_or_maybe_in_list_order()
    {
        var list = new[] { "a", "b", "c", "d", "e" };
        var mine = new Dictionary<string, Mutual.Answer>
        {
            ["e"] = Mutual.Answer.Yes,
            ["a"] = Mutual.Answer.Maybe,
            ["b"] = Mutual.Answer.Yes,
            ["c"] = Mutual.Answer.No,
        };
        var theirs = new Dictionary<string, Mutual.Answer>
        {
            ["a"] = Mutual.Answer.Yes,
            ["b"] = Mutual.Answer.No,
            ["c"] = Mutual.Answer.Yes,
            ["e"] = Mutual.Answer.Maybe,
        };
        Assert.Equal(["a", "e"], Mutual.Only(list, mine, theirs));
    }

    private sealed record Row(Guid OwnerId, Guid? CoupleId, Visibility Visibility, string PromptKey) : IVisibleRecord;

    [Fact]
    public void The_query_form_gives_the_same_answers()
    {
        var rows = new List<Row>
        {
            new(Me, Couple, Visibility.Private, "p1"),
            new(Partner, Couple, Visibility.Private, "p1"),
            new(Partner, Couple, Visibility.Shared, "p2"),
            new(Partner, Couple, Visibility.BlindReveal, "p3"), // I answered p3 too: visible
            new(Me, Couple, Visibility.BlindReveal, "p3"),
            new(Partner, Couple, Visibility.BlindReveal, "p4"), // I did not: hidden
            new(Partner, OtherCouple, Visibility.Shared, "p5"), // an old couple: hidden
            new(Partner, Couple, Visibility.MutualOnly, "p6"),
        }.AsQueryable();

        var seen = rows.VisibleTo(new Viewer(Me, Couple)).ToList();
        Assert.Equal(4, seen.Count);
        Assert.DoesNotContain(seen, r => r.OwnerId == Partner && r.PromptKey is "p1" or "p4" or "p5" or "p6");
    }
}
