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

/// <summary>One step as the member sees it: their own entry, and their partner's only once both have written.</summary>
public sealed record StepView(
    RepairStep Step,
    EntryPayload? Mine,
    EntryPayload? Theirs,
    bool PartnerDone,
    HeardAnswer? MyAnswer = null,
    HeardAnswer? TheirAnswer = null
)
{
    public bool Revealed => Mine is not null && Theirs is not null;
}

/// <summary>
/// On "what you heard": what the entry's author said of what their partner heard of them. <see cref="Reply"/> is null before they
/// answer, and again after the partner tried once more (<see cref="Missed"/>, their earlier line, is then kept).
/// </summary>
public sealed record HeardAnswer(HeardReply? Reply, string? Missed);

public sealed record RepairView(
    Guid Id,
    string Title,
    bool OpenedByMe,
    DateTime OpenedAt,
    RepairStep Current,
    bool Answering,
    bool Paused,
    bool MeCalm,
    bool PartnerCalm,
    DateTime? CompletedAt,
    DateTime? FollowUpDueAt,
    bool FollowUpDue,
    bool SetAside,
    int Revision,
    IReadOnlyList<StepView> Steps
)
{
    public StepView Of(RepairStep step) => Steps.First(s => s.Step == step);

    public bool Closed => SetAside || CompletedAt is not null;
}

/// <summary>A repair in the hub's list: whether the member has something to do in it.</summary>
public sealed record RepairSummary(
    Guid Id,
    string Title,
    DateTime OpenedAt,
    RepairStep Current,
    bool MyTurn,
    bool FollowUpWaiting,
    bool SetAside
);

public enum RepairAction
{
    Calm,
    Pause,
    SetAside,
}

/// <summary>What a member typed for one step, before it is checked.</summary>
public sealed record StepInput(IReadOnlyList<string> Feelings, string? Text, string? Second, string? Choice);

