using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

public sealed record GrudgeView(Guid Id, GrudgePayload Payload, GrudgeStep Step, DateTime StartedAt, DateTime? ArchivedAt);

/// <summary>
/// The private letting-go exercise: start one, write its steps, then release it (put away, or
/// destroyed for good). Only ever the member's own rows, read through <see cref="Disclosure"/>.
/// Destroying deletes the row; on SQLite, secure_delete has already overwritten it and a checkpoint
/// empties the write-ahead log, so the letter does not linger in the file either.
/// </summary>
public sealed class LettingGo(AppDbContext db, CurrentMember current, Resting safety, RepairContent content, Sealer sealer, TimeProvider clock, ILogger<LettingGo> logger)
{
    private static readonly GrudgePayload Empty = new(null, null, null, null, null, null);

    public async Task<IReadOnlyList<GrudgeView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var rows = await db.Grudges.AsNoTracking().VisibleTo(viewer).Where(g => g.OwnerId == viewer.MemberId)
            .OrderByDescending(g => g.StartedAt).ToListAsync(cancellationToken);
        var views = new List<GrudgeView>();
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, cancellationToken));
        }

        return views;
    }

    public async Task<GrudgeView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var row = await db.Grudges.AsNoTracking().VisibleTo(viewer).FirstOrDefaultAsync(g => g.Id == id && g.OwnerId == viewer.MemberId, cancellationToken);
        return row is null ? null : await ViewAsync(row, cancellationToken);
    }

    /// <summary>Starts an exercise with its first step: the hurt, and what carrying it has cost.</summary>
    public async Task<Outcome<Guid>> StartAsync(string? hurt, string? cost, CancellationToken cancellationToken = default)
    {
        if (await safety.ConcernAsync(cancellationToken))
        {
            return Outcome<Guid>.Fail(content.Resting);
        }

        var started = Apply(Empty, GrudgeStep.Name, hurt, cost, null);
        if (!started.Succeeded)
        {
            return Outcome<Guid>.Fail(started.Error!);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var grudge = new Grudge { Id = Guid.NewGuid(), OwnerId = current.RequiredMemberId, Step = GrudgeStep.Decide, StartedAt = now, UpdatedAt = now };
        grudge.Entry = await SealAsync(grudge, started.Value!, cancellationToken);
        db.Grudges.Add(grudge);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<Guid>.Ok(grudge.Id);
    }

    public async Task<Outcome<bool>> SaveAsync(Guid id, GrudgeStep step, string? text, string? second, string? decision, CancellationToken cancellationToken = default)
    {
        if (await safety.ConcernAsync(cancellationToken))
        {
            return Outcome<bool>.Fail(content.Resting);
        }

        var grudge = await MineAsync(id, cancellationToken);
        if (grudge is null)
        {
            return Outcome<bool>.Fail(Text.Of("That exercise isn't here any more."));
        }

        if (LettingGoRules.CanSave(grudge, step) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        var view = await ViewAsync(grudge, cancellationToken);
        var changed = Apply(view.Payload, step, text, second, decision);
        if (!changed.Succeeded)
        {
            return Outcome<bool>.Fail(changed.Error!);
        }

        grudge.Entry = await SealAsync(grudge, changed.Value!, cancellationToken);
        grudge.Step = LettingGoRules.After(grudge.Step, step);
        grudge.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    public async Task<Outcome<bool>> ArchiveAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var grudge = await MineAsync(id, cancellationToken);
        if (grudge is null)
        {
            return Outcome<bool>.Fail(Text.Of("That exercise isn't here any more."));
        }

        if (LettingGoRules.CanArchive(grudge) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        grudge.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }

    /// <summary>Destroys the exercise for good, at any step (resting or not: a member can always remove what they wrote).</summary>
    public async Task<Outcome<bool>> DestroyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var gone = await db.Grudges.Where(g => g.Id == id && g.OwnerId == memberId).ExecuteDeleteAsync(cancellationToken);
        if (gone == 0)
        {
            return Outcome<bool>.Fail(Text.Of("That exercise isn't here any more."));
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        }

        logger.LogInformation("Member {MemberId} destroyed a letting-go exercise", memberId);
        return Outcome<bool>.Ok(true);
    }

    // The payload with one step's answers in it, or what is wrong with them.
    private Outcome<GrudgePayload> Apply(GrudgePayload payload, GrudgeStep step, string? text, string? second, string? decision)
    {
        var first = text?.Trim() ?? "";
        var other = second?.Trim() ?? "";
        var label = content.GrudgeStep(step).TextLabel;
        var max = step == GrudgeStep.Letter ? Grudge.LetterMaxLength : Grudge.TextMaxLength;
        if (step == GrudgeStep.Decide && (decision is null || !LettingGoRules.Decisions.Contains(decision)))
        {
            return Outcome<GrudgePayload>.Fail(Text.Of("Please choose one answer; \"not yet\" and \"I don't know yet\" are fine."));
        }

        if ((step != GrudgeStep.Decide || first.Length > 0) && TalkText.Problem(first, max) is { } problem)
        {
            return Outcome<GrudgePayload>.Fail(first.Length == 0 ? Text.Of("Please write something for \"{0}\".", label) : problem);
        }

        if (step == GrudgeStep.Name && TalkText.Problem(other, max) is { } secondProblem)
        {
            return Outcome<GrudgePayload>.Fail(other.Length == 0 ? Text.Of("Please write something for \"{0}\".", content.GrudgeStep(step).SecondLabel) : secondProblem);
        }

        var words = first.Length == 0 ? null : first;
        return Outcome<GrudgePayload>.Ok(step switch
        {
            GrudgeStep.Name => payload with { Hurt = words, Cost = other },
            GrudgeStep.Decide => payload with { Decision = decision, DecisionNote = words },
            GrudgeStep.Context => payload with { Context = words },
            _ => payload with { Letter = words },
        });
    }

    private async Task<Grudge?> MineAsync(Guid id, CancellationToken cancellationToken)
    {
        var memberId = current.RequiredMemberId;
        return await db.Grudges.FirstOrDefaultAsync(g => g.Id == id && g.OwnerId == memberId, cancellationToken);
    }

    private async Task<SealedText> SealAsync(Grudge grudge, GrudgePayload payload, CancellationToken cancellationToken) =>
        await sealer.SealAsync(JsonSerializer.Serialize(payload, Repairs.Json), grudge.PlaceOf(nameof(Grudge.Entry)), cancellationToken);

    private async Task<GrudgeView> ViewAsync(Grudge grudge, CancellationToken cancellationToken)
    {
        var json = await sealer.OpenAsync(grudge.Entry, grudge.PlaceOf(nameof(Grudge.Entry)), cancellationToken);
        var payload = json is null ? Empty : JsonSerializer.Deserialize<GrudgePayload>(json, Repairs.Json)!;
        return new GrudgeView(grudge.Id, payload, grudge.Step, grudge.StartedAt, grudge.ArchivedAt);
    }
}
