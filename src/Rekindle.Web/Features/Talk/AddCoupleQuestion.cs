using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>A question of the couple's own for their daily rotation: at most 200 characters (the page's form and the API alike).</summary>
public sealed record OwnQuestionRequest(string? Text);

/// <summary>
/// Adds a question to the couple's rotation (decisions/0042): either partner, at most <see cref="CoupleQuestion.PerCouple"/>
/// in the rotation at once, the words sealed with the couple's key. Both partners read it on the questions page.
/// </summary>
public sealed class AddCoupleQuestion(
    AppDbContext db,
    CurrentMember current,
    CoupleQuestionStore store,
    Sealer sealer,
    TimeProvider clock,
    ILogger<AddCoupleQuestion> logger
)
{
    public async Task<Outcome<OwnQuestionView>> HandleAsync(OwnQuestionRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is not { } coupleId)
        {
            return Problem.NotFound(Text.Of("Start or join a couple space first."));
        }

        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            return Problem.Invalid("text", Text.Of("Write your question first."));
        }

        if (TalkText.Problem(text, CoupleQuestion.TextMaxLength) is { } problem)
        {
            return Problem.Invalid("text", problem);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await Rows.LockCoupleAsync(db, coupleId, cancellationToken);
        if (
            await db.CoupleQuestions.CountAsync(q => q.CoupleId == coupleId && q.RetiredAt == null, cancellationToken)
            >= CoupleQuestion.PerCouple
        )
        {
            return Problem.TooMany(
                Text.Of(
                    "You have {0} questions of your own in the rotation, which is as many as it holds. Take one out to add another.",
                    CoupleQuestion.PerCouple
                )
            );
        }

        var question = new CoupleQuestion
        {
            Id = Guid.NewGuid(),
            CoupleId = coupleId,
            AuthorId = viewer.MemberId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        question.Text = await sealer.SealAsync(text, question.PlaceOf(nameof(CoupleQuestion.Text)), cancellationToken);
        db.CoupleQuestions.Add(question);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Member {MemberId} added own question {QuestionId}", viewer.MemberId, question.Id);
        return Outcome<OwnQuestionView>.Ok((await store.ListAsync(viewer, [question.Id], cancellationToken))[0]);
    }
}
