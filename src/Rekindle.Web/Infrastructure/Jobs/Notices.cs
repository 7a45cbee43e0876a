using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Infrastructure.Jobs;

/// <summary>What a notice says. Each kind has one fixed wording: never anything a partner wrote.</summary>
public enum NoticeKind
{
    DailyQuestionWaiting = 1,
    PartnerAnswered = 2,
    PartnerCheckedIn = 3,
    CheckInWaiting = 4,

    /// <summary>A date was proposed, answered, moved or cancelled, or "our evening" changed.</summary>
    DateNews = 5,

    /// <summary>A date or "our evening" is tomorrow (sent about a day before).</summary>
    DateTomorrow = 6,

    /// <summary>A date or "our evening" starts in about two hours.</summary>
    DateSoon = 7,

    /// <summary>A gentle nudge toward a small gesture, at a random moment in the member's window.</summary>
    Nudge = 8,

    /// <summary>A week after a repair's plan: a short follow-up is waiting.</summary>
    RepairFollowUp = 9,

    /// <summary>Signing in to the member's account was paused after several wrong tries (decisions/0025). Always sent.</summary>
    SignInPaused = 10,

    /// <summary>The partner invited the member to a guided conversation on two devices, and it is still open.</summary>
    ConversationWaiting = 11,

    /// <summary>
    /// The member has not opened this week's session of their program for a few days (decisions/0040). Only when they turned it on.
    /// </summary>
    ProgramSession = 12,
}

/// <summary>
/// A feature that queues notices of its own on each pass of the job, and knows when one of its
/// notices is no longer true or needed.
/// </summary>
public interface INoticeSource
{
    Task QueueDueAsync(DateTime utcNow, CancellationToken cancellationToken);

    /// <summary>True to drop the notice, false to send it, null when the notice is not this source's.</summary>
    Task<bool?> NoLongerNeededAsync(Notice notice, DateTime utcNow, CancellationToken cancellationToken);
}

/// <summary>
/// A notice waiting to be emailed: a durable outbox row, so a restart loses nothing, and a unique
/// key, so the same notice is never queued twice. A sender claims a row before sending (a
/// conditional update), so with several servers each notice still goes out once.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public NoticeKind Kind { get; set; }

    /// <summary>What makes it unique, e.g. "answered:{question}:{member}".</summary>
    public string Key { get; set; } = "";

    public DateTime DueAt { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.HasKey(n => n.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => n.Key).IsUnique();
        builder.HasIndex(n => new { n.SentAt, n.DueAt });
        builder.Property(n => n.Key).HasMaxLength(120);
    }
}

/// <summary>Queues notices. Queuing the same key twice is a no-op.</summary>
public sealed class NoticeOutbox(AppDbContext db, TimeProvider clock)
{
    public async Task QueueAsync(Guid memberId, NoticeKind kind, string key, CancellationToken cancellationToken = default) =>
        await QueueAsync(memberId, kind, key, null, cancellationToken);

    /// <summary>Queues a notice to go out at <paramref name="dueAt"/> (now when null).</summary>
    public async Task QueueAsync(Guid memberId, NoticeKind kind, string key, DateTime? dueAt, CancellationToken cancellationToken = default)
    {
        if (await db.Notices.AnyAsync(n => n.Key == key, cancellationToken))
        {
            return;
        }

        var now = dueAt ?? clock.GetUtcNow().UtcDateTime;
        try
        {
            // One statement of its own, so a caller's pending changes are never saved by accident here.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Notices\" (\"Id\", \"MemberId\", \"Kind\", \"Key\", \"DueAt\", \"Attempts\") VALUES ({Guid.NewGuid()}, {memberId}, {(int)kind}, {key}, {now}, {0})",
                cancellationToken
            );
        }
        catch (System.Data.Common.DbException)
        {
            // Queued at the same moment by another request: it is queued, which is what was asked.
            // Any other failure is not swallowed: a lost notice should show in the logs.
            if (!await db.Notices.AnyAsync(n => n.Key == key, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>Of these keys, the ones already queued (sent or not): one query for a whole pass.</summary>
    public async Task<HashSet<string>> QueuedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(200))
        {
            found.UnionWith(
                await db.Notices.AsNoTracking().Where(n => chunk.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken)
            );
        }

        return found;
    }
}
