using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// Answers today's question, edits the answer, or passes on it. Editing is open until both partners
/// have answered; then both answers are locked. A pass does not unlock the partner's answer (its
/// prompt key is not the question's), and can be turned into an answer until the lock.
/// </summary>
public sealed class AnswerDailyQuestion(
    AppDbContext db,
    CurrentMember current,
    TodaysQuestion today,
    Sealer sealer,
    NoticeOutbox notices,
    TimeProvider clock,
    ILogger<AnswerDailyQuestion> logger)
{
    public async Task<Outcome<bool>> HandleAsync(Guid questionRowId, string? text, bool pass, CancellationToken cancellationToken = default)
    {
        var answer = text?.Trim() ?? "";
        if (!pass && TalkText.Problem(answer, DailyAnswer.MaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        var view = await today.HandleAsync(cancellationToken);
        if (view is null || view.QuestionRowId != questionRowId)
        {
            // Only today's question takes answers; an old page or another couple's id lands here.
            return Outcome<bool>.Fail(Text.Of("This question is no longer open. Here is today's."));
        }

        if (!view.CanEdit)
        {
            return Outcome<bool>.Fail(Text.Of("You've both answered, so these answers are kept as they are. You can still add a reply."));
        }

        var viewer = await current.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        // The lock is checked again inside a transaction that holds the couple: an edit racing the
        // partner's answer either lands before the reveal or is refused, never after it.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, viewer.CoupleId!.Value, cancellationToken);
        var answered = await db.DailyAnswers.CountAsync(a => a.DailyQuestionId == questionRowId && !a.Skipped, cancellationToken);
        if (answered >= 2)
        {
            return Outcome<bool>.Fail(Text.Of("You've both answered, so these answers are kept as they are. You can still add a reply."));
        }

        var row = await db.DailyAnswers.FirstOrDefaultAsync(a => a.DailyQuestionId == questionRowId && a.OwnerId == viewer.MemberId, cancellationToken);
        if (row is null)
        {
            row = new DailyAnswer { Id = Guid.NewGuid(), DailyQuestionId = questionRowId, OwnerId = viewer.MemberId, CoupleId = viewer.CoupleId, AnsweredAt = now };
            db.DailyAnswers.Add(row);
        }

        row.Skipped = pass;
        row.PromptKey = pass ? "pass:" + questionRowId.ToString("N") : "daily:" + questionRowId.ToString("N");
        row.Text = pass ? null : await sealer.SealAsync(answer, row.PlaceOf(nameof(DailyAnswer.Text)), cancellationToken);
        row.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome<bool>.Fail(Text.Of("Your answer was being saved from another window at the same moment. Please look again."));
        }

        logger.LogInformation("Member {MemberId} {Action} daily question {QuestionId}", viewer.MemberId, pass ? "passed on" : "answered", questionRowId);
        // Sent for a pass as for an answer, so whether an email arrives says nothing about which it was.
        if (!view.PartnerResponded && await current.PartnerIdAsync(cancellationToken) is { } partnerId)
        {
            await notices.QueueAsync(partnerId, NoticeKind.PartnerAnswered, $"answered:{questionRowId:N}:{partnerId:N}", cancellationToken);
        }

        return Outcome<bool>.Ok(true);
    }
}

/// <summary>A short reply and a reaction to the partner's answer, once both have answered.</summary>
public sealed class ReplyToAnswer(AppDbContext db, CurrentMember current, TodaysQuestion questions, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<bool>> HandleAsync(Guid questionRowId, string? reply, Reaction reaction, CancellationToken cancellationToken = default)
    {
        var text = reply?.Trim() ?? "";
        if (text.Length > 0 && TalkText.Problem(text, DailyAnswer.ReplyMaxLength) is { } problem)
        {
            return Outcome<bool>.Fail(problem);
        }

        if (!Enum.IsDefined(reaction))
        {
            return Outcome<bool>.Fail(Text.Of("Please choose one of the reactions shown."));
        }

        var view = await questions.ViewOfAsync(questionRowId, cancellationToken);
        if (view is null || !view.Revealed)
        {
            return Outcome<bool>.Fail(Text.Of("Replies open once you have both answered."));
        }

        var memberId = current.RequiredMemberId;
        var row = await db.DailyAnswers.FirstAsync(a => a.DailyQuestionId == questionRowId && a.OwnerId == memberId, cancellationToken);
        row.Reply = text.Length == 0 ? null : await sealer.SealAsync(text, row.PlaceOf(nameof(DailyAnswer.Reply)), cancellationToken);
        row.Reaction = reaction;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}

/// <summary>The one rule for text a member writes to their partner here.</summary>
public static class TalkText
{
    public static string? Problem(string text, int max)
    {
        if (text.Length == 0)
        {
            return Text.Of("Write something first, or pass on this one.");
        }

        if (text.Length > max)
        {
            return Text.Of("Please keep it to {0} characters or fewer.", max);
        }

        return text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || text.Any(char.IsSurrogate) && !IsWellFormed(text)
            ? Text.Of("Some characters in your text can't be saved. Please remove them and try again.")
            : null;
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
