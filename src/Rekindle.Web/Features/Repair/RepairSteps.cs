using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Safety;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Repair;

public enum RepairAction
{
    Calm,
    Pause,
    SetAside,
}

/// <summary>What a member typed for one step, before it is checked.</summary>
public sealed record StepInput(IReadOnlyList<string> Feelings, string? Text, string? Second, string? Choice);

/// <summary>
/// Changing a repair: opening one, saying "I'm calm enough", pausing, setting it aside, and writing
/// a step or the follow-up. Every change happens with the couple's row locked and the repair's
/// revision as a concurrency token, so two partners pressing at once take turns; buttons carry the
/// revision the page showed, so a stale page is told that things moved on.
/// </summary>
public sealed class RepairSteps(AppDbContext db, CurrentMember current, Resting safety, RepairContent content, Sealer sealer, TimeProvider clock, ILogger<RepairSteps> logger)
{
    public const int MaxOpen = 5;

    public async Task<Outcome<Guid>> OpenAsync(string? title, bool calm, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId || await current.PartnerIdAsync(cancellationToken) is not { } partnerId)
        {
            return Outcome<Guid>.Fail(Text.Of("A repair is for the two of you: once your partner has joined your couple space, you can open one."));
        }

        // Nothing new for two while either rests; the partner is told the same neutral words whatever the reason.
        if (await safety.RefusalAsync(content.Resting, evenWhenPartnerAway: true, cancellationToken) is { } resting)
        {
            return Outcome<Guid>.Fail(resting);
        }

        var name = title?.Trim() ?? "";
        if (TalkText.Problem(name, Incident.TitleMaxLength) is { } problem)
        {
            return Outcome<Guid>.Fail(name.Length == 0 ? Text.Of("Give it a short name you'll both recognise, for example \"Saturday's argument about the car\".") : problem);
        }

