using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Talk;

/// <summary>
/// Takes one of the couple's own questions out of the rotation (decisions/0042). Either partner may, whoever wrote it:
/// a question that is hard for one of them should not need the other's leave to go. One never asked is deleted; one a
/// past day shows stays for that day (its words are part of the couple's history), only out of the rotation.
/// </summary>
public sealed class RetireCoupleQuestion(AppDbContext db, CurrentMember current, TimeProvider clock, ILogger<RetireCoupleQuestion> logger)
{
    public async Task<Outcome<bool>> HandleAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var question = await db.CoupleQuestions.FirstOrDefaultAsync(
            q => q.Id == id && q.CoupleId == viewer.CoupleId && q.RetiredAt == null,
            cancellationToken
        );
        if (question is null)
        {
            // Another couple's, one already taken out, or none at all: all alike.
            return Problem.NotFound(Text.Of("That question is not in your rotation."));
        }

        var questionId = CoupleQuestion.IdFor(id);
        if (await db.DailyQuestions.AnyAsync(d => d.CoupleId == question.CoupleId && d.QuestionId == questionId, cancellationToken))
        {
            question.RetiredAt = clock.GetUtcNow().UtcDateTime;
        }
        else
        {
            db.CoupleQuestions.Remove(question);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} took own question {QuestionId} out of the rotation", viewer.MemberId, id);
        return Outcome<bool>.Ok(true);
    }
}
