using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Web.Features.Spontaneity;

public sealed record SurprisePickDto(Gesture Gesture, bool PartnerWouldLove);

/// <summary>The Spontaneity page for the giver: up to three hints from what the partner would love (never their "not for me"), the day's pick, and the notes you sent.</summary>
public sealed record GiverDto(bool HasPartner, IReadOnlyList<Gesture> Hints, SurprisePickDto? Surprise, IReadOnlyList<NoteDto> Sent);

public sealed record MarkedGestureDto(Gesture Gesture, string? MyMark);

public sealed record GesturesDto(IReadOnlyList<MarkedGestureDto> Gestures, int Page, bool HasMore, int Marked, int Total);

/// <summary>mark: love ("I'd love this", may be shown to your partner as a hint), no ("Not for me", never shown), or clear.</summary>
public sealed record GestureMarkRequest(string? GestureId, string? Mark);

public sealed record NoteDto(string Text, DateTime SentAt, DateOnly Day, bool New);

/// <summary>Notes from your partner in the last two weeks (reading them marks them seen, as the home page does), and the ones you sent.</summary>
public sealed record NotesDto(IReadOnlyList<NoteDto> Received, IReadOnlyList<NoteDto> Sent);

public sealed record NoteRequest(string? Text);

[Infrastructure.Api.ApiArea]
public static class SpontaneityApi
{
    public static void MapSpontaneityApi(this RouteGroupBuilder api)
    {
        var spontaneity = api.MapGroup("/spontaneity").WithTags("Spontaneity");

        api.MapGet("/spontaneity", async Task<Ok<GiverDto>> (
                string? budget, int? minutes, bool? home, int? another, GestureMarks marks, AppreciationNotes notes, CancellationToken cancellationToken) =>
            {
                // The same reading of the choices as the page's query string: anything unknown means "any".
                var constraints = SurpriseConstraints.From(budget, minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture), home == true ? "1" : null);
                var view = await marks.ForGiverAsync(constraints, Math.Clamp(another ?? 0, 0, 10_000), cancellationToken);
                return TypedResults.Ok(new GiverDto(view.HasPartner, view.Hints, view.Surprise is { } s ? new SurprisePickDto(s.Gesture, s.PartnerWouldLove) : null,
                    Dto(await notes.SentAsync(cancellationToken))));
            })
            .WithTags("Spontaneity").WithName("GetSpontaneity")
            .WithSummary("Hints from gestures your partner would love, a surprise pick for your budget (free, low, any), minutes and place (home), and the notes you sent");

        spontaneity.MapGet("/gestures", async Task<Ok<GesturesDto>> (
                string? cost, string? place, string? kind, int? minutes, bool? unmarked, int? page, GestureMarks marks, CancellationToken cancellationToken) =>
            {
                var filter = GestureFilter.From(cost, place, kind, minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture), unmarked == true ? "1" : null);
                var list = await marks.ListAsync(filter, Math.Clamp(page ?? 1, 1, 1000), cancellationToken);
                return TypedResults.Ok(new GesturesDto(list.Gestures.Select(g => new MarkedGestureDto(g.Gesture, g.MyMark)).ToList(), list.Page, list.HasMore, list.Marked, list.Total));
            })
            .WithName("GetGestures").WithSummary("The gesture library with your own marks, filtered and paged as on the gestures page");

        spontaneity.MapPost("/gestures/marks", async Task<Results<Ok<MarkedGestureDto>, ValidationProblem, ProblemHttpResult>> (
                GestureMarkRequest request, GestureMarks marks, GestureLibrary library, CancellationToken cancellationToken) =>
            {
                var outcome = await marks.MarkAsync(request.GestureId, request.Mark, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return outcome.Error!.StartsWith("Gestures are marked inside", StringComparison.Ordinal) ? Conflict(outcome.Error)
                        : TalkApi.Invalid(outcome.Error.StartsWith("That gesture", StringComparison.Ordinal) ? "gestureId" : "mark", outcome.Error);
                }

                return TypedResults.Ok(new MarkedGestureDto(library.ById[request.GestureId!], request.Mark == "clear" ? null : request.Mark));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MarkGesture").WithSummary("Mark a gesture: love, no, or clear");

        spontaneity.MapGet("/notes", async Task<Ok<NotesDto>> (AppreciationNotes notes, CancellationToken cancellationToken) =>
                TypedResults.Ok(new NotesDto(Dto(await notes.ReceivedAsync(cancellationToken)), Dto(await notes.SentAsync(cancellationToken)))))
            .WithName("GetAppreciationNotes").WithSummary("Notes your partner sent you and notes you sent, from the last two weeks");

        spontaneity.MapPost("/notes", async Task<Results<Ok<List<NoteDto>>, ValidationProblem, ProblemHttpResult>> (NoteRequest request, AppreciationNotes notes, CancellationToken cancellationToken) =>
            {
                var outcome = await notes.SendAsync(request.Text, cancellationToken);
                if (!outcome.Succeeded)
                {
                    return outcome.Error!.StartsWith("Notes go to", StringComparison.Ordinal) ? Conflict(outcome.Error)
                        : outcome.Error.StartsWith("You've sent ten", StringComparison.Ordinal) ? TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many notes today", detail: outcome.Error)
                        : TalkApi.Invalid("text", outcome.Error);
                }

                // Only the sent notes: sending must not mark the partner's notes to you as seen.
                return TypedResults.Ok(Dto(await notes.SentAsync(cancellationToken)));
            })
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SendAppreciationNote").WithSummary("Send your partner a short note of appreciation (ten a day); answers the notes you sent");
    }

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    private static List<NoteDto> Dto(IReadOnlyList<NoteView> notes) => notes.Select(n => new NoteDto(n.Text, n.SentAt, n.Day, n.New)).ToList();
}
