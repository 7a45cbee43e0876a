using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Talk;

/// <summary>A reply and a reaction (None, Heart, Hug, Laugh, Thanks) to the partner's answer, once both have answered.</summary>
public sealed record ReplyRequest(Guid QuestionId, string? Reply, string? Reaction)
{
    /// <summary>
    /// The one reading of a reaction, for the page and the API alike: empty is none; a reaction's name
    /// (as written) is that reaction; anything else, a number included, is no reaction at all (null).
    /// </summary>
    public static Reaction? ReactionOf(string? word) =>
        string.IsNullOrEmpty(word) ? Talk.Reaction.None
        : !char.IsDigit(word[0])
        && word[0] is not ('-' or '+')
        && Enum.TryParse<Reaction>(word, ignoreCase: false, out var r)
        && Enum.IsDefined(r)
            ? r
        : null;
}

/// <summary>A short reply and a reaction to the partner's answer, once both have answered. Gives the day as it now reads.</summary>
public sealed class ReplyToAnswer(AppDbContext db, CurrentMember current, TodaysQuestion questions, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<DailyView>> HandleAsync(ReplyRequest request, CancellationToken cancellationToken = default)
    {
        var text = request.Reply?.Trim() ?? "";
        if (text.Length > 0 && TalkText.Problem(text, DailyAnswer.ReplyMaxLength) is { } problem)
        {
            return Problem.Invalid("reply", problem);
        }

        if (ReplyRequest.ReactionOf(request.Reaction) is not { } reaction)
        {
            return Problem.Invalid("reaction", Text.Of("Please choose one of the reactions shown."));
        }

        // Any day's question of the member's own couple (the page offers today's); another couple's is not found.
        var view = await questions.ViewOfAsync(request.QuestionId, cancellationToken);
        if (view is null)
        {
            return Problem.NotFound(Text.Of("That question is not one of your couple's."));
        }

        if (!view.Revealed)
        {
            return Problem.Invalid("questionId", Text.Of("Replies open once you have both answered."));
        }

        var memberId = current.RequiredMemberId;
        var row = await db.DailyAnswers.FirstAsync(
            a => a.DailyQuestionId == request.QuestionId && a.OwnerId == memberId,
            cancellationToken
        );
        row.Reply = text.Length == 0 ? null : await sealer.SealAsync(text, row.PlaceOf(nameof(DailyAnswer.Reply)), cancellationToken);
        row.Reaction = reaction;
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome<DailyView>.Ok((await questions.ViewOfAsync(request.QuestionId, cancellationToken))!);
    }
}