        var incident = new Incident
        {
            Id = Guid.NewGuid(), CoupleId = coupleId, OpenedBy = viewer.MemberId, PartnerId = partnerId, OpenedAt = Now, OpenerCalm = calm, Revision = 1,
        };
        incident.Title = await sealer.SealAsync(name, incident.PlaceOf(nameof(Incident.Title)), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (await db.Incidents.CountAsync(i => i.CoupleId == coupleId && i.CompletedAt == null && i.SetAsideAt == null, cancellationToken) >= MaxOpen)
        {
            return Outcome<Guid>.Fail(Text.Of("You have {0} repairs open already. Finish or set one aside before opening another.", MaxOpen));
        }

        db.Incidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} opened repair {IncidentId}", viewer.MemberId, incident.Id);
        return Outcome<Guid>.Ok(incident.Id);
    }

    public Task<Outcome<bool>> ActAsync(Guid id, RepairAction action, int revision, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, action == RepairAction.Calm, (incident, _, member) =>
        {
            if (incident.Revision != revision)
            {
                return Text.Of("Things moved on while this page was open. Here is where you are now.");
            }

            return action switch
            {
                RepairAction.Calm => RepairRules.Calm(incident, member),
                RepairAction.Pause => RepairRules.Pause(incident, member, Now),
                _ => RepairRules.SetAside(incident, member, Now),
            };
        }, cancellationToken);

    /// <summary>Writes (or, until the partner has written theirs, rewrites) the member's entry for a step.</summary>
    public async Task<Outcome<bool>> WriteAsync(Guid id, RepairStep step, StepInput input, CancellationToken cancellationToken = default)
    {
        var checkedInput = Check(step, input);
        if (!checkedInput.Succeeded)
        {
            return Outcome<bool>.Fail(checkedInput.Error!);
        }

        return await ChangeAsync(id, true, async (incident, state, member) =>
        {
            if (RepairRules.CanWrite(state, member, step) is { } problem)
            {
                return problem;
            }

            var key = IncidentEntry.KeyFor(incident.Id, step);
            var mine = await db.IncidentEntries.FirstOrDefaultAsync(e => e.IncidentId == incident.Id && e.OwnerId == member && e.PromptKey == key, cancellationToken);
            if (mine is null)
            {
                mine = new IncidentEntry { Id = Guid.NewGuid(), IncidentId = incident.Id, OwnerId = member, CoupleId = incident.CoupleId, PromptKey = key, Step = step };
                db.IncidentEntries.Add(mine);
            }

            mine.Entry = await sealer.SealAsync(JsonSerializer.Serialize(checkedInput.Value!, Repairs.Json), mine.PlaceOf(nameof(IncidentEntry.Entry)), cancellationToken);
            mine.WrittenAt = Now;
            var after = state with { Written = state.Written.Append((member, step)).ToHashSet() };
            if (step != RepairStep.FollowUp && RepairRules.Current(after) == RepairStep.Done)
            {
                // The plan is shared by both: the repair is complete, and the follow-up is a week away.
                incident.CompletedAt = Now;
            }

            return null;
        }, cancellationToken);
    }

    /// <summary>The input as it will be stored, or what is wrong with it (checked before anything is read or written).</summary>
    public Outcome<EntryPayload> Check(RepairStep step, StepInput input)
    {
        if (!RepairRules.Steps.Contains(step) && step != RepairStep.FollowUp)
        {
            return Outcome<EntryPayload>.Fail(Text.Of("That step isn't one this page knows. Here is where you are."));
        }

        if (RepairRules.MayLeaveForNow(step) && input.Choice == RepairRules.LeftForNow)
        {
            // "Not mine to answer now": no words needed, and none kept.
            return Outcome<EntryPayload>.Ok(EntryPayload.Empty with { Choice = RepairRules.LeftForNow });
        }

        var text = input.Text?.Trim() ?? "";
        var second = input.Second?.Trim() ?? "";
        var feelings = input.Feelings.Distinct().ToList();
        if (step == RepairStep.Feelings && (feelings.Count == 0 || feelings.Any(f => content.Feelings.All(k => k.Key != f))))
        {
            return Outcome<EntryPayload>.Fail(Text.Of("Please choose at least one feeling from the list."));
        }

        if (step == RepairStep.FollowUp && (input.Choice is null || !RepairRules.FollowUpChoices.Contains(input.Choice)))
        {
            return Outcome<EntryPayload>.Fail(Text.Of("Please choose how it has gone for you."));
        }

        var textOptional = step is RepairStep.Feelings or RepairStep.FollowUp;
        if ((text.Length > 0 || !textOptional) && TalkText.Problem(text, IncidentEntry.TextMaxLength) is { } problem)
        {
            return Outcome<EntryPayload>.Fail(text.Length == 0 ? Text.Of("Please write something for \"{0}\".", content.Step(step).TextLabel) : problem);
        }

        if (RepairRules.HasSecondText(step) && TalkText.Problem(second, IncidentEntry.TextMaxLength) is { } secondProblem)
        {
            return Outcome<EntryPayload>.Fail(second.Length == 0 ? Text.Of("Please write something for \"{0}\".", content.Step(step).SecondLabel) : secondProblem);
        }

        return Outcome<EntryPayload>.Ok(new EntryPayload(
            step == RepairStep.Feelings ? feelings : [],
            text.Length == 0 ? null : text,
            RepairRules.HasSecondText(step) ? second : null,
            step == RepairStep.FollowUp ? input.Choice : null));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<Outcome<bool>> ChangeAsync(Guid id, bool restsWhenResting, Func<Incident, RepairState, Guid, string?> change, CancellationToken cancellationToken) =>
        ChangeAsync(id, restsWhenResting, (incident, state, member) => Task.FromResult(change(incident, state, member)), cancellationToken);

    // Read, change and save one of the couple's repairs with the couple locked. A resting member may
    // still pause or set a repair aside, never go on with one.
    private async Task<Outcome<bool>> ChangeAsync(Guid id, bool restsWhenResting, Func<Incident, RepairState, Guid, Task<string?>> change, CancellationToken cancellationToken)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return Outcome<bool>.Fail(Text.Of("That repair is not in your space."));
        }

        if (restsWhenResting && await safety.RefusalAsync(content.Resting, evenWhenPartnerAway: false, cancellationToken) is { } resting)
        {
            return Outcome<bool>.Fail(resting);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id && i.CoupleId == coupleId, cancellationToken);
        if (incident is null)
        {
            return Outcome<bool>.Fail(Text.Of("That repair is not in your space."));
        }

        var written = await db.IncidentEntries.AsNoTracking().Where(e => e.IncidentId == id).Select(e => new { e.OwnerId, e.Step }).ToListAsync(cancellationToken);
        if (await change(incident, RepairState.Of(incident, written.Select(w => (w.OwnerId, w.Step))), viewer.MemberId) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        incident.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<bool>.Fail(Text.Of("Your partner changed this repair at the same moment. Here is where you are now."));
        }

        return Outcome<bool>.Ok(true);
    }
}
