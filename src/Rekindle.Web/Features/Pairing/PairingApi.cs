using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Features.Account;

namespace Rekindle.Web.Features.Pairing;

/// <summary>Who the API client is signed in as.</summary>
public sealed record MeDto(Guid MemberId, Guid SessionId);

/// <summary>The couple as the member may know it: GetCoupleStatus, without ids.</summary>
public sealed record CoupleStatusDto(string Stage, bool PartnerJoined, string? PartnerFirstName, DateTime? TogetherSince, DateTime? InviteExpiresAt, DateTime? PartnerLeftAt);

public static class PairingApi
{
    public static void MapPairingApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Pairing");
        group.MapGet("/me", Ok<MeDto> (HttpContext context) =>
                TypedResults.Ok(new MeDto(Sessions.MemberIdOf(context.User)!.Value, Sessions.SessionIdOf(context.User)!.Value)))
            .WithName("GetMe").WithSummary("The signed-in member and this client's session");

        group.MapGet("/couple", async Task<Ok<CoupleStatusDto>> (GetCoupleStatus status, CancellationToken cancellationToken) =>
            {
                var s = await status.HandleAsync(cancellationToken);
                return TypedResults.Ok(new CoupleStatusDto(s.Stage.ToString(), s.Stage == CoupleStage.Together, s.PartnerFirstName, s.TogetherSince, s.ActiveInviteExpiresAt, s.PartnerLeftAt));
            })
            .WithName("GetCouple").WithSummary("Whether the partner has joined");
    }
}
