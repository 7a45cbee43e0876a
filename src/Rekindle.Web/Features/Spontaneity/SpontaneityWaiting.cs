using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Home;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// What waits in Spontaneity: a note from the partner the member has not read yet (the notes card on the
/// home page shows it, and reading marks it seen; the sender is never told). One count query.
/// </summary>
public sealed class SpontaneityWaiting(AppDbContext db, TimeProvider clock) : IWaitingSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingAsync(WaitingFor who, CancellationToken cancellationToken)
    {
        if (!who.Together)
        {
            return [];
        }

        var coupleId = who.CoupleId!.Value;
        var since = clock.GetUtcNow().UtcDateTime - NoteStore.Recent;
        var unread = await db.AppreciationNotes.AnyAsync(
            n => n.CoupleId == coupleId && n.ToId == who.MemberId && n.SeenAt == null && n.SentAt >= since,
            cancellationToken
        );
        return unread
            ? [new WaitingItem(WaitingKind.Received, Text.Of("{0} sent you a note.", who.PartnerName), Text.Of("Read it"), "/#notes")]
            : [];
    }
}
