using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// A short note of appreciation from one partner to the other. It belongs to the couple it was
/// written in (it goes when that couple does), and its words are sealed with the couple's key.
/// </summary>
public sealed class AppreciationNote : ISealedRecord
{
    public const int MaxLength = 280;

    public Guid Id { get; set; }

    public Guid CoupleId { get; set; }

    public Guid FromId { get; set; }

    public Guid ToId { get; set; }

    public SealedText Text { get; set; } = default!;

    public DateTime SentAt { get; set; }

    /// <summary>When the partner first had it on their home page. Never shown to the sender: it would tell them when the partner was last here.</summary>
    public DateTime? SeenAt { get; set; }

    public SealPlace PlaceOf(string property) => property == nameof(Text)
        ? SealedPlaces.AppreciationNoteText.At(Id, KeyOwner.Couple(CoupleId))
        : throw new ArgumentOutOfRangeException(nameof(property));
}

internal sealed class AppreciationNoteConfiguration : IEntityTypeConfiguration<AppreciationNote>
{
    public void Configure(EntityTypeBuilder<AppreciationNote> builder)
    {
        builder.HasKey(n => n.Id);
        builder.HasOne<Couple>().WithMany().HasForeignKey(n => n.CoupleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.FromId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.ToId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.CoupleId, n.ToId, n.SentAt });
        builder.HasIndex(n => new { n.FromId, n.SentAt });
        builder.Property(n => n.Text).HasMaxLength(2000);
    }
}

/// <summary>A note as its reader sees it; <see cref="Day"/> is the day it was sent in the reader's own time zone.</summary>
public sealed record NoteView(string Text, DateTime SentAt, DateOnly Day, bool New);

public sealed record ExportedNote(string? Text, DateTime SentAt);

/// <summary>Writing a note to the partner, and reading the recent ones: only ever the two partners of the couple it was written in.</summary>
public sealed class AppreciationNotes(AppDbContext db, CurrentMember current, Sealer sealer, Preferences preferences, TimeProvider clock)
{
    public const int PerDay = 10;

    public static readonly TimeSpan Recent = TimeSpan.FromDays(14);

    public const int Shown = 5;

    public async Task<Outcome<bool>> SendAsync(string? text, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Outcome<bool>.Fail(Text.Of("Notes go to your partner. Once they have joined your couple space, you can send one."));
        }

        var words = text?.Trim() ?? "";
        if (Talk.TalkText.Problem(words, AppreciationNote.MaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(words.Length == 0 ? Text.Of("Write a few words first.") : problem);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = new AppreciationNote { Id = Guid.NewGuid(), CoupleId = coupleId, FromId = viewer.MemberId, ToId = partnerId, SentAt = now };
        note.Text = await sealer.SealAsync(words, note.PlaceOf(nameof(AppreciationNote.Text)), cancellationToken);
        var dayStart = await StartOfTodayAsync(now, cancellationToken);

        // Counted inside a transaction that holds the couple, so two windows cannot both send the eleventh.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (await db.AppreciationNotes.CountAsync(n => n.FromId == viewer.MemberId && n.SentAt >= dayStart, cancellationToken) >= PerDay)
        {
            return Outcome<bool>.Fail(Text.Of("You've sent ten notes today, which is lovely. The next one can wait until tomorrow."));
        }

        db.AppreciationNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>The newest notes the partner sent the member in the last two weeks; marks them seen.</summary>
    public async Task<IReadOnlyList<NoteView>> ReceivedAsync(CancellationToken cancellationToken = default)
    {
        var notes = await RecentAsync(received: true, cancellationToken);
        if (notes.Any(n => n.New))
        {
            var viewer = await current.ViewerAsync(cancellationToken);
            await db.AppreciationNotes.Where(n => n.ToId == viewer.MemberId && n.CoupleId == viewer.CoupleId && n.SeenAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.SeenAt, (DateTime?)clock.GetUtcNow().UtcDateTime), cancellationToken);
        }

        return notes;
    }

    /// <summary>The notes the member sent in the last two weeks, newest first.</summary>
    public Task<IReadOnlyList<NoteView>> SentAsync(CancellationToken cancellationToken = default) => RecentAsync(received: false, cancellationToken);

    /// <summary>Every note the member sent or received in their current couple, for their export.</summary>
    public async Task<(List<ExportedNote> Sent, List<ExportedNote> Received)> ExportAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.AppreciationNotes.AsNoTracking().Where(n => n.FromId == memberId || n.ToId == memberId).OrderBy(n => n.SentAt).ToListAsync(cancellationToken);
        var (sent, received) = (new List<ExportedNote>(), new List<ExportedNote>());
        foreach (var row in rows)
        {
            var note = new ExportedNote(await sealer.OpenAsync(row.Text, row.PlaceOf(nameof(AppreciationNote.Text)), cancellationToken), row.SentAt);
            (row.FromId == memberId ? sent : received).Add(note);
        }

        return (sent, received);
    }

    private async Task<IReadOnlyList<NoteView>> RecentAsync(bool received, CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return [];
        }

        var me = viewer.MemberId;
        var since = clock.GetUtcNow().UtcDateTime - Recent;
        var mine = db.AppreciationNotes.AsNoTracking().Where(n => n.CoupleId == coupleId && n.SentAt >= since);
        var rows = await (received ? mine.Where(n => n.ToId == me) : mine.Where(n => n.FromId == me))
            .OrderByDescending(n => n.SentAt).Take(received ? Shown : PerDay)
            .ToListAsync(cancellationToken);
        var prefs = await preferences.MineAsync(cancellationToken);
        var notes = new List<NoteView>();
        foreach (var row in rows.Where(r => Disclosure.MaySee(viewer, r.FromId, r.CoupleId, Visibility.Shared, viewerAnsweredSamePrompt: false)))
        {
            notes.Add(new NoteView(await sealer.OpenAsync(row.Text, row.PlaceOf(nameof(AppreciationNote.Text)), cancellationToken) ?? "", row.SentAt, DateOnly.FromDateTime(prefs.Local(row.SentAt)), received && row.SeenAt is null));
        }

        return notes;
    }

    private async Task<DateTime> StartOfTodayAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        var zone = (await preferences.MineAsync(cancellationToken)).Zone();
        var midnight = DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone).Date, DateTimeKind.Unspecified);
        // Where a clock change skips midnight, the day starts at the first hour that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(midnight, zone);
    }
}
