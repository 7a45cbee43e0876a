using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

public sealed record HomeworkMarkDto(Guid MemberId, string Name, string State);

public sealed record AssignedHomeworkDto(
    Guid Id,
    string Kind,
    string Item,
    string Title,
    DateOnly Due,
    string? Note,
    DateTime AssignedAt,
    IReadOnlyList<HomeworkMarkDto> Marks
);

public sealed record SharedForSessionDto(Guid Id, string From, Guid? HomeworkId, string Text, DateTime SharedAt);

/// <summary>A connection's homework for its professional; <c>resting</c>: exercises for two rest in the couple (which partner, or
/// why, is never said), so only lessons for one can be given (<c>kinds</c>).</summary>
public sealed record ConnectionHomeworkDto(
    Guid ConnectionId,
    bool Individual,
    IReadOnlyList<string> Names,
    bool Resting,
    IReadOnlyList<string> Kinds,
    DateOnly Today,
    IReadOnlyList<AssignedHomeworkDto> Homework,
    IReadOnlyList<SharedForSessionDto> Shared
);

public sealed record HomeworkKindDto(string Name, string Title);

public sealed record HomeworkChoiceDto(string Key, string Title);

public sealed record HomeworkLibraryDto(IReadOnlyList<HomeworkKindDto> Kinds, IReadOnlyList<HomeworkChoiceDto> Items);

public sealed record MyHomeworkItemDto(Guid Id, string Kind, string Title, string Link, DateOnly Due, string? Note, bool Done);

public sealed record MySessionItemDto(Guid Id, Guid? HomeworkId, string Text, DateTime SharedAt);

public sealed record MyCounselorDto(
    Guid ConnectionId,
    string ProfessionalName,
    bool JustMe,
    IReadOnlyList<MyHomeworkItemDto> Homework,
    IReadOnlyList<MySessionItemDto> Shared
);

public sealed record MyHomeworkDto(IReadOnlyList<MyCounselorDto> Counselors);

public sealed record SharedDto(Guid Id);

