using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.MyData;

/// <summary>
/// Deletes the member's account at once: they leave their couple (the partner is told only that
/// they left), then the account and everything hanging off it goes (sessions, security log, passkeys,
/// invites) by the database's own cascades. On SQLite, secure_delete overwrites the freed pages and a
/// checkpoint empties the write-ahead log, so the rows do not linger in the file; and the member's
/// data key is destroyed, so what it sealed cannot be read even from an older copy of the database.
/// </summary>
public sealed class DeleteAccount(
    UserManager<Member> users,
    LeaveCouple leave,
    AppDbContext db,
    KeyRing keys,
    ILogger<DeleteAccount> logger
)
{
    public async Task<bool> HandleAsync(Member member, CancellationToken cancellationToken = default)
    {
        // Leaving is part of deleting: nothing to confirm twice, and not being in a couple is fine.
        await leave.HandleAsync(new LeaveRequest(Confirm: true), cancellationToken);
        var result = await users.DeleteAsync(member);
        if (!result.Succeeded)
        {
            return false;
        }

        // Crypto-shredding: whatever the member's key sealed is unreadable from now on, in backups too.
        await keys.DestroyAsync(KeyOwner.Member(member.Id), cancellationToken);

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        logger.LogInformation("Member {MemberId} deleted their account", member.Id);
        return true;
    }
}
