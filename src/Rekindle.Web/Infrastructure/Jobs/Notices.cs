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
    public async Task QueueAsync(Guid memberId, NoticeKind kind, string key, CancellationToken cancellationToken = default)
    {
        if (await db.Notices.AnyAsync(n => n.Key == key, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            // One statement of its own, so a caller's pending changes are never saved by accident here.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Notices\" (\"Id\", \"MemberId\", \"Kind\", \"Key\", \"DueAt\", \"Attempts\") VALUES ({Guid.NewGuid()}, {memberId}, {(int)kind}, {key}, {now}, {0})",
                cancellationToken);
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
}
