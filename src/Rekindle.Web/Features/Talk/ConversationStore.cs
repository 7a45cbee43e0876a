using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Talk;

/// <summary>What the conversation's use cases share: which rows are the viewer's.</summary>
internal static class ConversationStore
{
    /// <summary>
    /// The conversations the viewer is in. Every conversation of a couple has both partners as owner
    /// and partner, so this narrows nothing VisibleTo would let through; it lets the database use the
    /// OwnerId and PartnerId indexes, where VisibleTo alone scanned every couple's conversations
    /// (docs/PERFORMANCE.md: the partner-status poll grew with the number of couples).
    /// </summary>
    public static IQueryable<Conversation> Involving(AppDbContext db, Viewer viewer) =>
        db.Conversations.AsNoTracking().Where(c => c.OwnerId == viewer.MemberId || c.PartnerId == viewer.MemberId);
}
