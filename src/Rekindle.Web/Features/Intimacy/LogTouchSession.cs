using System.Globalization;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Intimacy;

/// <summary>day: yyyy-MM-dd, today or in the last two months; feeling: calm, warm, mixed or uneasy; note: optional, private.</summary>
public sealed record SessionLogRequest(string? Day, string? Feeling, string? Note);

/// <summary>Notes a session for the member alone: the day, how it felt, and a private note, sealed with their own key.</summary>
public sealed class LogTouchSession(AppDbContext db, TouchProgramStore store, Preferences preferences, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(SessionLogRequest request, CancellationToken cancellationToken = default)
    {
        if (await store.PartiesAsync(cancellationToken) is not var (me, partner, coupleId))
        {
            return Problem.Conflict(Text.Of("The program opens once you have both turned intimacy on."));
        }

        var prefs = await preferences.ForAsync(me, cancellationToken);
        var today = DateOnly.FromDateTime(prefs.Local(clock.GetUtcNow().UtcDateTime));
        if (
            !DateOnly.TryParseExact(request.Day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var when)
            || when > today
            || when < today.AddDays(-60)
        )
        {
            return Problem.Invalid("day", Text.Of("Please choose the day of the session: today or in the last two months."));
        }

        if (request.Feeling is not { } feeling || !TouchLog.Feelings.Contains(feeling))
        {
            return Problem.Invalid("feeling", Text.Of("Please choose how it felt for you."));
        }

        var words = request.Note?.Trim() ?? "";
        if (words.Length > 0 && Talk.TalkText.Problem(words, TouchLog.NoteMaxLength) is { } problem)
        {
            return Problem.Invalid("note", problem);
        }

        var log = new TouchLog
        {
            Id = Guid.NewGuid(),
            OwnerId = me,
            CoupleId = coupleId,
            Day = when,
            Stage = await store.StageAsync(me, partner, coupleId, cancellationToken),
            LoggedAt = clock.GetUtcNow().UtcDateTime,
        };
        log.Entry = await sealer.SealAsync(feeling + "\n" + words, log.PlaceOf(nameof(TouchLog.Entry)), cancellationToken);
        db.TouchLogs.Add(log);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
