using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Spontaneity;

public sealed record MarkedGesture(Gesture Gesture, string? MyMark);

public sealed record GesturePage(IReadOnlyList<MarkedGesture> Gestures, int Page, bool HasMore, int Marked, int Total);

/// <summary>The gesture library with the member's own marks, filtered and paged.</summary>
public sealed class ListGestures(CurrentMember current, GestureLibrary library, GestureMarkStore store)
{
    public const int PageSize = 20;

    /// <summary>The page asked for, kept between the first and the thousandth.</summary>
    public static int PageOf(int? page) => Math.Clamp(page ?? 1, 1, 1000);

    public async Task<GesturePage> HandleAsync(GestureFilter filter, int? page, CancellationToken cancellationToken = default)
    {
        var shownPage = PageOf(page);
        var viewer = await current.ViewerAsync(cancellationToken);
        var mine = await store.MarksOfAsync(viewer.MemberId, viewer.CoupleId, cancellationToken);
        var kept = library.Gestures.Where(filter.Keeps).Where(g => !filter.UnmarkedOnly || !mine.ContainsKey(g.Id)).ToList();
        var shown = kept.Skip((shownPage - 1) * PageSize)
            .Take(PageSize)
            .Select(g => new MarkedGesture(g, mine.GetValueOrDefault(g.Id)))
            .ToList();
        return new GesturePage(
            shown,
            shownPage,
            kept.Count > shownPage * PageSize,
            mine.Count(m => library.ById.ContainsKey(m.Key)),
            library.Gestures.Count
        );
    }
}
