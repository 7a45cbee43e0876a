using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.SelfCare;

/// <summary>One member's log for one of their days: every value and the note sealed together with their key. Theirs alone.</summary>
public sealed class SelfCareLog : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly Day { get; set; }

    public SealedText Entry { get; set; } = default!;

    public DateTime SavedAt { get; set; }

    public SealPlace PlaceOf(string property) => property == nameof(Entry)
        ? SealedPlaces.SelfCareLogEntry.At(Id, KeyOwner.Member(OwnerId))
        : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>One of a member's (at most three) personal goals, sealed. Theirs alone.</summary>
public sealed class SelfCareGoal : ISealedRecord
{
    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public SealedText Goal { get; set; } = default!;

    public DateTime CreatedAt { get; set; }

    public SealPlace PlaceOf(string property) => property == nameof(Goal)
        ? SealedPlaces.SelfCareGoalGoal.At(Id, KeyOwner.Member(OwnerId))
        : throw new ArgumentOutOfRangeException(nameof(property));
}

/// <summary>A one-line summary of a week that the member chose to share with their partner: the only self-care the partner ever sees.</summary>
public sealed class SelfCareShare : ISealedRecord
{
    public const int MaxLength = 120;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid CoupleId { get; set; }

    public DateOnly Week { get; set; }

    public SealedText Line { get; set; } = default!;

    public DateTime SharedAt { get; set; }

    public SealPlace PlaceOf(string property) => property == nameof(Line)
        ? SealedPlaces.SelfCareShareLine.At(Id, KeyOwner.Couple(CoupleId))
        : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class SelfCareConfiguration : IEntityTypeConfiguration<SelfCareLog>, IEntityTypeConfiguration<SelfCareGoal>, IEntityTypeConfiguration<SelfCareShare>
{
    public void Configure(EntityTypeBuilder<SelfCareLog> builder)
    {
        builder.HasKey(l => l.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.OwnerId, l.Day }).IsUnique();
        builder.Property(l => l.Entry).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<SelfCareGoal> builder)
    {
        builder.HasKey(g => g.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(g => g.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.OwnerId);
        builder.Property(g => g.Goal).HasMaxLength(600);
    }

    public void Configure(EntityTypeBuilder<SelfCareShare> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(s => s.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.OwnerId, s.CoupleId, s.Week }).IsUnique();
        builder.Property(s => s.Line).HasMaxLength(800);
    }
}

public sealed record GoalView(Guid Id, Goal Goal, int DaysThisWeek);

public sealed record SelfCareView(
    DateOnly Today,
    DateOnly Day,
    DayEntry Entry,
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<WeekSummary> Weeks,
    string? MyLineThisWeek,
    IReadOnlyList<(DateOnly Week, string Line)> PartnersLines,
    bool HasPartner);

