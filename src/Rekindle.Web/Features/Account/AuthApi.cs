using Microsoft.AspNetCore.Http.HttpResults;
using Rekindle.Web.Infrastructure.Security;

namespace Rekindle.Web.Features.Account;

/// <summary>Email and password; with two-factor on, Code from the authenticator app or, instead, one of the member's RecoveryCode (each
/// works once).</summary>
public sealed record TokenRequest(string? Email, string? Password, string? Code, string? RecoveryCode = null);

public sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// /api/v1/auth: tokens for API clients (decisions/0021). These three take no cookie and set none,
/// so they need no antiforgery token (FormGuard lets exactly these through); each counts towards the
/// same per-address guessing limit as the sign-in form, and passwords and codes towards the same lockout.
/// </summary>
[Infrastructure.Api.ApiArea(Infrastructure.Api.ApiAccess.Anyone)]
public static class AuthApi
{
    public const string TokenPath = "/api/v1/auth/token";
    public const string RefreshPath = "/api/v1/auth/refresh";
    public const string RevokePath = "/api/v1/auth/revoke";

    public static readonly string[] Paths = [TokenPath, RefreshPath, RevokePath];

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(GuessLimits.Policy);

        auth.MapPost("/token", CreateTokenAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("CreateToken")
            .WithSummary(
                "Sign in an API client (with two-factor on: an authenticator code, or a recovery code once): a short-lived access token and a refresh token"
            );

        auth.MapPost("/refresh", RefreshTokenAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("RefreshToken")
            .WithSummary("A new token pair; the refresh token sent stops working");

        auth.MapPost("/revoke", RevokeTokenAsync)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName("RevokeToken")
            .WithSummary("Ends the session of a refresh token: both its tokens stop working");
    }

    private static async Task<Results<Ok<TokenPair>, ValidationProblem, ProblemHttpResult>> CreateTokenAsync(
        TokenRequest request,
        SignInWithPassword signIn,
        StartApiSession start
    )
    {
        var (step, memberId) = await signIn.CheckForApiAsync(request.Email, request.Password, request.Code, request.RecoveryCode);
        return step switch
        {
            SignInStep.SignedIn => TypedResults.Ok(await start.HandleAsync(memberId!.Value)),
            SignInStep.NeedsSecondFactor => TypedResults.ValidationProblem(
                new Dictionary<string, string[]>
                {
                    ["code"] = ["Enter the 6-digit code from your authenticator app, or one of your recovery codes as recoveryCode."],
                },
                title: "A code from your authenticator app is needed"
            ),
            // Only after the right password and wrong codes: a wrong password, an unknown email and a paused
            // account all get the one answer below (decisions/0025).
            SignInStep.LockedOut => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Signing in is paused for a while",
                detail: "After several wrong codes, signing in to this account is paused for 15 minutes. Please try again later, or reset your password."
            ),
            SignInStep.TurnedOff => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: SignInWithPassword.TurnedOffMessage
            ),
            SignInStep.EmailNotConfirmed => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Please confirm your email address first"
            ),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "That email and password don't match an account",
                detail: "Or signing in to it is paused for a while after several wrong tries. Check them and try again later, or reset your password."
            ),
        };
    }

    private static async Task<Results<Ok<TokenPair>, ProblemHttpResult>> RefreshTokenAsync(
        RefreshRequest request,
        RefreshApiTokens refresh
    ) =>
        await refresh.HandleAsync(request.RefreshToken) is { } pair
            ? TypedResults.Ok(pair)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Please sign in again",
                detail: "This refresh token was already used, has expired, or its session was ended."
            );

    private static async Task<NoContent> RevokeTokenAsync(RefreshRequest request, RevokeApiToken revoke)
    {
        await revoke.HandleAsync(request.RefreshToken);
        return TypedResults.NoContent();
    }
}
