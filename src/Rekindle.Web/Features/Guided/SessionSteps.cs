using System.Text.Json;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Guided;

/// <summary>The member's private reflection for a session; empty removes it.</summary>
public sealed record ReflectionRequest(string? Text);

/// <summary>
/// The end check: helpful ("yes", "a-little", "not-really"), done together ("yes", "not-yet", "not-this-week"), closeness 1-5.
/// </summary>
public sealed record EndCheckRequest(string? Helpful, string? Together, int? Closeness);

/// <summary>
/// The member's own steps in an open session of their couple's program: the lesson read, the reflection (sealed with their
/// key), the together part (once both read the lesson, never while joint work rests; the part for one otherwise) and the end
/// check (sealed). A session that is not open, or not this couple's, is not found.
/// </summary>
public sealed class TakeSessionStep(AppDbContext db, CurrentMember current, GetProgram program, Sealer sealer, TimeProvider clock)
{
    public async Task<Outcome<bool>> LessonDoneAsync(int week, CancellationToken cancellationToken = default) =>
        await ChangeAsync(
            week,
            (_, row) =>
            {
                row.LessonDoneAt ??= Now();
                row.OpenedAt ??= Now();
                return Task.CompletedTask;
            },
            cancellationToken
        );

    public async Task<Outcome<bool>> ReflectAsync(int week, ReflectionRequest request, CancellationToken cancellationToken = default)
    {
        var text = request.Text?.Trim() ?? "";
        if (text.Length > 0 && Talk.TalkText.Problem(text, ProgramRules.ReflectionMaxLength) is { } problem)
        {
            return Problem.Invalid("text", problem);
        }

        return await ChangeAsync(
            week,
            async (_, row) =>
                row.Reflection =
                    text.Length == 0 ? null : await sealer.SealAsync(text, row.PlaceOf(nameof(ProgramWeek.Reflection)), cancellationToken),
            cancellationToken
        );
    }

    public async Task<Outcome<bool>> TogetherDoneAsync(int week, CancellationToken cancellationToken = default)
    {
        var view = await program.HandleAsync(cancellationToken);
        var session = view.Sessions.FirstOrDefault(s => s.Week == week);
        if (view.Run is null || session is null || !session.Open)
        {
            return NotFound();
        }

        // The part for one (alone, or while joint work rests) is marked done the same way; the together part waits for both.
        if (!session.OfferAlonePart && !session.TogetherOpen)
        {
            return Problem.Conflict(Text.Of("The together part opens once you have both read the lesson."));
        }

        return await ChangeAsync(
            week,
            (_, row) =>
            {
                row.TogetherDoneAt ??= Now();
                return Task.CompletedTask;
            },
            cancellationToken
        );
    }

    public async Task<Outcome<bool>> EndCheckAsync(int week, EndCheckRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Helpful is null || !EndCheck.HelpfulAnswers.Contains(request.Helpful))
        {
            return Problem.Invalid("helpful", Text.Of("Choose how helpful this week was."));
        }

        if (request.Together is null || !EndCheck.TogetherAnswers.Contains(request.Together))
        {
            return Problem.Invalid("together", Text.Of("Choose whether you did the together part."));
        }

        if (request.Closeness is not (>= 1 and <= 5))
        {
            return Problem.Invalid("closeness", Text.Of("Choose how close you feel, from 1 to 5."));
        }

        var json = JsonSerializer.Serialize(new EndCheck(request.Helpful, request.Together, request.Closeness.Value), ProgramStore.Json);
        return await ChangeAsync(
            week,
            async (_, row) =>
            {
                row.EndCheck = await sealer.SealAsync(json, row.PlaceOf(nameof(ProgramWeek.EndCheck)), cancellationToken);
                row.EndCheckAt = Now();
            },
            cancellationToken
        );
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static Problem NotFound() => Problem.NotFound(Text.Of("That session is not open in your program."));

    private async Task<Outcome<bool>> ChangeAsync(
        int week,
        Func<ProgramView, ProgramWeek, Task> change,
        CancellationToken cancellationToken
    )
    {
        var view = await program.HandleAsync(cancellationToken);
        var session = view.Sessions.FirstOrDefault(s => s.Week == week);
        if (view.Run is null || session is null || !session.Open)
        {
            return NotFound();
        }

        await ProgramWeekRows.TouchAsync(db, view.Run.Id, current.RequiredMemberId, week, row => change(view, row), cancellationToken);
        return Outcome<bool>.Ok(true);
    }
}
