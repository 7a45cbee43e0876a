using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Talk;

public sealed record ArchiveResult(IReadOnlyList<DailyView> Days, int Page, bool HasMore, string? Query);

/// <summary>
/// Past daily questions with both answers, as far as the visibility rule allows, newest first, and a
/// search over them. Answers are sealed, so the search opens the couple's answers in memory and
/// matches there (docs/decisions/0011); there is no plain-text index to leak.
/// </summary>
public sealed class TalkArchive(AppDbContext db, CurrentMember current, TodaysQuestion questions)
{
    public const int PageSize = 20;

    /// <summary>Every day, newest first, in one pass (for the export).</summary>
    public async Task<IReadOnlyList<DailyView>> AllAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var rows = await db.DailyQuestions.AsNoTracking().Where(q => q.CoupleId == viewer.CoupleId).OrderByDescending(q => q.Day).ToListAsync(cancellationToken);
        var views = new List<DailyView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await questions.ViewAsync(viewer, row, cancellationToken));
        }

        return views;
    }

    public async Task<ArchiveResult> HandleAsync(string? query, int page, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        page = Math.Max(page, 1);
        var search = string.IsNullOrWhiteSpace(query) ? null : query.Trim();
        if (viewer.CoupleId is not { } coupleId)
        {
            return new ArchiveResult([], page, false, search);
        }

        var rows = await db.DailyQuestions.AsNoTracking().Where(q => q.CoupleId == coupleId).OrderByDescending(q => q.Day).ToListAsync(cancellationToken);
        var matches = new List<DailyView>();
        var skip = (page - 1) * PageSize;
        foreach (var row in rows)
        {
            var view = await questions.ViewAsync(viewer, row, cancellationToken);
            if (search is not null && !Matches(view, search))
            {
                continue;
            }

            matches.Add(view);
            if (matches.Count > skip + PageSize)
            {
                break;
            }
        }

        return new ArchiveResult(matches.Skip(skip).Take(PageSize).ToList(), page, matches.Count > skip + PageSize, search);
    }

    /// <summary>Days this month (the member's own month) on which both partners answered: never a streak.</summary>
    public async Task<int> DaysBothAnsweredThisMonthAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var first = new DateOnly(today.Year, today.Month, 1);
        return await db.DailyQuestions.AsNoTracking()
            .Where(q => q.CoupleId == viewer.CoupleId && q.Day >= first && q.Day <= today)
            .CountAsync(q => db.DailyAnswers.Count(a => a.DailyQuestionId == q.Id && !a.Skipped) == 2, cancellationToken);
    }

    private static bool Matches(DailyView view, string search) =>
        new[] { view.Question.Text, view.Mine?.Text, view.Mine?.Reply, view.Partners?.Text, view.Partners?.Reply }
            .Any(t => t?.Contains(search, StringComparison.CurrentCultureIgnoreCase) == true);
}
