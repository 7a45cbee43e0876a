using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Web.Features.Spontaneity;

public sealed record SurprisePickDto(Gesture Gesture, bool PartnerWouldLove);

/// <summary>The Spontaneity page for the giver: up to three hints from what the partner would love (never their "not for me"), the day's
/// pick, and the notes you sent.</summary>
public sealed record GiverDto(bool HasPartner, IReadOnlyList<Gesture> Hints, SurprisePickDto? Surprise, IReadOnlyList<NoteDto> Sent);

public sealed record MarkedGestureDto(Gesture Gesture, string? MyMark);

public sealed record GesturesDto(IReadOnlyList<MarkedGestureDto> Gestures, int Page, bool HasMore, int Marked, int Total);

public sealed record NoteDto(string Text, DateTime SentAt, DateOnly Day, bool New);

/// <summary>Notes from your partner in the last two weeks (reading them marks them seen, as the home page does), and the ones you
/// sent.</summary>
public sealed record NotesDto(IReadOnlyList<NoteDto> Received, IReadOnlyList<NoteDto> Sent);

[Infrastructure.Api.ApiArea]
public static class SpontaneityApi
{
    public static void MapSpontaneityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/spontaneity", GetGiverAsync)
            .WithTags("Spontaneity")
            .WithName("GetSpontaneity")
            .WithSummary(
                "Hints from gestures your partner would love, a surprise pick for your budget (free, low, any), minutes and place (home), and the notes you sent"
            );

        var spontaneity = api.MapGroup("/spontaneity").WithTags("Spontaneity");
        spontaneity
            .MapGet("/gestures", GetGesturesAsync)
            .WithName("GetGestures")
            .WithSummary("The gesture library with your own marks, filtered and paged as on the gestures page");

        spontaneity
            .MapPost("/gestures/marks", MarkAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MarkGesture")
            .WithSummary("Mark a gesture: love, no, or clear");

        spontaneity
            .MapGet("/notes", GetNotesAsync)
            .WithName("GetAppreciationNotes")
            .WithSummary("Notes your partner sent you and notes you sent, from the last two weeks");

        spontaneity
            .MapPost("/notes", SendNoteAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("SendAppreciationNote")
            .WithSummary("Send your partner a short note of appreciation (ten a day); answers the notes you sent");
    }

    private static async Task<Ok<GiverDto>> GetGiverAsync(
        string? budget,
        int? minutes,
        bool? home,
        int? another,
        GetGiverView giver,
        GetSentNotes sent,
        CancellationToken cancellationToken
    )
    {
        // The same reading of the choices as the page's query string: anything unknown means "any".
        var constraints = SurpriseConstraints.From(budget, minutes?.ToString(CultureInfo.InvariantCulture), home == true ? "1" : null);
        var view = await giver.HandleAsync(constraints, another, cancellationToken);
        return TypedResults.Ok(
            new GiverDto(
                view.HasPartner,
                view.Hints,
                view.Surprise is { } s ? new SurprisePickDto(s.Gesture, s.PartnerWouldLove) : null,
                Dto(await sent.HandleAsync(cancellationToken))
            )
        );
    }

    private static async Task<Ok<GesturesDto>> GetGesturesAsync(
        string? cost,
        string? place,
        string? kind,
        int? minutes,
        bool? unmarked,
        int? page,
        ListGestures gestures,
        CancellationToken cancellationToken
    )
    {
        var filter = GestureFilter.From(cost, place, kind, minutes?.ToString(CultureInfo.InvariantCulture), unmarked == true ? "1" : null);
        var list = await gestures.HandleAsync(filter, page, cancellationToken);
        return TypedResults.Ok(new GesturesDto(list.Gestures.Select(Dto).ToList(), list.Page, list.HasMore, list.Marked, list.Total));
    }

    private static async Task<Results<Ok<MarkedGestureDto>, ProblemHttpResult>> MarkAsync(
        GestureMarkRequest request,
        MarkGesture mark,
        CancellationToken cancellationToken
    ) => ApiResults.From(await mark.HandleAsync(request, cancellationToken), Dto);

    private static async Task<Ok<NotesDto>> GetNotesAsync(
        ReadReceivedNotes received,
        GetSentNotes sent,
        CancellationToken cancellationToken
    ) => TypedResults.Ok(new NotesDto(Dto(await received.HandleAsync(cancellationToken)), Dto(await sent.HandleAsync(cancellationToken))));

    private static async Task<Results<Ok<List<NoteDto>>, ProblemHttpResult>> SendNoteAsync(
        NoteRequest request,
        SendNote send,
        GetSentNotes sent,
        CancellationToken cancellationToken
    )
    {
        var outcome = await send.HandleAsync(request, cancellationToken);

        // Only the sent notes: sending must not mark the partner's notes to you as seen.
        return outcome.Problem is { } problem
            ? ApiResults.Problem(problem)
            : TypedResults.Ok(Dto(await sent.HandleAsync(cancellationToken)));
    }

    private static MarkedGestureDto Dto(MarkedGesture marked) => new(marked.Gesture, marked.MyMark);

    private static List<NoteDto> Dto(IReadOnlyList<NoteView> notes) =>
        notes.Select(n => new NoteDto(n.Text, n.SentAt, n.Day, n.New)).ToList();
}
