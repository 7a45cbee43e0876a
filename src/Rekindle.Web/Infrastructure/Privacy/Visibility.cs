using System.Linq.Expressions;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>Who besides its owner may see a record a member wrote (docs/PRODUCT.md, "Privacy rules").</summary>
public enum Visibility
{
    /// <summary>The owner only, always: drafts, journals, wellbeing, safety answers, self-care.</summary>
    Private = 0,

    /// <summary>The partner sees it once they have submitted their own record for the same prompt.</summary>
    BlindReveal = 1,

    /// <summary>One answer in a matching list: the partner learns of it only when both said yes or maybe (see <see
    /// cref="Mutual"/>).</summary>
    MutualOnly = 2,

    /// <summary>Both partners of the couple it was written in.</summary>
    Shared = 3,
}

/// <summary>
/// A record with an owner and a visibility. Every feature that stores what a member writes for
/// their couple implements this, and reads the partner's records only through <see cref="Disclosure"/>.
/// </summary>
public interface IVisibleRecord
{
    Guid OwnerId { get; }

    /// <summary>The couple it was written in; a record never follows its owner into another couple.</summary>
    Guid? CoupleId { get; }

    Visibility Visibility { get; }

    /// <summary>What it answers, for blind reveal: the partner's record for the same prompt unlocks it.</summary>
    string PromptKey { get; }
}

/// <summary>Who is looking: the signed-in member and their current couple (null when they have none).</summary>
public readonly record struct Viewer(Guid MemberId, Guid? CoupleId);

/// <summary>
/// The one place that decides whether a viewer may see a record. Pages and endpoints never test a
/// visibility themselves: they query with <see cref="VisibleTo{T}"/>, or ask <see cref="MaySee"/>.
/// </summary>
public static class Disclosure
{
    /// <summary>
    /// The rule, for one record already in memory. For blind reveal, <paramref name="viewerAnsweredSamePrompt"/>
    /// says whether the viewer has their own record for the same prompt in the same couple.
    /// </summary>
    public static bool MaySee(Viewer viewer, Guid ownerId, Guid? coupleId, Visibility visibility, bool viewerAnsweredSamePrompt)
    {
        if (ownerId == viewer.MemberId)
        {
            return true;
        }

        if (viewer.CoupleId is null || coupleId != viewer.CoupleId)
        {
            return false;
        }

        return visibility switch
        {
            Visibility.Shared => true,
            Visibility.BlindReveal => viewerAnsweredSamePrompt,
            // A single mutual-only answer is never shown as such: only the list of items both
            // marked yes or maybe, which Mutual.Only computes from both partners' answers.
            _ => false,
        };
    }

    /// <summary>The same rule as a query: the viewer's own records, and their partner's that the rule lets them see.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, Viewer viewer)
        where T : class, IVisibleRecord
    {
        var me = viewer.MemberId;
        var couple = viewer.CoupleId;
        Expression<Func<T, bool>> rule = r =>
            r.OwnerId == me
            || (
                couple != null
                && r.CoupleId == couple
                && (
                    r.Visibility == Visibility.Shared
                    || (
                        r.Visibility == Visibility.BlindReveal
                        && records.Any(mine => mine.OwnerId == me && mine.CoupleId == couple && mine.PromptKey == r.PromptKey)
                    )
                )
            );
        return records.Where(rule);
    }
}

/// <summary>Mutual-only matching: what a couple may see of two partners' answers to the same list.</summary>
public static class Mutual
{
    public enum Answer
    {
        No = 0,
        Maybe = 1,
        Yes = 2,
    }

    /// <summary>
    /// The items both answered yes or maybe, in the list's own order (never in the order anyone
    /// answered), so a "no", a one-sided yes and an unanswered item all look the same: absent.
    /// </summary>
    public static IReadOnlyList<TKey> Only<TKey>(
        IEnumerable<TKey> listOrder,
        IReadOnlyDictionary<TKey, Answer> mine,
        IReadOnlyDictionary<TKey, Answer> theirs
    )
        where TKey : notnull =>
        listOrder
            .Where(k => mine.TryGetValue(k, out var a) && a != Answer.No && theirs.TryGetValue(k, out var b) && b != Answer.No)
            .ToList();
}
