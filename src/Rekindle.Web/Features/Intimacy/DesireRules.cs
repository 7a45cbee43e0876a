using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>How a match reads: never who said which.</summary>
public enum MatchKind
{
    BothYes,
    YesAndMaybe,
    BothMaybe,
}

public sealed record DesireMatch(string Key, MatchKind Kind);

/// <summary>
/// The matching rules, pure. Answers are "yes", "maybe", "no", "talk" (let's talk first) and "limit"
/// (a firm no the member also keeps as a boundary). Only yes and maybe can ever match; everything
/// else, and no answer at all, is the same absence (docs/TRUST.md T3). Nothing matches unless both opted in.
/// </summary>
public static class DesireRules
{
    public static readonly string[] Answers = ["yes", "maybe", "no", "talk", "limit"];

    public static Mutual.Answer AsMutual(string answer) =>
        answer switch
        {
            "yes" => Mutual.Answer.Yes,
            "maybe" => Mutual.Answer.Maybe,
            _ => Mutual.Answer.No,
        };

    public static IReadOnlyList<DesireMatch> Matches(
        IEnumerable<string> listOrder,
        IReadOnlyDictionary<string, string> mine,
        IReadOnlyDictionary<string, string> theirs,
        bool bothOptedIn
    )
    {
        if (!bothOptedIn)
        {
            return [];
        }

        var a = mine.ToDictionary(p => p.Key, p => AsMutual(p.Value));
        var b = theirs.ToDictionary(p => p.Key, p => AsMutual(p.Value));
        return Mutual
            .Only(listOrder, a, b)
            .Select(k => new DesireMatch(
                k,
                (a[k], b[k]) switch
                {
                    (Mutual.Answer.Yes, Mutual.Answer.Yes) => MatchKind.BothYes,
                    (Mutual.Answer.Maybe, Mutual.Answer.Maybe) => MatchKind.BothMaybe,
                    _ => MatchKind.YesAndMaybe,
                }
            ))
            .ToList();
    }

    /// <summary>
    /// Items kept away from a member because they share a tag with one of the member's firm limits:
    /// only items the member has not answered (an answered item stays where they put it).
    /// </summary>
    public static IReadOnlySet<string> KeptAway(IEnumerable<DesireItem> items, IReadOnlyDictionary<string, string> mine)
    {
        var all = items.ToList();
        var limitTags = all.Where(i => mine.GetValueOrDefault(i.Id) == "limit").SelectMany(i => i.Tags).ToHashSet();
        return all.Where(i => !mine.ContainsKey(i.Id) && i.Tags.Any(limitTags.Contains)).Select(i => i.Id).ToHashSet();
    }
}
