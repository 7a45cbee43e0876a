using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>mark: love ("I'd love this", may be shown to your partner as a hint), no ("Not for me", never shown), or clear.</summary>
public sealed record GestureMarkRequest(string? GestureId, string? Mark)
{
    /// <summary>The page's mark buttons each post "gestureId|mark" (one form for the whole list).</summary>
    public static GestureMarkRequest FromButton(string? pressed)
    {
        var parts = (pressed ?? "").Split('|', 2);
        return new(parts[0], parts.ElementAtOrDefault(1));
    }
}

/// <summary>Marks a gesture for the member: the mark goes into their sealed set (decisions/0026).</summary>
public sealed class MarkGesture(CurrentMember current, GestureLibrary library, PrivateAnswers answers, TimeProvider clock)
{
    public async Task<Outcome<MarkedGesture>> HandleAsync(GestureMarkRequest request, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        if (viewer.CoupleId is null)
        {
            return Problem.Conflict(Text.Of("Gestures are marked inside your couple space. Start one first."));
        }

        if (request.GestureId is not { } gestureId || !library.ById.TryGetValue(gestureId, out var gesture))
        {
            return Problem.Invalid("gestureId", Text.Of("That gesture isn't in the list."));
        }

        if (request.Mark is not { } mark || (mark != "clear" && !GestureMarkStore.Marks.Contains(mark)))
        {
            return Problem.Invalid("mark", Text.Of("Please choose \"I'd love this\" or \"Not for me\"."));
        }

        var saved = await answers.SaveAsync(
            viewer,
            AnswerList.Gestures,
            gestureId,
            mark,
            clock.GetUtcNow().UtcDateTime,
            Text.Of("That mark was saved from another window at the same moment. Please look again."),
            cancellationToken
        );
        return saved.Problem is { } problem
            ? Problem.Conflict(problem.Message)
            : Outcome<MarkedGesture>.Ok(new MarkedGesture(gesture, mark == "clear" ? null : mark));
    }
}
