using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.MyData;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Practice;

/// <summary>
/// The member's own part of practice mode's homework: the marks they made and what they shared for a session (their own words,
/// opened from the connection's key). Never the partner's marks or items, never a professional's note (the professional's
/// words).
/// </summary>
public sealed class HomeworkExport(AppDbContext db, Sealer sealer) : IExportSection
{
    public string Name => "counselorHomework";

    public async Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var marks = await db
            .HomeworkDone.AsNoTracking()
            .Where(d => d.MemberId == memberId)
            .Join(
                db.Homework.AsNoTracking(),
                d => d.HomeworkId,
                h => h.Id,
                (d, h) =>
                    new
                    {
                        h.Kind,
                        h.ItemKey,
                        h.DueOn,
                        d.DoneAt,
                    }
            )
            .OrderBy(x => x.DoneAt)
            .ToListAsync(cancellationToken);
        var items = await db
            .SessionItems.AsNoTracking()
            .Where(i => i.MemberId == memberId)
            .OrderBy(i => i.SharedAt)
            .ToListAsync(cancellationToken);
        if (marks.Count == 0 && items.Count == 0)
        {
            return null;
        }

        var shared = new List<object>();
        foreach (var item in items)
        {
            shared.Add(
                new
                {
                    item.SharedAt,
                    item.HomeworkId,
                    Text = await sealer.OpenAsync(item.Text, item.PlaceOf(nameof(SessionItem.Text)), cancellationToken),
                }
            );
        }

        return new
        {
            MarkedDone = marks.Select(m => new
            {
                Kind = HomeworkLibrary.NameOf(m.Kind),
                Item = m.ItemKey,
                Due = m.DueOn,
                m.DoneAt,
            }),
            SharedForSession = shared,
        };
    }
}
