using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;

namespace Rekindle.Tests.Platform;

/// <summary>
/// Scaling past one database (docs/OPERATIONS.md, Citus): every table a couple shares carries the
/// couple id, so it can be distributed by it and every couple's rows sit together. A table without
/// one must be named here with the reason, so a new table cannot slip by unclassified.
/// </summary>
public sealed class DistributionTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    /// <summary>Tables that are not a couple's: one member's own (distributed by member id), or the instance's.</summary>
    private static readonly Dictionary<string, string> NotCouples = new()
    {
        ["Couples"] = "the couple itself: its Id is the couple id",
        ["AspNetUsers"] = "members (Identity)",
        ["AspNetUserClaims"] = "a member's own (Identity)",
        ["AspNetUserLogins"] = "a member's own (Identity)",
        ["AspNetUserTokens"] = "a member's own (Identity)",
        ["AspNetUserPasskeys"] = "a member's own (Identity)",
        ["MemberSessions"] = "a member's own",
        ["SecurityEvents"] = "a member's own",
        ["UsedTotpSteps"] = "a member's own",
        ["MemberPreferences"] = "a member's own",
        ["QuestionMutes"] = "a member's own setting",
        ["PlanTicks"] = "a member's own plan",
        ["SelfCareLogs"] = "a member's own, private",
        ["SelfCareGoals"] = "a member's own, private",
        ["CalendarFeeds"] = "a member's own address",
        ["Notices"] = "a member's own queue",
        ["PushDevices"] = "a member's own devices",
        ["ProgramWeeks"] = "a member's own part of a session (its run carries the couple)",
        ["ProgramNudgeSettings"] = "a member's own reminder switch",
        ["ConnectionCodes"] = "a professional's own codes (practice mode)",
        ["ConnectionConsents"] = "a member's own choices for a connection (the connection carries the couple)",
        ["Homework"] = "a connection's (the connection carries the couple, or none for an individual connection)",
        ["HomeworkDone"] = "a member's own mark",
        ["SessionItems"] = "a member's own, shared with the connection only",
        ["RegistrationSettings"] = "the instance's registration mode (operator)",
        ["AllowedEmails"] = "the instance's allow-list (operator)",
        ["__EFMigrationsLock"] = "the migration lock",
    };

    [Fact]
    public async Task Every_table_carries_the_couple_id_or_is_named_as_not_a_couples()
    {
        var unclassified = await app.WithDbAsync(db =>
            Task.FromResult(
                db.Model.GetEntityTypes()
                    .Where(e => !e.IsOwned() && e.GetTableName() is not null)
                    .Where(e => e.FindProperty("CoupleId") is null && !NotCouples.ContainsKey(e.GetTableName()!))
                    .Select(e => e.GetTableName()!)
                    .Distinct()
                    .Order()
                    .ToList()
            )
        );
        Assert.True(unclassified.Count == 0, "Tables without CoupleId, not classified: " + string.Join(", ", unclassified));

        // And the list holds no table that is gone, or that does carry the couple id.
        var tables = await app.WithDbAsync(db =>
            Task.FromResult(
                db.Model.GetEntityTypes()
                    .Where(e => e.GetTableName() is not null)
                    .GroupBy(e => e.GetTableName()!)
                    .ToDictionary(g => g.Key, g => g.Any(e => e.FindProperty("CoupleId") is not null))
            )
        );
        Assert.All(NotCouples.Keys.Where(k => k != "__EFMigrationsLock"), table =>
        {
            Assert.True(tables.ContainsKey(table), $"{table} is listed but no longer exists");
            Assert.False(tables[table], $"{table} carries CoupleId: it is a couple's, take it off the list");
        });
    }
}
