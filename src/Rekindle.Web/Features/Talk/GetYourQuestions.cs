using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Talk;

/// <summary>The questions page (/talk/questions): the couple's own questions in their rotation, and the member's own mutes.</summary>
public sealed record YourQuestionsView(IReadOnlyList<OwnQuestionView> Questions, IReadOnlyList<string> Muted, bool CanAdd);

/// <summary>Both partners read the couple's questions; the mutes are the viewer's only, never the partner's.</summary>
public sealed class GetYourQuestions(CurrentMember current, CoupleQuestionStore store)
{
    /// <summary>The view, or null when the member has no couple space yet.</summary>
    public async Task<YourQuestionsView?> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is null)
        {
            return null;
        }

        var questions = await store.ListAsync(viewer, cancellationToken: cancellationToken);
        return new YourQuestionsView(
            questions,
            await store.MutesOfAsync(viewer.MemberId, cancellationToken),
            questions.Count < CoupleQuestion.PerCouple
        );
    }
}
