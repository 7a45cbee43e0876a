using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Spontaneity;

public sealed record NoteRequest(string? Text);

/// <summary>Sends the partner a short note of appreciation, sealed with the couple's key: ten a day at most.</summary>
public sealed class SendNote(AppDbContext db, CurrentMember current, NoteStore store, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(NoteRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Problem.Conflict(Text.Of("Notes go to your partner. Once they have joined your couple space, you can send one."));
        }

        var words = request.Text?.Trim() ?? "";
        if (Talk.TalkText.Problem(words, AppreciationNote.MaxLength) is { } problem)
        {
            return Problem.Invalid("text", words.Length == 0 ? Text.Of("Write a few words first.") : problem);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var note = new AppreciationNote
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            FromId = viewer.MemberId,
            ToId = partnerId,
            SentAt = now,
        };
        note.Text = await sealer.SealAsync(words, note.PlaceOf(nameof(AppreciationNote.Text)), cancellationToken);
        var dayStart = await store.StartOfTodayAsync(now, cancellationToken);

        // Counted inside a transaction that holds the couple, so two windows cannot both send the eleventh.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (
            await db.AppreciationNotes.CountAsync(n => n.FromId == viewer.MemberId && n.SentAt >= dayStart, cancellationToken)
            >= NoteStore.PerDay
        )
        {
            return Problem.TooMany(Text.Of("You've sent ten notes today, which is lovely. The next one can wait until tomorrow."));
        }

        db.AppreciationNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