/// <summary>
/// What the repair use cases share, with no use case of its own: opening sealed entries and titles,
/// checking a step's input, and changing one of the couple's repairs. Every change happens with the
/// couple's row locked and the repair's revision as a concurrency token, so two partners pressing at
/// once take turns. Everything starts from <see cref="CurrentMember"/>: another couple's repair is simply not found.
/// </summary>
public sealed class RepairStore(
    AppDbContext db,
    CurrentMember current,
    Resting safety,
    RepairContent content,
    Sealer sealer,
    TimeProvider clock
)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal DateTime Now => clock.GetUtcNow().UtcDateTime;

    internal static Problem NotYours() => Problem.NotFound(Text.Of("That repair is not in your space."));

    internal async Task<EntryPayload?> OpenAsync(IncidentEntry entry, CancellationToken cancellationToken) =>
        await sealer.OpenAsync(entry.Entry, entry.PlaceOf(nameof(IncidentEntry.Entry)), cancellationToken) is { } json
            ? JsonSerializer.Deserialize<EntryPayload>(json, Json)
            : null;

    /// <summary>The author's answer on their "heard" entry, or null when there is none (nor an earlier line).</summary>
    internal async Task<HeardAnswer?> AnswerAsync(IncidentEntry entry, CancellationToken cancellationToken)
    {
        var missed = entry.Missed is null
            ? null
            : await sealer.OpenAsync(entry.Missed, entry.PlaceOf(nameof(IncidentEntry.Missed)), cancellationToken);
        return entry.Reply is null && missed is null ? null : new HeardAnswer(entry.Reply, missed);
    }

    internal async Task<string> TitleAsync(Incident incident, CancellationToken cancellationToken) =>
        await sealer.OpenAsync(incident.Title, incident.PlaceOf(nameof(Incident.Title)), cancellationToken) ?? "";

    /// <summary>The input as it will be stored, or what is wrong with it, about its field (checked before anything is read or
    /// written).</summary>
    internal Outcome<EntryPayload> Check(RepairStep step, StepInput input)
    {
        if (!RepairRules.Steps.Contains(step) && step != RepairStep.FollowUp)
        {
            return Problem.Invalid("step", Text.Of("That step isn't one this page knows. Here is where you are."));
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
            return Problem.Invalid("feelings", Text.Of("Please choose at least one feeling from the list."));
        }

        if (step == RepairStep.FollowUp && (input.Choice is null || !RepairRules.FollowUpChoices.Contains(input.Choice)))
        {
            return Problem.Invalid("choice", Text.Of("Please choose how it has gone for you."));
        }

        var textOptional = step is RepairStep.Feelings or RepairStep.FollowUp;
        if ((text.Length > 0 || !textOptional) && TalkText.Problem(text, IncidentEntry.TextMaxLength) is { } problem)
        {
            return Problem.Invalid(
                "text",
                text.Length == 0 ? Text.Of("Please write something for \"{0}\".", content.Step(step).TextLabel) : problem
            );
        }

        if (RepairRules.HasSecondText(step) && TalkText.Problem(second, IncidentEntry.TextMaxLength) is { } secondProblem)
        {
            return Problem.Invalid(
                "second",
                second.Length == 0 ? Text.Of("Please write something for \"{0}\".", content.Step(step).SecondLabel) : secondProblem
            );
        }

        return Outcome<EntryPayload>.Ok(
            new EntryPayload(
                step == RepairStep.Feelings ? feelings : [],
                text.Length == 0 ? null : text,
                RepairRules.HasSecondText(step) ? second : null,
                step == RepairStep.FollowUp ? input.Choice : null
            )
        );
    }

    /// <summary>Writes (or, until the partner has written theirs, rewrites) the member's entry for a step or the follow-up.</summary>
    internal async Task<Outcome<bool>> WriteAsync(Guid id, RepairStep step, StepInput input, CancellationToken cancellationToken)
    {
        var checkedInput = Check(step, input);
        if (!checkedInput.Succeeded)
        {
            return checkedInput.As<bool>();
        }

        return await ChangeAsync(
            id,
            true,
            async (incident, state, member) =>
            {
                if (RepairRules.CanWrite(state, member, step) is { } problem)
                {
                    return Problem.Invalid("step", problem);
                }

                var key = IncidentEntry.KeyFor(incident.Id, step);
                var mine = await db.IncidentEntries.FirstOrDefaultAsync(
                    e => e.IncidentId == incident.Id && e.OwnerId == member && e.PromptKey == key,
                    cancellationToken
                );
                if (mine is null)
                {
                    mine = new IncidentEntry
                    {
                        Id = Guid.NewGuid(),
                        IncidentId = incident.Id,
                        OwnerId = member,
                        CoupleId = incident.CoupleId,
                        PromptKey = key,
                        Step = step,
                    };
                    db.IncidentEntries.Add(mine);
                }

                mine.Entry = await sealer.SealAsync(
                    JsonSerializer.Serialize(checkedInput.Value!, Json),
                    mine.PlaceOf(nameof(IncidentEntry.Entry)),
                    cancellationToken
                );
                mine.WrittenAt = Now;
                if (step == RepairStep.Heard && RepairRules.Revealed(state, step))
                {
                    // A new try after "some of it got missed": the partner answers again; their line stays for context.
                    var partner = RepairRules.PartnerOf(state, member);
                    var theirs = await db.IncidentEntries.FirstAsync(
                        e => e.IncidentId == incident.Id && e.OwnerId == partner && e.PromptKey == key,
                        cancellationToken
                    );
                    theirs.Reply = null;
                }

                var after = state with { Written = state.Written.Append((member, step)).ToHashSet() };
                if (step != RepairStep.FollowUp && RepairRules.Current(after) == RepairStep.Done)
                {
                    // The plan is shared by both: the repair is complete, and the follow-up is a week away.
                    incident.CompletedAt = Now;
                }

                return null;
            },
            cancellationToken
        );
    }

    /// <summary>The member says whether their partner heard them; "some of it got missed" may carry a short line, sealed.</summary>
    internal Task<Outcome<bool>> ReplyAsync(Guid id, HeardReply reply, string? missed, CancellationToken cancellationToken) =>
        ChangeAsync(
            id,
            true,
            async (incident, state, member) =>
            {
                if (RepairRules.CanReply(state, member) is { } problem)
                {
                    return Problem.Invalid("reply", problem);
                }

                var key = IncidentEntry.KeyFor(incident.Id, RepairStep.Heard);
                var mine = await db.IncidentEntries.FirstAsync(
                    e => e.IncidentId == incident.Id && e.OwnerId == member && e.PromptKey == key,
                    cancellationToken
                );
                mine.Reply = reply;
                mine.Missed =
                    reply == HeardReply.Missed && missed is not null
                        ? await sealer.SealAsync(missed, mine.PlaceOf(nameof(IncidentEntry.Missed)), cancellationToken)
                        : null;
                return null;
            },
            cancellationToken
        );

    internal Task<Outcome<bool>> ChangeAsync(
        Guid id,
        bool restsWhenResting,
        Func<Incident, RepairState, Guid, Problem?> change,
        CancellationToken cancellationToken
    ) =>
        ChangeAsync(id, restsWhenResting, (incident, state, member) => Task.FromResult(change(incident, state, member)), cancellationToken);

    // Read, change and save one of the couple's repairs with the couple locked. A resting member may
    // still pause or set a repair aside, never go on with one.
    internal async Task<Outcome<bool>> ChangeAsync(
        Guid id,
        bool restsWhenResting,
        Func<Incident, RepairState, Guid, Task<Problem?>> change,
        CancellationToken cancellationToken
    )
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return NotYours();
        }

        if (restsWhenResting && await safety.RefusalAsync(content.Resting, evenWhenPartnerAway: false, cancellationToken) is { } resting)
        {
            return Problem.Resting(resting);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == id && i.CoupleId == coupleId, cancellationToken);
        if (incident is null)
        {
            return NotYours();
        }

        var written = await db
            .IncidentEntries.AsNoTracking()
            .Where(e => e.IncidentId == id)
            .Select(e => new
            {
                e.OwnerId,
                e.Step,
                e.Reply,
            })
            .ToListAsync(cancellationToken);
        if (
            await change(incident, RepairState.Of(incident, written.Select(w => (w.OwnerId, w.Step, w.Reply))), viewer.MemberId) is
            { } problem
        )
        {
            return problem;
        }

        incident.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Problem.Conflict(Text.Of("Your partner changed this repair at the same moment. Here is where you are now."));
        }

        return Outcome<bool>.Ok(true);
    }
}
