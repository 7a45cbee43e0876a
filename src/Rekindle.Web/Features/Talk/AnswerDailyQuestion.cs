using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Jobs;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>An answer to today's question (or a pass on it): the question's id, so a page left open from yesterday is told, not saved into
/// today.</summary>
public sealed record AnswerRequest(Guid QuestionId, string? Text, bool Pass);

/// <summary>
/// Answers today's question, edits the answer, or passes on it. Editing is open until both partners
/// have answered; then both answers are locked. A pass does not unlock the partner's answer (its
/// prompt key is not the question's), and can be turned into an answer until the lock. Gives the day
/// as the member now sees it, so a caller need not work out today's question again (issue 23, item 8).
/// </summary>
public sealed class AnswerDailyQuestion(
    AppDbContext db,
    CurrentMember current,
    TodaysQuestion today,
    Sealer sealer,
    NoticeOutbox notices,
    TimeProvider clock,
    ILogger<AnswerDailyQuestion> logger
)
{
    public async Task<Outcome<DailyView>> HandleAsync(AnswerRequest request, CancellationToken cancellationToken = default)
    {
        // Today's question is worked out once per answer: it is the one call that may create the day's row.
        var view = await today.HandleAsync(cancellationToken);
        if (view is null)
        {
            return Problem.NotFound(Text.Of("Start or join a couple space first."));
        }

        if (view.QuestionRowId != request.QuestionId)
        {
            // Only today's question of the member's own couple takes answers; an old page or another couple's id lands here.
            return Problem.NotFound(Text.Of("This question is no longer open. Here is today's."));
        }

        var questionRowId = request.QuestionId;
        var pass = request.Pass;
        var answer = request.Text?.Trim() ?? "";
        if (!pass && TalkText.Problem(answer, DailyAnswer.MaxLength) is { } problem)
        {
            return Problem.Invalid("text", problem);
        }

        if (!view.CanEdit)
        {
            return Locked();
        }

        var viewer = await current.ViewerAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        // The lock is checked again inside a transaction that holds the couple: an edit racing the
        // partner's answer either lands before the reveal or is refused, never after it.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await Rows.LockCoupleAsync(db, viewer.CoupleId!.Value, cancellationToken);
            var answered = await db.DailyAnswers.CountAsync(a => a.DailyQuestionId == questionRowId && !a.Skipped, cancellationToken);
            if (answered >= 2)
            {
                return Locked();
            }

            var row = await db.DailyAnswers.FirstOrDefaultAsync(
                a => a.DailyQuestionId == questionRowId && a.OwnerId == viewer.MemberId,
                cancellationToken
            );
            if (row is null)
            {
                row = new DailyAnswer
                {
                    Id = Guid.NewGuid(),
                    DailyQuestionId = questionRowId,
                    OwnerId = viewer.MemberId,
                    CoupleId = viewer.CoupleId,
                    AnsweredAt = now,
                };
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
                return Problem.Conflict(Text.Of("Your answer was being saved from another window at the same moment. Please look again."));
            }
        }

        logger.LogInformation(
            "Member {MemberId} {Action} daily question {QuestionId}",
            viewer.MemberId,
            pass ? "passed on" : "answered",
            questionRowId
        );
        // Sent for a pass as for an answer, so whether an email arrives says nothing about which it was.
        if (!view.PartnerResponded && await current.PartnerIdAsync(cancellationToken) is { } partnerId)
        {
            await notices.QueueAsync(partnerId, NoticeKind.PartnerAnswered, $"answered:{questionRowId:N}:{partnerId:N}", cancellationToken);
        }

        // The same day read again by its id (never created again), now with this answer in it.
        return Outcome<DailyView>.Ok((await today.ViewOfAsync(questionRowId, cancellationToken))!);
    }

    private static Problem Locked() =>
        Problem.Conflict(Text.Of("You've both answered, so these answers are kept as they are. You can still add a reply."));
}
