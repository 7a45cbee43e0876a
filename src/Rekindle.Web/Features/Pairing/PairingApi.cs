using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Api;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Localization;
using Rekindle.Web.Infrastructure.Security;

namespace Rekindle.Web.Features.Pairing;

/// <summary>Who the API client is signed in as.</summary>
public sealed record MeDto(Guid MemberId, Guid SessionId);

/// <summary>The couple as the member may know it: GetCoupleStatus, without ids.</summary>
public sealed record CoupleStatusDto(
    string Stage,
    bool PartnerJoined,
    string? PartnerFirstName,
    DateTime? TogetherSince,
    DateTime? InviteExpiresAt,
    DateTime? PartnerLeftAt
);

/// <summary>A new invite as the couple page shows it: the code (grouped, as people read it out) and the join link.</summary>
public sealed record InviteDto(string Code, string DisplayCode, string Link, DateTime ExpiresAt, CoupleStatusDto Couple);

/// <summary>What the join page tells the holder of a code before they join: whether it works, whose space, and if not, why.</summary>
public sealed record InvitePreviewDto(string State, bool CanJoin, string? InviterFirstName, string? Problem);

public sealed record JoinRequest(string? Code);

/// <summary>The couple page asks to tick "Yes, I want to leave"; the API asks for the same, as confirm: true.</summary>
public sealed record LeaveRequest(bool Confirm);

[Infrastructure.Api.ApiArea]
public static class PairingApi
{
    public static void MapPairingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Pairing");
        group.MapGet("/me", GetMe).WithName("GetMe").WithSummary("The signed-in member and this client's session");

        group.MapGet("/couple", GetCoupleAsync).WithName("GetCouple").WithSummary("Whether the partner has joined");

        group
            .MapPost("/couple/invite", CreateInviteAsync)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateInvite")
            .WithSummary("Start your couple space if need be and make an invite; a new invite cancels the earlier one");

        group
            .MapDelete("/couple/invite", RevokeInviteAsync)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeInvite")
            .WithSummary("Cancel the live invite: its code and link stop working at once");

        // Looking a code up and joining with one are guesses at a secret: the same per-address limit as the join page.
        group
            .MapGet("/invites/preview", PreviewInviteAsync)
            .RequireRateLimiting(GuessLimits.Policy)
            .WithName("PreviewInvite")
            .WithSummary("Whether an invite code can be used, and whose space it opens");

        group
            .MapPost("/couple/join", JoinAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(GuessLimits.Policy)
            .WithName("JoinCouple")
            .WithSummary("Join your partner's couple space with their invite code");

        group
            .MapPost("/couple/leave", LeaveAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("LeaveCouple")
            .WithSummary("Leave the couple space at once; the partner who stays gets a fresh space");
    }

    internal static CoupleStatusDto Dto(CoupleStatus s) =>
        new(
            s.Stage.ToString(),
            s.Stage == CoupleStage.Together,
            s.PartnerFirstName,
            s.TogetherSince,
            s.ActiveInviteExpiresAt,
            s.PartnerLeftAt
        );

    private static Ok<MeDto> GetMe(HttpContext context) =>
        TypedResults.Ok(new MeDto(Sessions.MemberIdOf(context.User)!.Value, Sessions.SessionIdOf(context.User)!.Value));

    private static async Task<Ok<CoupleStatusDto>> GetCoupleAsync(GetCoupleStatus status, CancellationToken cancellationToken) =>
        TypedResults.Ok(Dto(await status.HandleAsync(cancellationToken)));

    private static async Task<Results<Ok<InviteDto>, ProblemHttpResult>> CreateInviteAsync(
        HttpContext context,
        CreateInvite invites,
        GetCoupleStatus status,
        CancellationToken cancellationToken
    )
    {
        var outcome = await invites.HandleAsync(cancellationToken);
        if (outcome.Problem is { } problem)
        {
            return ApiResults.Problem(problem);
        }

        var invite = outcome.Value!;
        var link = context.PublicBaseUrl() + "/join?code=" + invite.Code;
        return TypedResults.Ok(
            new InviteDto(invite.Code, invite.DisplayCode, link, invite.ExpiresAt, Dto(await status.HandleAsync(cancellationToken)))
        );
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeInviteAsync(
        RevokeInvite revoke,
        CancellationToken cancellationToken
    ) => ApiResults.NoContent(await revoke.HandleAsync(cancellationToken));

    private static async Task<Ok<InvitePreviewDto>> PreviewInviteAsync(
        string? code,
        PreviewInvite preview,
        CurrentMember current,
        CancellationToken cancellationToken
    )
    {
        var found = await preview.HandleAsync(code, cancellationToken);
        if (found.CoupleId is { } coupleId && (await current.MembershipAsync(cancellationToken))?.CoupleId == coupleId)
        {
            return TypedResults.Ok(
                new InvitePreviewDto(
                    "OwnInvite",
                    false,
                    null,
                    Text.Of("This is your own invite: send the link or the code to your partner.")
                )
            );
        }

        return TypedResults.Ok(
            new InvitePreviewDto(found.State.ToString(), found.State == InviteState.Valid, found.InviterFirstName, found.Problem)
        );
    }

    private static async Task<Results<Ok<CoupleStatusDto>, ProblemHttpResult>> JoinAsync(
        JoinRequest request,
        JoinCouple join,
        GetCoupleStatus status,
        CancellationToken cancellationToken
    ) =>
        (await join.HandleAsync(request, cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : TypedResults.Ok(Dto(await status.HandleAsync(cancellationToken)));

    private static async Task<Results<Ok<CoupleStatusDto>, ProblemHttpResult>> LeaveAsync(
        LeaveRequest request,
        LeaveCouple leave,
        GetCoupleStatus status,
        CancellationToken cancellationToken
    ) =>
        (await leave.HandleAsync(request, cancellationToken)).Problem is { } problem
            ? ApiResults.Problem(problem)
            : TypedResults.Ok(Dto(await status.HandleAsync(cancellationToken)));
}
