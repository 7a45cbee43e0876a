using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>The check-in's wording (Content/talk/checkin.{language}.json); three appreciation prompts a week, in turn.</summary>
public sealed record CheckInContent(IReadOnlyList<string> AppreciationPrompts, string WentWell, string ToTalkAbout, string FeelLoved, string Pulse, string PulseLow, string PulseHigh)
{
    public const int Appreciations = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<string> PromptsFor(DateOnly weekStart)
    {
        var offset = weekStart.DayNumber / 7 * Appreciations;
        return Enumerable.Range(0, Appreciations).Select(i => AppreciationPrompts[(offset + i) % AppreciationPrompts.Count]).ToList();
    }

    public static CheckInContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var content = JsonSerializer.Deserialize<CheckInContent>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return content.AppreciationPrompts.Count >= Appreciations
            ? content
            : throw new InvalidDataException($"{path} needs at least {Appreciations} appreciation prompts.");
    }
}

/// <summary>What a member wrote in one week's check-in.</summary>
public sealed record CheckInAnswers(IReadOnlyList<string> Appreciations, string WentWell, string ToTalkAbout, string FeelLoved, int Pulse);

/// <summary>
/// One partner's weekly check-in: blind reveal (both see both once both are done), editable until
/// then. Everything written and the closeness pulse are sealed together with the member's key.
/// </summary>
public sealed class CheckIn : IVisibleRecord, ISealedRecord
{
    public const int FieldMaxLength = 500;

    public Guid Id { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? CoupleId { get; set; }

    public Visibility Visibility { get; set; } = Visibility.BlindReveal;

    public string PromptKey { get; set; } = "";

    /// <summary>The Monday of the member's week, in their own time zone.</summary>
    public DateOnly WeekStart { get; set; }

    public SealedText Answers { get; set; } = default!;

    public DateTime SubmittedAt { get; set; }

    public static string PromptFor(DateOnly weekStart) => "checkin:" + weekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public SealPlace PlaceOf(string property) => property == nameof(Answers)
        ? SealedPlaces.CheckInAnswers.At(Id, KeyOwner.Member(OwnerId))
        : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Couple>().WithMany().HasForeignKey(c => c.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OwnerId, c.WeekStart }).IsUnique();
        builder.HasIndex(c => new { c.CoupleId, c.PromptKey });
        builder.Property(c => c.PromptKey).HasMaxLength(40);
        builder.Property(c => c.Answers).HasMaxLength(20000);
    }
}

public sealed record CheckInView(DateOnly WeekStart, IReadOnlyList<string> Prompts, bool HasPartner, CheckInAnswers? Mine, bool PartnerDone, CheckInAnswers? Partners)
{
    public bool Revealed => Mine is not null && Partners is not null;
}

