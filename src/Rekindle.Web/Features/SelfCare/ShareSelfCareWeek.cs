using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>This week's one line for the partner; empty takes it back.</summary>
public sealed record ShareWeekRequest(string? Line);

/// <summary>Shares (or, with empty text, takes back) this week's one line with the partner: the only self-care the partner ever
/// sees.</summary>
public sealed class ShareSelfCareWeek(AppDbContext db, CurrentMember current, SelfCareStore store, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(ShareWeekRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is null)
        {
            return Problem.Conflict(Text.Of("Once your partner has joined, you can share a line about your week with them."));
        }

        var week = Talk.WeeklyCheckIns.WeekOf(await store.TodayAsync(cancellationToken));
        var row = await db.SelfCareShares.FirstOrDefaultAsync(
            s => s.OwnerId == viewer.MemberId && s.CoupleId == coupleId && s.Week == week,
            cancellationToken
        );
        var text = request.Line?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (row is not null)
            {
                db.SelfCareShares.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Outcome<bool>.Ok(true);
        }

        if (Talk.TalkText.Problem(text, SelfCareShare.MaxLength) is { } problem)
        {
            return Problem.Invalid("line", problem);
        }

        if (row is null)
        {
            row = new SelfCareShare
            {
                Id = Guid.NewGuid(),
                OwnerId = viewer.MemberId,
                CoupleId = coupleId,
                Week = week,
            };
            db.SelfCareShares.Add(row);
        }

        row.Line = await sealer.SealAsync(text, row.PlaceOf(nameof(SelfCareShare.Line)), cancellationToken);
        row.SharedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
