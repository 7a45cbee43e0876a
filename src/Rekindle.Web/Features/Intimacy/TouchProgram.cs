using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Intimacy;

public sealed record TouchLogView(DateOnly Day, int Stage, string Feeling, string? Note);

/// <summary>Where the couple is in the program (the same for both), and the member's own part: their readiness and their log.</summary>
public sealed record ProgramView(int Stage, bool Finished, bool IAmReady, IReadOnlyList<TouchLogView> MyLogs);

/// <summary>
/// The staged touch program. The couple's stage is how many stages, from the first, both partners
/// have privately marked themselves ready to leave (<see cref="StageOf"/>): a member's readiness is
/// never shown to the partner, only its effect once both are ready.
/// </summary>
public sealed class TouchProgram(AppDbContext db, CurrentMember current, IntimacyContent content, Desires desires, Preferences preferences, Sealer sealer, TimeProvider clock)
{
    public const int LogsShown = 20;

    /// <summary>The stage (0-based) a couple is on: the first stage not both ready for. Equal to the number of stages when done.</summary>
    public static int StageOf(IEnumerable<(Guid Owner, int Stage)> ready, Guid me, Guid partner, int stages)
    {
        var marks = ready.ToHashSet();
        var stage = 0;
        while (stage < stages && marks.Contains((me, stage)) && marks.Contains((partner, stage)))
        {
            stage++;
        }

        return stage;
    }

    public async Task<ProgramView?> ViewAsync(CancellationToken cancellationToken = default)
    {
        if (await PartiesAsync(cancellationToken) is not var (me, partner, coupleId))
        {
            return null;
        }

        var stage = await StageAsync(me, partner, coupleId, cancellationToken);
        var iAmReady = await db.StageReadies.AnyAsync(r => r.CoupleId == coupleId && r.OwnerId == me && r.Stage == stage, cancellationToken);
        var logs = new List<TouchLogView>();
        foreach (var row in await db.TouchLogs.AsNoTracking().Where(l => l.OwnerId == me && l.CoupleId == coupleId).OrderByDescending(l => l.Day).ThenByDescending(l => l.LoggedAt).Take(LogsShown).ToListAsync(cancellationToken))
        {
            var entry = (await sealer.OpenAsync(row.Entry, row.PlaceOf(nameof(TouchLog.Entry)), cancellationToken) ?? "").Split('\n', 2);
            logs.Add(new TouchLogView(row.Day, row.Stage, entry[0], entry.Length > 1 && entry[1].Length > 0 ? entry[1] : null));
        }

        return new ProgramView(stage, stage >= content.Stages.Count, iAmReady, logs);
    }

    /// <summary>Marks (or unmarks) the member ready to leave the couple's current stage.</summary>
    public async Task<Outcome<bool>> ReadyAsync(bool ready, string? stageSeen, CancellationToken cancellationToken = default)
    {
        if (await PartiesAsync(cancellationToken) is not var (me, partner, coupleId))
        {
            return Outcome<bool>.Fail(Text.Of("The program opens once you have both turned intimacy on."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var stage = await StageAsync(me, partner, coupleId, cancellationToken);
        if (stage >= content.Stages.Count || stageSeen != stage.ToString(CultureInfo.InvariantCulture))
        {
            return Outcome<bool>.Fail(Text.Of("You have both moved on since this page was opened. Here is where you are now."));
        }

        var existing = await db.StageReadies.FirstOrDefaultAsync(r => r.CoupleId == coupleId && r.OwnerId == me && r.Stage == stage, cancellationToken);
        if (ready && existing is null)
        {
            db.StageReadies.Add(new StageReady { Id = Guid.NewGuid(), OwnerId = me, CoupleId = coupleId, Stage = stage, ReadyAt = clock.GetUtcNow().UtcDateTime });
        }
        else if (!ready && existing is not null)
        {
            db.StageReadies.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> LogAsync(string? day, string? feeling, string? note, CancellationToken cancellationToken = default)
    {
        if (await PartiesAsync(cancellationToken) is not var (me, partner, coupleId))
        {
            return Outcome<bool>.Fail(Text.Of("The program opens once you have both turned intimacy on."));
        }

        var prefs = await preferences.ForAsync(me, cancellationToken);
        var today = DateOnly.FromDateTime(prefs.Local(clock.GetUtcNow().UtcDateTime));
        if (!DateOnly.TryParseExact(day?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var when) || when > today || when < today.AddDays(-60))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose the day of the session: today or in the last two months."));
        }

        if (feeling is null || !TouchLog.Feelings.Contains(feeling))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose how it felt for you."));
        }

        var words = note?.Trim() ?? "";
        if (words.Length > 0 && Talk.TalkText.Problem(words, TouchLog.NoteMaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        var log = new TouchLog { Id = Guid.NewGuid(), OwnerId = me, CoupleId = coupleId, Day = when, Stage = await StageAsync(me, partner, coupleId, cancellationToken), LoggedAt = clock.GetUtcNow().UtcDateTime };
        log.Entry = await sealer.SealAsync(feeling + "\n" + words, log.PlaceOf(nameof(TouchLog.Entry)), cancellationToken);
        db.TouchLogs.Add(log);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    private async Task<(Guid Me, Guid Partner, Guid CoupleId)?> PartiesAsync(CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (!(await desires.AccessAsync(cancellationToken)).BothIn || viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partner)
        {
            return null;
        }

        return (viewer.MemberId, partner, coupleId);
    }

    private async Task<int> StageAsync(Guid me, Guid partner, Guid coupleId, CancellationToken cancellationToken)
    {
        var ready = await db.StageReadies.AsNoTracking().Where(r => r.CoupleId == coupleId).Select(r => new { r.OwnerId, r.Stage }).ToListAsync(cancellationToken);
        return StageOf(ready.Select(r => (r.OwnerId, r.Stage)), me, partner, content.Stages.Count);
    }
}
