using Rekindle.Web.Data;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Practice;

/// <summary>What a professional assigns: a kind (<see cref="HomeworkLibrary.Kinds"/>' names), the item's key within it (empty
/// for a kind with one item), the due day and a short note.</summary>
public sealed record AssignHomeworkRequest(string? Kind, string? Item, DateOnly? Due, string? Note);

/// <summary>
/// Assigns homework from the app's own library (decisions/0044): due from today to <see cref="MaxDaysAhead"/> days on, the note
/// sealed with the connection's key. One person alone gets only lessons for one; while the couple rests nothing for two is
/// assigned (Problem.Resting, neutral words: which partner, or why, is never said).
/// </summary>
public sealed class AssignHomework(
    AppDbContext db,
    ProfessionalAccess access,
    HomeworkStore store,
    HomeworkLibrary library,
    Sealer sealer,
    TimeProvider clock,
    ILogger<AssignHomework> logger
)
{
    public const int MaxDaysAhead = 60;

    public async Task<Outcome<Guid>> HandleAsync(
        Guid connectionId,
        AssignHomeworkRequest request,
        CancellationToken cancellationToken = default
    )
    {
        if (await access.ActiveAsync(connectionId, cancellationToken) is not { } connection)
        {
            return Problem.NotFound(Text.Of("That page wasn't found."));
        }

        if (HomeworkLibrary.KindOf(request.Kind) is not { } kind)
        {
            return Problem.Invalid("kind", Text.Of("Please choose what kind of homework to give."));
        }

        if (library.Find(kind, request.Item) is not { } item)
        {
            return Problem.Invalid("item", Text.Of("Please choose something from the list."));
        }

        if (library.ForTwo(kind, item.Key))
        {
            if (connection.Kind == ConnectionKind.Individual)
            {
                return Problem.Invalid("kind", Text.Of("For one person alone, only lessons for one can be given."));
            }

            if (await store.RestsAsync(connection, cancellationToken))
            {
                return Problem.Resting(
                    Text.Of("Exercises for two are paused for this couple for now. Lessons for one can still be given.")
                );
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Formats.DayOf(now);
        if (request.Due is not { } due || due < today || due > today.AddDays(MaxDaysAhead))
        {
            return Problem.Invalid("due", Text.Of("Please choose a day from today to {0} days from now.", MaxDaysAhead));
        }

        var words = request.Note?.Trim() ?? "";
        if (words.Length > 0 && TalkText.Problem(words, Homework.NoteMaxLength) is { } problem)
        {
            return Problem.Invalid("note", problem);
        }

        var homework = new Homework
        {
            Id = Guid.NewGuid(),
            ConnectionId = connection.Id,
            Kind = kind,
            ItemKey = item.Key,
            DueOn = due,
            AssignedAt = now,
        };
        if (words.Length > 0)
        {
            homework.Note = await sealer.SealAsync(words, homework.PlaceOf(nameof(Homework.Note)), cancellationToken);
        }

        db.Homework.Add(homework);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Homework {HomeworkId} assigned in connection {ConnectionId}", homework.Id, connection.Id);
        return Outcome<Guid>.Ok(homework.Id);
    }
}