/// <summary>The member's own daily log, goals and trends, and the one line a week they may share.</summary>
public sealed class SelfCareJournal(AppDbContext db, CurrentMember current, Preferences preferences, Sealer sealer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const int WeeksShown = 12;

    /// <summary>How far back a day may be logged or corrected.</summary>
    public const int DaysBack = 7;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken = default) =>
        DateOnly.FromDateTime((await preferences.MineAsync(cancellationToken)).Local(clock.GetUtcNow().UtcDateTime));

    public async Task<SelfCareView> ViewAsync(DateOnly? day, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var today = await TodayAsync(cancellationToken);
        var chosen = day is { } d && d <= today && d >= today.AddDays(-DaysBack) ? d : today;
        var thisWeek = Talk.WeeklyCheckIns.WeekOf(today);
        var days = await DaysAsync(viewer.MemberId, thisWeek.AddDays(-7 * (WeeksShown - 1)), cancellationToken);
        var goals = new List<GoalView>();
        foreach (var row in await db.SelfCareGoals.AsNoTracking().Where(g => g.OwnerId == viewer.MemberId).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken))
        {
            if (await sealer.OpenAsync(row.Goal, row.PlaceOf(nameof(SelfCareGoal.Goal)), cancellationToken) is { } text && JsonSerializer.Deserialize<Goal>(text, Json) is { } goal)
            {
                goals.Add(new GoalView(row.Id, goal, SelfCareRules.DaysMet(goal, days, thisWeek)));
            }
        }

        string? mine = null;
        var theirs = new List<(DateOnly, string)>();
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        if (viewer.CoupleId is { } coupleId)
        {
            var since = thisWeek.AddDays(-7);
            foreach (var share in await db.SelfCareShares.AsNoTracking().Where(s => s.CoupleId == coupleId && s.Week >= since).OrderByDescending(s => s.Week).ToListAsync(cancellationToken))
            {
                var line = await sealer.OpenAsync(share.Line, share.PlaceOf(nameof(SelfCareShare.Line)), cancellationToken) ?? "";
                if (share.OwnerId == viewer.MemberId && share.Week == thisWeek)
                {
                    mine = line;
                }
                else if (share.OwnerId == partnerId)
                {
                    theirs.Add((share.Week, line));
                }
            }
        }

        return new SelfCareView(today, chosen, days.GetValueOrDefault(chosen) ?? DayEntry.Empty, goals, SelfCareRules.Weeks(days, thisWeek, WeeksShown), mine, theirs, partnerId is not null);
    }

    public async Task<Outcome<bool>> LogAsync(DateOnly? day, DayEntry? entry, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var today = await TodayAsync(cancellationToken);
        if (day is not { } d || d > today || d < today.AddDays(-DaysBack))
        {
            return Outcome<bool>.Fail(Text.Of("You can log today or any of the last {0} days.", DaysBack));
        }

        var row = await db.SelfCareLogs.FirstOrDefaultAsync(l => l.OwnerId == memberId && l.Day == d, cancellationToken);
        if (entry is null || entry.IsEmpty)
        {
            if (row is not null)
            {
                db.SelfCareLogs.Remove(row);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Outcome<bool>.Ok(true);
        }

        if (row is null)
        {
            row = new SelfCareLog { Id = Guid.NewGuid(), OwnerId = memberId, Day = d };
            db.SelfCareLogs.Add(row);
        }

        row.Entry = await sealer.SealAsync(JsonSerializer.Serialize(entry, Json), row.PlaceOf(nameof(SelfCareLog.Entry)), cancellationToken);
        row.SavedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<bool>.Fail(Text.Of("That day was saved from another window at the same moment. Please look again."));
        }

        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> AddGoalAsync(Goal goal, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        if (await db.SelfCareGoals.CountAsync(g => g.OwnerId == memberId, cancellationToken) >= SelfCareRules.MaxGoals)
        {
            return Outcome<bool>.Fail(Text.Of("You have {0} goals already. Remove one to add another: fewer goals are easier to keep.", SelfCareRules.MaxGoals));
        }

        var row = new SelfCareGoal { Id = Guid.NewGuid(), OwnerId = memberId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        row.Goal = await sealer.SealAsync(JsonSerializer.Serialize(goal, Json), row.PlaceOf(nameof(SelfCareGoal.Goal)), cancellationToken);
        db.SelfCareGoals.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Removes one of the member's own goals; another member's goal id (or one already gone) is not found.</summary>
    public async Task<Outcome<bool>> RemoveGoalAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var removed = await db.SelfCareGoals.Where(g => g.Id == id && g.OwnerId == memberId).ExecuteDeleteAsync(cancellationToken);
        return removed > 0 ? Outcome<bool>.Ok(true) : Outcome<bool>.Fail(Text.Of("That goal wasn't found. It may already be removed."));
    }

    /// <summary>Shares (or, with empty text, takes back) this week's one line with the partner.</summary>
    public async Task<Outcome<bool>> ShareAsync(string? line, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is null)
        {
            return Outcome<bool>.Fail(Text.Of("Once your partner has joined, you can share a line about your week with them."));
        }

        var week = Talk.WeeklyCheckIns.WeekOf(await TodayAsync(cancellationToken));
        var row = await db.SelfCareShares.FirstOrDefaultAsync(s => s.OwnerId == viewer.MemberId && s.CoupleId == coupleId && s.Week == week, cancellationToken);
        var text = line?.Trim() ?? "";
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
            return Outcome<bool>.Fail(problem);
        }

        if (row is null)
        {
            row = new SelfCareShare { Id = Guid.NewGuid(), OwnerId = viewer.MemberId, CoupleId = coupleId, Week = week };
            db.SelfCareShares.Add(row);
        }

        row.Line = await sealer.SealAsync(text, row.PlaceOf(nameof(SelfCareShare.Line)), cancellationToken);
        row.SharedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Dictionary<DateOnly, DayEntry>> DaysAsync(Guid memberId, DateOnly since, CancellationToken cancellationToken = default)
    {
        var days = new Dictionary<DateOnly, DayEntry>();
        foreach (var row in await db.SelfCareLogs.AsNoTracking().Where(l => l.OwnerId == memberId && l.Day >= since).ToListAsync(cancellationToken))
        {
            if (await sealer.OpenAsync(row.Entry, row.PlaceOf(nameof(SelfCareLog.Entry)), cancellationToken) is { } text && JsonSerializer.Deserialize<DayEntry>(text, Json) is { } entry)
            {
                days[row.Day] = entry;
            }
        }

        return days;
    }
}
