using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Understand;

/// <summary>
/// What a member sent for one part of the check: item id → the value of the chosen answer, and the
/// check the page was showing (<see cref="AttemptId"/>), if one was in progress then.
/// </summary>
public sealed record CheckPartInput(string Section, IReadOnlyDictionary<string, string?> Answers, bool Continue, Guid? AttemptId = null);

/// <summary>Where to go next: the next part with open questions, or the results once the check is finished.</summary>
public sealed record CheckPartSaved(bool Finished, string? NextSection);

/// <summary>
/// Saves one part of the Rough Patch Check. Partial answers are kept (sealed) so the member can stop
/// at any point and pick up later; "continue" needs every question of the part answered. When the
/// last open question is answered, the check is scored and finished; until then it is never scored.
/// </summary>
public sealed class SaveCheckPart(AppDbContext db, CurrentMember current, CheckContent content, MyChecks checks, Sealer sealer, TimeProvider clock, ILogger<SaveCheckPart> logger)
{
    public async Task<Outcome<CheckPartSaved>> HandleAsync(CheckPartInput input, CancellationToken cancellationToken = default)
    {
        if (!content.ItemsBySection.TryGetValue(input.Section, out var items))
        {
            return Outcome<CheckPartSaved>.Fail(Text.Of("That part of the check doesn't exist. Please start again from the check's first page."));
        }

        var given = new Dictionary<string, int>();
        foreach (var item in items)
        {
            if (!input.Answers.TryGetValue(item.Id, out var raw) || string.IsNullOrEmpty(raw))
            {
                continue;
            }

            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > CheckContent.MaxAnswer)
            {
                return Outcome<CheckPartSaved>.Fail(Text.Of("Please choose one of the answers shown for each question."));
            }

            given[item.Id] = value;
        }

        if (input.Continue && given.Count < items.Count)
        {
            return Outcome<CheckPartSaved>.Fail(Text.Of("Please answer every question in this part, or save it and come back later."));
        }

        var memberId = current.RequiredMemberId;
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.CheckAttempts.FirstOrDefaultAsync(c => c.OwnerId == memberId && c.CompletedAt == null, cancellationToken);
        if (input.AttemptId is { } posted && row?.Id != posted
            && await db.CheckAttempts.AnyAsync(c => c.Id == posted && c.OwnerId == memberId && c.CompletedAt != null, cancellationToken))
        {
            // Sent twice (a double tap on "Finish"): that check is already finished; nothing new starts.
            return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(true, null));
        }

        Dictionary<string, int> answers;
        if (row is null)
        {
            row = new CheckAttempt { Id = Guid.NewGuid(), OwnerId = memberId, StartedAt = now };
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

        row.Answers = await sealer.SealAsync(JsonSerializer.Serialize(answers, MyChecks.Json), row.PlaceOf(nameof(CheckAttempt.Answers)), cancellationToken);
        row.UpdatedAt = now;

        var result = input.Continue ? CheckScoring.Score(content, answers) : null;
        if (result is not null)
        {
            row.Scores = await sealer.SealAsync(JsonSerializer.Serialize(result, MyChecks.Json), row.PlaceOf(nameof(CheckAttempt.Scores)), cancellationToken);
            row.CompletedAt = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second tab started a check at the same moment: the member's answers are there; ask them to go on from it.
            return Outcome<CheckPartSaved>.Fail(Text.Of("Your check was being saved from another window at the same moment. Please open the check again to carry on."));
        }

        if (result is not null)
        {
            logger.LogInformation("Member {MemberId} finished check {CheckId}", memberId, row.Id);
            return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(true, null));
        }

        return Outcome<CheckPartSaved>.Ok(new CheckPartSaved(false, NextOpenSection(answers, input.Section)));
    }

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
