using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>
/// What the note use cases share, with no use case of its own (decisions/0032): reading the recent notes,
/// only ever for the two partners of the couple they were written in, and where the member's day starts.
/// </summary>
public sealed class NoteStore(AppDbContext db, CurrentMember current, Sealer sealer, Preferences preferences, TimeProvider clock)
{
    public const int PerDay = 10;

    public const int Shown = 5;

    public static readonly TimeSpan Recent = TimeSpan.FromDays(14);

    /// <summary>The notes the member received (or sent) in the last two weeks in their couple, newest first.</summary>
    public async Task<IReadOnlyList<NoteView>> RecentAsync(bool received, CancellationToken cancellationToken)
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
            .OrderByDescending(n => n.SentAt)
            .Take(received ? Shown : PerDay)
            .ToListAsync(cancellationToken);
        var prefs = await preferences.MineAsync(cancellationToken);
        var notes = new List<NoteView>();
        foreach (
            var row in rows.Where(r => Disclosure.MaySee(viewer, r.FromId, r.CoupleId, Visibility.Shared, viewerAnsweredSamePrompt: false))
        )
        {
            notes.Add(
                new NoteView(
                    await sealer.OpenAsync(row.Text, row.PlaceOf(nameof(AppreciationNote.Text)), cancellationToken) ?? "",
                    row.SentAt,
                    DateOnly.FromDateTime(prefs.Local(row.SentAt)),
                    received && row.SeenAt is null
                )
            );
        }

        return notes;
    }

    /// <summary>Every note the member sent or received in their current couple, for their export.</summary>
    public async Task<(List<ExportedNote> Sent, List<ExportedNote> Received)> ExportAsync(
        Guid memberId,
        CancellationToken cancellationToken
    )
    {
        var rows = await db
            .AppreciationNotes.AsNoTracking()
            .Where(n => n.FromId == memberId || n.ToId == memberId)
            .OrderBy(n => n.SentAt)
            .ToListAsync(cancellationToken);
        var (sent, received) = (new List<ExportedNote>(), new List<ExportedNote>());
        foreach (var row in rows)
        {
            var note = new ExportedNote(
                await sealer.OpenAsync(row.Text, row.PlaceOf(nameof(AppreciationNote.Text)), cancellationToken),
                row.SentAt
            );
            (row.FromId == memberId ? sent : received).Add(note);
        }

        return (sent, received);
    }

    /// <summary>When the member's day began, in their own time zone.</summary>
    public async Task<DateTime> StartOfTodayAsync(DateTime utcNow, CancellationToken cancellationToken)
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