/// <summary>Homework (decisions/0044): the professional's under /professional (404 unless practice mode is on, the caller is a
/// professional and the connection is theirs and active), the member's under /counselor (404 unless practice mode is on and the
/// caller is a partner).</summary>
[ApiArea]
public static class HomeworkApi
{
    public static void MapHomeworkApi(this RouteGroupBuilder api)
    {
        var pro = api.MapGroup("/professional").WithTags("Professional");
        pro.MapGet("/connections/{id:guid}/homework", GetConnectionAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetConnectionHomework")
            .WithSummary("A connection's homework, with done or not yet for each partner who shares homework");
        pro.MapPost("/connections/{id:guid}/homework", AssignAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AssignHomework")
            .WithSummary(
                "Assign homework from the library (kind, item, due within 60 days, a short note sealed with the connection's key)"
            );
        pro.MapDelete("/connections/{id:guid}/homework/{homeworkId:guid}", WithdrawAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("WithdrawHomework")
            .WithSummary("Withdraw homework: the couple no longer sees it");
        pro.MapGet("/homework-library", LibraryAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetHomeworkLibrary")
            .WithSummary("The kinds of homework and a kind's items (q: words in the title; connection: what it may be given now)");

        var member = api.MapGroup("/counselor").WithTags("Counselor");
        member
            .MapGet("/homework", GetMineAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetMyHomework")
            .WithSummary("Homework from your counselors, your own marks, and what you shared for the next session");
        member
            .MapPut("/homework/{id:guid}/done", MarkAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MarkHomework")
            .WithSummary("Your own mark: done, or not done yet (reaches the counselor only while you share homework)");
        member
            .MapPost("/session-items", ShareAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ShareForSession")
            .WithSummary("Share one thing for your next session with a counselor (your own words, taken back any time)");
        member
            .MapDelete("/session-items/{id:guid}", TakeBackAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("TakeBackSessionItem")
            .WithSummary("Take back something you shared for the next session");
    }

    private static async Task<Results<Ok<ConnectionHomeworkDto>, ProblemHttpResult>> GetConnectionAsync(
        Guid id,
        GetConnectionHomework get,
        CancellationToken cancellationToken
    ) => ApiResults.From(await get.HandleAsync(id, cancellationToken), Dto);

    private static async Task<Results<Ok<ConnectionHomeworkDto>, ProblemHttpResult>> AssignAsync(
        Guid id,
        AssignHomeworkRequest request,
        AssignHomework assign,
        GetConnectionHomework get,
        CancellationToken cancellationToken
    ) =>
        (await assign.HandleAsync(id, request, cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : ApiResults.From(await get.HandleAsync(id, cancellationToken), Dto);

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        Guid id,
        Guid homeworkId,
        WithdrawHomework withdraw,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await withdraw.HandleAsync(id, homeworkId, cancellationToken));

    private static async Task<Results<Ok<HomeworkLibraryDto>, ProblemHttpResult>> LibraryAsync(
        string? kind,
        string? q,
        Guid? connection,
        ProfessionalAccess access,
        HomeworkStore store,
        HomeworkLibrary library,
        CancellationToken cancellationToken
    )
    {
        if (await access.ProfessionalAsync(cancellationToken) is null)
        {
            return ApiResults.Problem(Problem.NotFound(Text.Of("That page wasn't found.")));
        }

        var onlyForOne = false;
        if (connection is { } connectionId)
        {
            if (await access.ActiveAsync(connectionId, cancellationToken) is not { } active)
            {
                return ApiResults.Problem(Problem.NotFound(Text.Of("That page wasn't found.")));
            }

            onlyForOne = active.Kind == ConnectionKind.Individual || await store.RestsAsync(active, cancellationToken);
        }

        var kinds = HomeworkLibrary.KindsFor(onlyForOne);
        var picked = HomeworkLibrary.KindOf(kind);
        if (kind is not null && (picked is null || !kinds.Contains(picked.Value)))
        {
            return ApiResults.Problem(Problem.Invalid("kind", Text.Of("Please choose what kind of homework to give.")));
        }

        return TypedResults.Ok(
            new HomeworkLibraryDto(
                [.. kinds.Select(k => new HomeworkKindDto(HomeworkLibrary.NameOf(k), HomeworkLibrary.KindTitle(k)))],
                picked is { } p ? [.. library.Items(p, onlyForOne, q).Select(c => new HomeworkChoiceDto(c.Key, c.Title))] : []
            )
        );
    }

    private static async Task<Results<Ok<MyHomeworkDto>, ProblemHttpResult>> GetMineAsync(
        GetMyHomework get,
        CancellationToken cancellationToken
    ) => ApiResults.From(await get.HandleAsync(cancellationToken), Dto);

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkAsync(
        Guid id,
        MarkHomeworkRequest request,
        MarkHomework mark,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await mark.HandleAsync(id, request, cancellationToken));

    private static async Task<Results<Ok<SharedDto>, ProblemHttpResult>> ShareAsync(
        ShareForSessionRequest request,
        ShareForSession share,
        CancellationToken cancellationToken
    ) => ApiResults.From(await share.HandleAsync(request, cancellationToken), id => new SharedDto(id));

    private static async Task<Results<NoContent, ProblemHttpResult>> TakeBackAsync(
        Guid id,
        TakeBackSessionItem takeBack,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await takeBack.HandleAsync(id, cancellationToken));

    private static string StateName(HomeworkMarkState state) =>
        state switch
        {
            HomeworkMarkState.Done => "done",
            HomeworkMarkState.NotYet => "notYet",
            _ => "notShared",
        };

    private static ConnectionHomeworkDto Dto(ConnectionHomework v) =>
        new(
            v.ConnectionId,
            v.Kind == ConnectionKind.Individual,
            v.Names,
            v.Resting,
            [.. v.Kinds.Select(HomeworkLibrary.NameOf)],
            v.Today,
            [
                .. v.Homework.Select(h => new AssignedHomeworkDto(
                    h.Id,
                    HomeworkLibrary.NameOf(h.Kind),
                    h.ItemKey,
                    h.Title,
                    h.DueOn,
                    h.Note,
                    h.AssignedAt,
                    [.. h.Marks.Select(m => new HomeworkMarkDto(m.MemberId, m.Name, StateName(m.State)))]
                )),
            ],
            [.. v.Shared.Select(s => new SharedForSessionDto(s.Id, s.From, s.HomeworkId, s.Text, s.SharedAt))]
        );

    private static MyHomeworkDto Dto(MyHomework v) =>
        new([
            .. v.Counselors.Select(c => new MyCounselorDto(
                c.ConnectionId,
                c.ProfessionalName,
                c.JustMe,
                [
                    .. c.Homework.Select(h => new MyHomeworkItemDto(
                        h.Id,
                        HomeworkLibrary.NameOf(h.Kind),
                        h.Title,
                        h.Link,
                        h.DueOn,
                        h.Note,
                        h.Done
                    )),
                ],
                [.. c.Shared.Select(s => new MySessionItemDto(s.Id, s.HomeworkId, s.Text, s.SharedAt))]
            )),
        ]);
}
