using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Understand;

/// <summary>
/// One part's answers: question id → the position of the chosen answer. Continue: false saves them for later; true needs every question of
/// the part.
/// Skip: leave this part for later (only the safety part; nothing of it is kept). AttemptId may name the check the page was showing, or the
/// latest
/// finished check whose safety part was skipped (results: latest.safetySkipped), to answer that part now. The check page posts the same
/// record.
/// </summary>
public sealed record CheckPartRequest(IReadOnlyDictionary<string, int?>? Answers, bool Continue, Guid? AttemptId, bool Skip = false);

/// <summary>Where to go next: the next part with open questions, or the results once the check is finished.</summary>
public sealed record CheckPartSaved(bool Finished, string? NextSection);

/// <summary>
/// Saves one part of the Rough Patch Check. Partial answers are kept (sealed) so the member can stop
/// at any point and pick up later; "continue" needs every question of the part answered. When the
/// last open question is answered, the check is scored and finished; until then it is never scored.
/// The safety part may be skipped (decisions/0028): nothing of it is kept, the check can finish, and the
/// concern the member had before stays as it was. Its questions can then be answered later for that
/// same finished check, which is scored again.
/// </summary>
public sealed class SaveCheckPart(
    AppDbContext db,
    CurrentMember current,
    CheckContent content,
    MyChecks checks,
    Sealer sealer,
    TimeProvider clock,
    ILogger<SaveCheckPart> logger
)
{
    /// <summary>An answer that is not one of those shown (also what the page says when a posted answer is not a number at all).</summary>
    public static Problem UnknownAnswer() =>
        Problem.Invalid("answers", Text.Of("Please choose one of the answers shown for each question."));

    public async Task<Outcome<CheckPartSaved>> HandleAsync(
        string part,
        CheckPartRequest input,
        CancellationToken cancellationToken = default
    )
    {
        if (!content.ItemsBySection.TryGetValue(part, out var items))
        {
            return Problem.NotFound(Text.Of("That part of the check doesn't exist. Please start again from the check's first page."));
        }

        var section = content.Section(part);
        if (input.Skip && !CheckScoring.MayBeSkipped(section))
        {
            return Problem.Invalid("skip", Text.Of("This part can't be skipped. Please answer it, or save it and come back later."));
        }

        var chosenAnswers = input.Answers ?? new Dictionary<string, int?>();
        var given = new Dictionary<string, int>();
        foreach (var item in input.Skip ? [] : items)
        {
            if (!chosenAnswers.TryGetValue(item.Id, out var chosen) || chosen is not { } value)
            {
                continue;
            }

            if (value is < 0 or > CheckContent.MaxAnswer)
            {
                return UnknownAnswer();
            }

            given[item.Id] = value;
        }

        if (input.Skip)
        {
            // Nothing of a skipped part is kept: each of its questions holds the "left for later" mark.
            foreach (var item in items)
            {
                given[item.Id] = CheckContent.Skipped;
            }
        }
        else if (input.Continue && given.Count < items.Count)
        {
            return Problem.Invalid("answers", Text.Of("Please answer every question in this part, or save it and come back later."));
        }

        var memberId = current.RequiredMemberId;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.CheckAttempts.FirstOrDefaultAsync(c => c.OwnerId == memberId && c.CompletedAt == null, cancellationToken);
        var finished =
            row is null && input.AttemptId is not null && CheckScoring.MayBeSkipped(section)
                ? await LatestFinishedAsync(memberId, cancellationToken)
                : null;
        if (finished is { } late && late.Row.Id == input.AttemptId && late.Scores.SafetySkipped)
        {
            return await AnswerLaterAsync(late.Row, input, given, items.Count, now, cancellationToken);
        }

        if (
            input.AttemptId is { } posted
            && row?.Id != posted
            && await db.CheckAttempts.AnyAsync(c => c.Id == posted && c.OwnerId == memberId && c.CompletedAt != null, cancellationToken)
        )
        {
            // Sent twice (a double tap on "Finish"): that check is already finished; nothing new starts.
            return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(true, null));
        }

        Dictionary<string, int> answers;
        if (row is null)
        {
            row = new CheckAttempt
            {
                Id = Guid.NewGuid(),
                OwnerId = memberId,
                StartedAt = now,
            };
            db.CheckAttempts.Add(row);
            answers = [];
        }
        else
        {
            answers = await checks.AnswersOfAsync(row, cancellationToken);
        }

        foreach (var (id, value) in given)
        {
            answers[id] = value;
        }

        row.Answers = await sealer.SealAsync(
            JsonSerializer.Serialize(answers, MyChecks.Json),
            row.PlaceOf(nameof(CheckAttempt.Answers)),
            cancellationToken
        );
        row.UpdatedAt = now;

        var goOn = input.Continue || input.Skip;
        var result =
            goOn && CheckScoring.Missing(content, answers).Count == 0
                ? CheckScoring.Score(content, answers, await ConcernBeforeAsync(memberId, answers, cancellationToken))
                : null;
        if (result is not null)
        {
            row.Scores = await sealer.SealAsync(
                JsonSerializer.Serialize(result, MyChecks.Json),
                row.PlaceOf(nameof(CheckAttempt.Scores)),
                cancellationToken
            );
            row.CompletedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second tab started a check at the same moment: the member's answers are there; ask them to go on from it.
            return Problem.Conflict(
                Text.Of("Your check was being saved from another window at the same moment. Please open the check again to carry on.")
            );
        }

        if (result is not null)
        {
            logger.LogInformation("Member {MemberId} finished check {CheckId}", memberId, row.Id);
            return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(true, null));
        }

        return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(false, NextOpenSection(answers, part)));
    }

    /// <summary>The safety part of a finished check, answered later: kept and scored again, or skipped again (nothing changes).</summary>
    private async Task<Outcome<CheckPartSaved>> AnswerLaterAsync(
        CheckAttempt row,
        CheckPartRequest input,
        Dictionary<string, int> given,
        int needed,
        DateTime now,
        CancellationToken cancellationToken
    )
    {
        if (input.Skip)
        {
            return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(true, null));
        }

        if (given.Count < needed)
        {
            return Problem.Invalid("answers", Text.Of("Please answer every question in this part, or leave it for later."));
        }

        var answers = await checks.AnswersOfAsync(row, cancellationToken);
        foreach (var (id, value) in given)
        {
            answers[id] = value;
        }

        // Every safety answer is given now, so nothing carries over from before.
        var result = CheckScoring.Score(content, answers);
        if (result is null)
        {
            return Problem.Invalid("answers", Text.Of("Please answer every question in this part, or leave it for later."));
        }

        row.Answers = await sealer.SealAsync(
            JsonSerializer.Serialize(answers, MyChecks.Json),
            row.PlaceOf(nameof(CheckAttempt.Answers)),
            cancellationToken
        );
        row.Scores = await sealer.SealAsync(
            JsonSerializer.Serialize(result, MyChecks.Json),
            row.PlaceOf(nameof(CheckAttempt.Scores)),
            cancellationToken
        );
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} answered the part left for later of check {CheckId}", row.OwnerId, row.Id);
        return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(true, null));
    }

    /// <summary>The member's latest finished check and its scores, or null.</summary>
    private async Task<(CheckAttempt Row, CheckResult Scores)?> LatestFinishedAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var row = await db
            .CheckAttempts.Where(c => c.OwnerId == memberId && c.CompletedAt != null)
            .OrderByDescending(c => c.CompletedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return row is not null && await checks.ScoresOfAsync(row, cancellationToken) is { } scores ? (row, scores) : null;
    }

    /// <summary>Only when the safety part was skipped: whether the check before stood at a concern, so the skip changes nothing.</summary>
    private async Task<bool> ConcernBeforeAsync(Guid memberId, Dictionary<string, int> answers, CancellationToken cancellationToken) =>
        answers.ContainsValue(CheckContent.Skipped)
        && (await LatestFinishedAsync(memberId, cancellationToken))?.Scores.SafetyConcern == true;

    /// <summary>The first part after this one with open questions, wrapping round; null when none is open.</summary>
    public string? NextOpenSection(IReadOnlyDictionary<string, int> answers, string after)
    {
        var sections = content.Sections.ToList();
        var start = sections.FindIndex(s => s.Key == after);
        for (var step = 1; step <= sections.Count; step++)
        {
            var section = sections[(start + step) % sections.Count];
            if (content.ItemsBySection[section.Key].Any(i => !answers.ContainsKey(i.Id)))
            {
                return section.Key;
            }
        }

        return null;
    }
}
