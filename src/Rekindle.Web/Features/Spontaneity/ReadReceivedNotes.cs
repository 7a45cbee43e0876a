using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>The newest notes the partner sent the member in the last two weeks; reading them marks them seen (never told to the
/// sender).</summary>
public sealed class ReadReceivedNotes(AppDbContext db, CurrentMember current, NoteStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<NoteView>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var notes = await store.RecentAsync(received: true, cancellationToken);
        if (notes.Any(n => n.New))
        {
            var viewer = await current.ViewerAsync(cancellationToken);
            await db
                .AppreciationNotes.Where(n => n.ToId == viewer.MemberId && n.CoupleId == viewer.CoupleId && n.SeenAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.SeenAt, (DateTime?)clock.GetUtcNow().UtcDateTime), cancellationToken);
        }

        return notes;
    }
}
