using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>Who wrote a couple's own question, as the viewer reads it: "you", or the partner's first name.</summary>
public sealed record OwnQuestionAuthor(bool IsViewer, string FirstName);

/// <summary>One of the couple's own questions as both partners see it.</summary>
public sealed record OwnQuestionView(Guid Id, string Text, OwnQuestionAuthor AddedBy, DateTime CreatedAt, DateTime? RetiredAt);

/// <summary>
/// Reads the couple's own questions (opened with the couple's key) and the mutes (decisions/0042): one place for the
/// draw, the day's view, the page, the API and the export.
/// </summary>
public sealed class CoupleQuestionStore(AppDbContext db, MemberNames names, Sealer sealer)
{
    /// <summary>The couple's questions still in their rotation, oldest first (both partners'), or the ones named by id.</summary>
    public async Task<IReadOnlyList<OwnQuestionView>> ListAsync(
        Viewer viewer,
        IReadOnlyCollection<Guid>? ids = null,
        CancellationToken cancellationToken = default
    )
    {
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var query = db.CoupleQuestions.AsNoTracking().Where(q => q.CoupleId == coupleId);
        query = ids is null ? query.Where(q => q.RetiredAt == null) : query.Where(q => ids.Contains(q.Id));
        var rows = await query.OrderBy(q => q.CreatedAt).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        var authors = new Dictionary<Guid, OwnQuestionAuthor>();
        var views = new List<OwnQuestionView>(rows.Count);
        foreach (var row in rows)
        {
            if (!authors.TryGetValue(row.AuthorId, out var author))
            {
                author = await AuthorAsync(viewer, row.AuthorId, cancellationToken);
                authors[row.AuthorId] = author;
            }

            var text = await sealer.OpenAsync(row.Text, row.PlaceOf(nameof(CoupleQuestion.Text)), cancellationToken);
            views.Add(new OwnQuestionView(row.Id, text, author, row.CreatedAt, row.RetiredAt));
        }

        return views;
    }

    /// <summary>
    /// The ids (<see cref="CoupleQuestion.IdFor"/>) of the couple's questions in their rotation, oldest first: for the draw.
    /// </summary>
    public async Task<IReadOnlyList<string>> RotationAsync(Guid coupleId, CancellationToken cancellationToken = default) =>
        (
            await db
                .CoupleQuestions.AsNoTracking()
                .Where(q => q.CoupleId == coupleId && q.RetiredAt == null)
                .OrderBy(q => q.CreatedAt)
                .ThenBy(q => q.Id)
                .Select(q => q.Id)
                .ToListAsync(cancellationToken)
        )
            .Select(CoupleQuestion.IdFor)
            .ToList();

    /// <summary>The kinds the member muted, in <see cref="QuestionKinds.All"/>'s order.</summary>
    public async Task<IReadOnlyList<string>> MutesOfAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var kinds = await db
            .QuestionMutes.AsNoTracking()
            .Where(m => m.MemberId == memberId)
            .Select(m => m.Kind)
            .ToListAsync(cancellationToken);
        return QuestionKinds.All.Where(kinds.Contains).ToList();
    }

    /// <summary>The kinds either partner muted, together: only the draw reads these, never a page.</summary>
    public async Task<IReadOnlyCollection<string>> CoupleMutesAsync(Guid coupleId, CancellationToken cancellationToken = default) =>
        await db
            .QuestionMutes.AsNoTracking()
            .Where(m => db.CoupleMembers.Any(c => c.CoupleId == coupleId && c.MemberId == m.MemberId))
            .Select(m => m.Kind)
            .Distinct()
            .ToListAsync(cancellationToken);

    private async Task<OwnQuestionAuthor> AuthorAsync(Viewer viewer, Guid authorId, CancellationToken cancellationToken)
    {
        if (authorId == viewer.MemberId)
        {
            return new OwnQuestionAuthor(true, "");
        }

        var sealedName = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == authorId)
            .Select(u => u.FirstName)
            .FirstOrDefaultAsync(cancellationToken);
        return new OwnQuestionAuthor(false, sealedName is null ? "" : await names.OpenAsync(authorId, sealedName, cancellationToken));
    }
}