/// <summary>This week's check-in for the signed-in member, and saving it.</summary>
public sealed class WeeklyCheckIns(AppDbContext db, CurrentMember current, TodaysQuestion days, CheckInContent content, Sealer sealer, NoticeOutbox notices, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public async Task<CheckInView?> ThisWeekAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is null)
        {
            return null;
        }

        var week = WeekOf(await days.TodayAsync(cancellationToken));
        var prompt = CheckIn.PromptFor(week);
        var visible = await db.CheckIns.AsNoTracking().Where(c => c.PromptKey == prompt).VisibleTo(viewer).ToListAsync(cancellationToken);
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var partnerDone = partnerId is not null && await db.CheckIns.AnyAsync(c => c.OwnerId == partnerId && c.CoupleId == viewer.CoupleId && c.PromptKey == prompt, cancellationToken);
        var mine = visible.FirstOrDefault(c => c.OwnerId == viewer.MemberId);
        var theirs = visible.FirstOrDefault(c => c.OwnerId != viewer.MemberId);
        return new CheckInView(week, content.PromptsFor(week), partnerId is not null,
            mine is null ? null : await OpenAsync(mine, cancellationToken), partnerDone,
            theirs is null ? null : await OpenAsync(theirs, cancellationToken));
    }

    public async Task<Outcome<bool>> SaveAsync(CheckInAnswers input, CancellationToken cancellationToken = default)
    {
        var fields = input.Appreciations.Append(input.WentWell).Append(input.ToTalkAbout).Append(input.FeelLoved).Select(f => f.Trim()).ToList();
        if (input.Appreciations.Count != CheckInContent.Appreciations || fields.Any(f => f.Length == 0))
        {
            return Outcome<bool>.Fail(Text.Of("Please fill in every part. A few words each is plenty."));
        }

        if (fields.Select(f => TalkText.Problem(f, CheckIn.FieldMaxLength)).FirstOrDefault(p => p is not null) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        if (input.Pulse is < 0 or > 10)
        {
            return Outcome<bool>.Fail(Text.Of("Please choose how close you feel, from 0 to 10."));
        }

        var view = await ThisWeekAsync(cancellationToken);
        if (view is null)
        {
            return Outcome<bool>.Fail(Text.Of("The check-in needs your couple space first."));
        }

        if (view.Revealed)
        {
            return Outcome<bool>.Fail(Text.Of("You've both done this week's check-in, so it is kept as it is."));
        }

        var viewer = await current.ViewerAsync(cancellationToken);

        // Checked again while holding the couple: a change racing the partner's check-in lands before the reveal or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, viewer.CoupleId!.Value, cancellationToken);
        if (await db.CheckIns.CountAsync(c => c.CoupleId == viewer.CoupleId && c.PromptKey == CheckIn.PromptFor(view.WeekStart), cancellationToken) >= 2)
        {
            return Outcome<bool>.Fail(Text.Of("You've both done this week's check-in, so it is kept as it is."));
        }

        var row = await db.CheckIns.FirstOrDefaultAsync(c => c.OwnerId == viewer.MemberId && c.WeekStart == view.WeekStart, cancellationToken);
        if (row is null)
        {
            row = new CheckIn { Id = Guid.NewGuid(), OwnerId = viewer.MemberId, CoupleId = viewer.CoupleId, WeekStart = view.WeekStart, PromptKey = CheckIn.PromptFor(view.WeekStart) };
            db.CheckIns.Add(row);
        }

        var clean = new CheckInAnswers(fields.Take(CheckInContent.Appreciations).ToList(), fields[3], fields[4], fields[5], input.Pulse);
        row.Answers = await sealer.SealAsync(JsonSerializer.Serialize(clean, Json), row.PlaceOf(nameof(CheckIn.Answers)), cancellationToken);
        row.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<bool>.Fail(Text.Of("Your check-in was being saved from another window at the same moment. Please look again."));
        }

        if (!view.PartnerDone && await current.PartnerIdAsync(cancellationToken) is { } partnerId)
        {
            await notices.QueueAsync(partnerId, NoticeKind.PartnerCheckedIn, $"checkin:{row.Id:N}:{partnerId:N}", cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }

    /// <summary>Every check-in of the member, with the partner's where both were done (for the export and Progress).</summary>
    public async Task<List<(DateOnly Week, CheckInAnswers Mine, CheckInAnswers? Partners)>> HistoryAsync(Guid memberId, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var rows = await db.CheckIns.AsNoTracking().VisibleTo(viewer).OrderBy(c => c.WeekStart).ToListAsync(cancellationToken);
        var result = new List<(DateOnly, CheckInAnswers, CheckInAnswers?)>();
        foreach (var mine in rows.Where(r => r.OwnerId == memberId))
        {
            var theirs = rows.FirstOrDefault(r => r.OwnerId != memberId && r.PromptKey == mine.PromptKey);
            result.Add((mine.WeekStart, await OpenAsync(mine, cancellationToken), theirs is null ? null : await OpenAsync(theirs, cancellationToken)));
        }

        return result;
    }

    private async Task<CheckInAnswers> OpenAsync(CheckIn row, CancellationToken cancellationToken)
    {
        var json = await sealer.OpenAsync(row.Answers, row.PlaceOf(nameof(CheckIn.Answers)), cancellationToken);
        return (json is null ? null : JsonSerializer.Deserialize<CheckInAnswers>(json, Json)) ?? new CheckInAnswers([], "", "", "", 0);
    }
}
