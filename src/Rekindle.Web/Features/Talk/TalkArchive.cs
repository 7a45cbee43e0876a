using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Talk;

public sealed record ArchiveResult(IReadOnlyList<DailyView> Days, int Page, bool HasMore, string? Query, int DaysBothAnsweredThisMonth);

/// <summary>
/// Past daily questions with both answers, as far as the visibility rule allows, newest first, and a
/// search over them. Answers are sealed, so the search opens the couple's answers in memory and
/// matches there (docs/decisions/0011); there is no plain-text index to leak.
/// </summary>
public sealed class TalkArchive(AppDbContext db, CurrentMember current, TodaysQuestion questions)
{
    public const int PageSize = 20;

    /// <summary>A search is at most this long; longer is cut, never an error (the page's box and the API alike).</summary>
    public const int SearchMaxLength = 100;

    /// <summary>Page numbers run from 1 to this; one out of range is moved into it, never an error.</summary>
    public const int LastPage = 10_000;

    /// <summary>Every day, newest first, in one pass (for the export).</summary>
    internal async Task<IReadOnlyList<DailyView>> AllAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var rows = await db
            .DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == viewer.CoupleId)
            .OrderByDescending(q => q.Day)
            .ToListAsync(cancellationToken);
        var views = new List<DailyView>(rows.Count);
        foreach (var chunk in rows.Chunk(200))
        {
            views.AddRange(await questions.ViewsAsync(viewer, chunk, cancellationToken));
        }

        return views;
    }

    /// <summary>One page of the couple's past days, or null when the member has no couple space yet.</summary>
    public async Task<ArchiveResult?> HandleAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return null;
        }

        page = Math.Clamp(page, 1, LastPage);
        var cut = query?.Length > SearchMaxLength ? query[..SearchMaxLength] : query;
        var search = string.IsNullOrWhiteSpace(cut) ? null : cut.Trim();
        var days = await DaysBothAnsweredThisMonthAsync(await questions.TodayAsync(cancellationToken), cancellationToken);
        var skip = (page - 1) * PageSize;
        var newestFirst = db
            .DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == coupleId)
            .OrderByDescending(q => q.Day)
            .ThenBy(q => q.Id);
        if (search is null)
        {
            // Without a search a page is a page of days: read just those (and one more, to know
            // whether there is a next page).
            var rows = await newestFirst.Skip(skip).Take(PageSize + 1).ToListAsync(cancellationToken);
            var views = await questions.ViewsAsync(viewer, rows.Take(PageSize).ToList(), cancellationToken);
            return new ArchiveResult(views, page, rows.Count > PageSize, search, days);
        }

        // Answers are sealed, so a search opens the couple's days in memory, a batch at a time,
        // until it has this page and one more match.
        var all = await newestFirst.ToListAsync(cancellationToken);
        var matches = new List<DailyView>();
        foreach (var chunk in all.Chunk(100))
        {
            matches.AddRange((await questions.ViewsAsync(viewer, chunk, cancellationToken)).Where(v => Matches(v, search)));
            if (matches.Count > skip + PageSize)
            {
                break;
            }
        }

        return new ArchiveResult(matches.Skip(skip).Take(PageSize).ToList(), page, matches.Count > skip + PageSize, search, days);
    }

    /// <summary>Days this month (the member's own month) on which both partners answered: never a streak.</summary>
    internal async Task<int> DaysBothAnsweredThisMonthAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var first = new DateOnly(today.Year, today.Month, 1);
        return await db
            .DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == viewer.CoupleId && q.Day >= first && q.Day <= today)
            .CountAsync(q => db.DailyAnswers.Count(a => a.DailyQuestionId == q.Id && !a.Skipped) == 2, cancellationToken);
    }

    /// <summary>Whether <paramref name="today"/> is the first day the couple both answered (not passed): for one quiet line.</summary>
    internal async Task<bool> FirstDayBothAnsweredAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        return !await db
            .DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == viewer.CoupleId && q.Day < today)
            .AnyAsync(q => db.DailyAnswers.Count(a => a.DailyQuestionId == q.Id && !a.Skipped) == 2, cancellationToken);
    }

    private static bool Matches(DailyView view, string search) =>
        new[] { view.Question.Text, view.Mine?.Text, view.Mine?.Reply, view.Partners?.Text, view.Partners?.Reply }.Any(t =>
            t?.Contains(search, StringComparison.CurrentCultureIgnoreCase) == true
        );
}
