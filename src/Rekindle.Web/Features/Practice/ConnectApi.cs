using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Security;

namespace Rekindle.Web.Features.Practice;

public sealed record CounselorConnectionDto(
    Guid Id,
    string Kind,
    string State,
    string ProfessionalName,
    DateTime Since,
    IReadOnlyList<string> Scopes,
    bool StartedByMe
);

public sealed record CounselorAskDto(Guid Id, string ProfessionalName, bool CanAgree);

public sealed record CounselorEndedDto(string ProfessionalName, DateTime EndedAt, bool Declined);

/// <summary>/counselor as data: the member's own connections and choices, a request from the partner, what ended this week.</summary>
public sealed record CounselorStateDto(
    bool CanConnectForBoth,
    bool CanConnectJustMe,
    bool PartnerPaused,
    IReadOnlyList<CounselorConnectionDto> Connections,
    CounselorAskDto? Asked,
    IReadOnlyList<CounselorEndedDto> Ended
);

/// <summary>A member's side of practice mode (decisions/0044): connect with a code, agree, choose what to share, end.</summary>
[ApiArea]
public static class ConnectApi
{
    public static void MapConnectApi(RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Counselor");
        group
            .MapGet("/counselor", GetStateAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetCounselorState")
            .WithSummary("Your connections with a counselor, a request from your partner, and what ended this week");

        // A code is a guess at a secret: the same per-address limit as the page and the join code.
        group
            .MapPost("/counselor/connect", ConnectAsync)
            .RequireRateLimiting(GuessLimits.Policy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ConnectCounselor")
            .WithSummary("Connect a counselor with their code, for both of you (your partner must agree) or just for you");

        group
            .MapPost("/counselor/agree", AgreeAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AgreeToCounselor")
            .WithSummary("Agree to the counselor your partner asked to bring in, with what you share");

        group
            .MapPut("/counselor/scopes", ScopesAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ChooseCounselorScopes")
            .WithSummary("Change what you share in one of your connections; it takes effect at once");

        group
            .MapPost("/counselor/end", EndAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("EndCounselorConnection")
            .WithSummary("End a connection at once, or say not now to your partner's request");
    }

    internal static CounselorStateDto Dto(CounselorView view) =>
        new(
            view.CanConnectForBoth,
            view.CanConnectJustMe,
            view.ShowPartnerPaused,
            [
                .. view.Connections.Select(c => new CounselorConnectionDto(
                    c.Id,
                    c.Kind == ConnectionKind.Couple ? "couple" : "individual",
                    c.State == ConnectionState.Active ? "active" : "awaitingPartner",
                    c.ProfessionalName,
                    c.Since,
                    ScopeChoices.Keys(c.Scopes),
                    c.StartedByMe
                )),
            ],
            view.Asked is { } asked && !view.Rest.PartnerAway ? new CounselorAskDto(asked.Id, asked.ProfessionalName, view.CanAgree) : null,
            [.. view.Ended.Select(e => new CounselorEndedDto(e.ProfessionalName, e.EndedAt, e.Declined))]
        );

    private static async Task<Results<Ok<CounselorStateDto>, ProblemHttpResult>> GetStateAsync(
        GetCounselorState state,
        CancellationToken cancellationToken
    ) => ApiResults.From(await state.HandleAsync(cancellationToken), Dto);

    private static async Task<Results<Ok<CounselorStateDto>, ProblemHttpResult>> ConnectAsync(
        ConnectRequest request,
        EnterConnectionCode enter,
        GetCounselorState state,
        CancellationToken cancellationToken
    ) => await StateAfterAsync((await enter.HandleAsync(request, cancellationToken)).Problem, state, cancellationToken);

    private static async Task<Results<Ok<CounselorStateDto>, ProblemHttpResult>> AgreeAsync(
        AgreeRequest request,
        AgreeToConnection agree,
        GetCounselorState state,
        CancellationToken cancellationToken
    ) => await StateAfterAsync((await agree.HandleAsync(request, cancellationToken)).Problem, state, cancellationToken);

    private static async Task<Results<Ok<CounselorStateDto>, ProblemHttpResult>> ScopesAsync(
        ScopesRequest request,
        ChooseScopes choose,
        GetCounselorState state,
        CancellationToken cancellationToken
    ) => await StateAfterAsync((await choose.HandleAsync(request, cancellationToken)).Problem, state, cancellationToken);

    private static async Task<Results<Ok<CounselorStateDto>, ProblemHttpResult>> EndAsync(
        EndRequest request,
        EndConnection end,
        GetCounselorState state,
        CancellationToken cancellationToken
    ) => await StateAfterAsync((await end.HandleAsync(request, cancellationToken)).Problem, state, cancellationToken);

    /// <summary>The member's state after a change, or the change's problem: what every member route of this area answers.</summary>
    private static async Task<Results<Ok<CounselorStateDto>, ProblemHttpResult>> StateAfterAsync(
        Infrastructure.Problem? problem,
        GetCounselorState state,
        CancellationToken cancellationToken
    ) => problem is not null ? ApiResults.Problem(problem) : ApiResults.From(await state.HandleAsync(cancellationToken), Dto);
}

public sealed record NewConnectionCodeDto(Guid Id, string Code, string DisplayCode, DateTime ExpiresAt);

public sealed record OpenConnectionCodeDto(Guid Id, DateTime CreatedAt, DateTime ExpiresAt);

/// <summary>A professional's connection codes: made here and shown once, listed (never the codes), cancelled.</summary>
[ApiArea]
public static class ConnectCodesApi
{
    public static void MapConnectCodesApi(RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Professional");
        group
            .MapPost("/professional/codes", MakeAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("MakeConnectionCode")
            .WithSummary("Make a single-use connection code for a couple; the code is shown only in this answer");
        group
            .MapGet("/professional/codes", ListAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("ListConnectionCodes")
            .WithSummary("Your codes that can still be used, soonest to expire first (never the codes themselves)");
        group
            .MapDelete("/professional/codes/{id:guid}", CancelAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("CancelConnectionCode")
            .WithSummary("Cancel an unused code: it stops working at once");
    }

    private static async Task<Results<Ok<NewConnectionCodeDto>, ProblemHttpResult>> MakeAsync(
        MakeConnectionCode make,
        CancellationToken cancellationToken
    ) =>
        ApiResults.From(await make.HandleAsync(cancellationToken), c => new NewConnectionCodeDto(c.Id, c.Code, c.DisplayCode, c.ExpiresAt));

    private static async Task<Results<Ok<List<OpenConnectionCodeDto>>, ProblemHttpResult>> ListAsync(
        ListConnectionCodes list,
        CancellationToken cancellationToken
    ) =>
        ApiResults.From(await list.HandleAsync(cancellationToken), codes =>
            codes.Select(c => new OpenConnectionCodeDto(c.Id, c.CreatedAt, c.ExpiresAt)).ToList()
        );

    private static async Task<Results<NoContent, ProblemHttpResult>> CancelAsync(
        Guid id,
        CancelConnectionCode cancel,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await cancel.HandleAsync(id, cancellationToken));
}
