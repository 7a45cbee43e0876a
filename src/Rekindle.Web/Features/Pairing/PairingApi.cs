using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Security;

namespace Rekindle.Web.Features.Pairing;

/// <summary>Who the API client is signed in as.</summary>
public sealed record MeDto(Guid MemberId, Guid SessionId);

/// <summary>The couple as the member may know it: GetCoupleStatus, without ids.</summary>
public sealed record CoupleStatusDto(string Stage, bool PartnerJoined, string? PartnerFirstName, DateTime? TogetherSince, DateTime? InviteExpiresAt, DateTime? PartnerLeftAt);

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
        group.MapGet("/me", Ok<MeDto> (HttpContext context) =>
                TypedResults.Ok(new MeDto(Sessions.MemberIdOf(context.User)!.Value, Sessions.SessionIdOf(context.User)!.Value)))
            .WithName("GetMe").WithSummary("The signed-in member and this client's session");

        group.MapGet("/couple", async Task<Ok<CoupleStatusDto>> (GetCoupleStatus status, CancellationToken cancellationToken) =>
                TypedResults.Ok(Dto(await status.HandleAsync(cancellationToken))))
            .WithName("GetCouple").WithSummary("Whether the partner has joined");

        group.MapPost("/couple/invite", async Task<Results<Ok<InviteDto>, ProblemHttpResult>> (
                HttpContext context, CreateInvite invites, GetCoupleStatus status, CancellationToken cancellationToken) =>
            {
                var outcome = await invites.HandleAsync(cancellationToken);
                if (!outcome.Succeeded)
                {
                    return Conflict(outcome.Error!);
                }

                var invite = outcome.Value!;
                var link = context.PublicBaseUrl() + "/join?code=" + invite.Code;
                return TypedResults.Ok(new InviteDto(invite.Code, invite.DisplayCode, link, invite.ExpiresAt, Dto(await status.HandleAsync(cancellationToken))));
            })
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("CreateInvite").WithSummary("Start your couple space if need be and make an invite; a new invite cancels the earlier one");

        group.MapDelete("/couple/invite", async Task<Results<NoContent, ProblemHttpResult>> (RevokeInvite revoke, CancellationToken cancellationToken) =>
                await revoke.HandleAsync(cancellationToken) ? TypedResults.NoContent() : TalkApi.NotFound("There was no live invite to cancel."))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeInvite").WithSummary("Cancel the live invite: its code and link stop working at once");

        // Looking a code up and joining with one are guesses at a secret: the same per-address limit as the join page.
        group.MapGet("/invites/preview", async Task<Ok<InvitePreviewDto>> (string? code, PreviewInvite preview, CurrentMember current, CancellationToken cancellationToken) =>
            {
                var found = await preview.HandleAsync(code, cancellationToken);
                if (found.CoupleId is { } coupleId && (await current.MembershipAsync(cancellationToken))?.CoupleId == coupleId)
                {
                    return TypedResults.Ok(new InvitePreviewDto("OwnInvite", false, null, "This is your own invite: send the link or the code to your partner."));
                }

                return TypedResults.Ok(new InvitePreviewDto(found.State.ToString(), found.State == InviteState.Valid, found.InviterFirstName, found.Problem));
            })
            .RequireRateLimiting(GuessLimits.Policy)
            .WithName("PreviewInvite").WithSummary("Whether an invite code can be used, and whose space it opens");

        group.MapPost("/couple/join", async Task<Results<Ok<CoupleStatusDto>, ValidationProblem>> (
                JoinRequest request, JoinCouple join, GetCoupleStatus status, CancellationToken cancellationToken) =>
            {
                var outcome = await join.JoinAndTellAsync(request.Code, cancellationToken);
                return outcome.Succeeded
                    ? TypedResults.Ok(Dto(await status.HandleAsync(cancellationToken)))
                    : TalkApi.Invalid("code", outcome.Error!);
            })
            .RequireRateLimiting(GuessLimits.Policy)
            .WithName("JoinCouple").WithSummary("Join your partner's couple space with their invite code");

        group.MapPost("/couple/leave", async Task<Results<Ok<CoupleStatusDto>, ValidationProblem, ProblemHttpResult>> (
                LeaveRequest request, LeaveCouple leave, GetCoupleStatus status, CancellationToken cancellationToken) =>
            {
                if (!request.Confirm)
                {
                    return TalkApi.Invalid("confirm", "Confirm that you want to leave (confirm: true).");
                }

                return await leave.HandleAsync(cancellationToken)
                    ? TypedResults.Ok(Dto(await status.HandleAsync(cancellationToken)))
                    : TalkApi.NotFound("You are not in a couple space.");
            })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("LeaveCouple").WithSummary("Leave the couple space at once; the partner who stays gets a fresh space");
    }

    internal static CoupleStatusDto Dto(CoupleStatus s) =>
        new(s.Stage.ToString(), s.Stage == CoupleStage.Together, s.PartnerFirstName, s.TogetherSince, s.ActiveInviteExpiresAt, s.PartnerLeftAt);

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
