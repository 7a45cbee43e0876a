using Microsoft.EntityFrameworkCore;

namespace Rekindle.Web.Data;

public static class Rows
{
    /// <summary>
    /// Locks a couple's row until the transaction ends, so two requests that read-then-write the
    /// same couple take turns. PostgreSQL needs it (read committed); on SQLite the write gate
    /// already serialises every transaction.
    /// </summary>
    public static async Task LockCoupleAsync(AppDbContext db, Guid coupleId, CancellationToken cancellationToken = default)
    {
        if (db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Couples\" WHERE \"Id\" = {coupleId} FOR UPDATE", cancellationToken);
        }
    }
}
