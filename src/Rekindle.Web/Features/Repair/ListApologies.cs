using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

/// <summary>The couple's apologies, sent and received, newest first.</summary>
public sealed class ListApologies(AppDbContext db, CurrentMember current, Sealer sealer)
{
    public async Task<IReadOnlyList<ApologyView>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var rows = await db
            .Apologies.AsNoTracking()
            .Where(a => a.CoupleId == coupleId && (a.FromId == viewer.MemberId || a.ToId == viewer.MemberId))
            .OrderByDescending(a => a.SentAt)
            .ToListAsync(cancellationToken);
        var views = new List<ApologyView>();
        foreach (var row in rows)
        {
            if (
                await sealer.OpenAsync(row.Text, row.PlaceOf(nameof(Apology.Text)), cancellationToken) is { } json
                && JsonSerializer.Deserialize<ApologyText>(json, RepairStore.Json) is { } text
            )
            {
                views.Add(new ApologyView(text, row.SentAt, row.FromId == viewer.MemberId));
            }
        }

        return views;
    }
}
