using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Rekindle.Web.Components.Shared;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Passkeys, with the WebAuthn checks done by Identity. The browser asks for options, talks to the
/// authenticator, and posts the resulting credential back in an ordinary form (antiforgery included).
/// </summary>
public sealed class Passkeys(SignInManager<Member> signIn, ILogger<Passkeys> logger)
{
    public const int MaxCredentialJsonLength = 64 * 1024;
    public const int NameMaxLength = 50;

    public async Task<string?> AddAsync(Member member, string? credentialJson, string? name)
    {
        if (string.IsNullOrEmpty(credentialJson) || credentialJson.Length > MaxCredentialJsonLength)
        {
            return "Your browser didn't send a passkey. Please try again.";
        }

        var attestation = await TryAsync(() => signIn.PerformPasskeyAttestationAsync(credentialJson));
        if (attestation is not { Succeeded: true })
        {
            logger.LogInformation("A passkey for member {MemberId} was refused", member.Id);
            return "That passkey couldn't be added. Please try again.";
        }

        var passkey = attestation.Passkey;
        var label = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        passkey.Name = label is null ? "Passkey" : label[..Math.Min(label.Length, NameMaxLength)];
        var result = await signIn.UserManager.AddOrUpdatePasskeyAsync(member, passkey);
        if (!result.Succeeded)
        {
            return "That passkey couldn't be added. Please try again.";
        }

        logger.LogInformation("Member {MemberId} added a passkey", member.Id);
        return null;
    }

    /// <summary>
    /// A credential is whatever the browser (or anyone) posted: Identity throws on text that is not
    /// a credential at all, and that must read as a failed attempt, not a server error.
    /// </summary>
    private static async Task<T?> TryAsync<T>(Func<Task<T>> verify)
        where T : class
    {
        try
        {
            return await verify();
        }
        catch (Exception ex)
            when (ex
                    is System.Text.Json.JsonException
                        or PasskeyException
                        or FormatException
                        or ArgumentException
                        or InvalidOperationException
            )
        {
            return null;
        }
    }

    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/account/passkey").RequireRateLimiting(Infrastructure.Security.GuessLimits.Policy);

        group
            .MapPost(
                "/creation-options",
                async (ClaimsPrincipal user, SignInManager<Member> signIn, RecentConfirmation recent, MemberNames names) =>
                {
                    var member = await signIn.UserManager.GetUserAsync(user);
                    if (member is null)
                    {
                        return Results.NotFound();
                    }

                    if (!recent.IsFresh(member.Id))
                    {
                        return Results.Problem("Confirm your password first.", statusCode: StatusCodes.Status403Forbidden);
                    }

                    var options = await signIn.MakePasskeyCreationOptionsAsync(
                        new PasskeyUserEntity
                        {
                            Id = member.Id.ToString(),
                            Name = member.Email!,
                            DisplayName = await names.OpenAsync(member),
                        }
                    );
                    return Results.Content(options, "application/json");
                }
            )
            .RequireAuthorization();

        group.MapPost("/request-options", async (SignInManager<Member> signIn) =>
        {
            // Never for a named account: its list of credential ids would tell a stranger the account
            // exists. The browser offers the passkeys it holds for this site instead.
            var options = await signIn.MakePasskeyRequestOptionsAsync(null);
            return Results.Content(options, "application/json");
        });

        group.MapPost(
            "/sign-in",
            async ([FromForm] string? credential, [FromForm] string? returnUrl, SignInManager<Member> signIn, ILogger<Passkeys> logger) =>
            {
                if (string.IsNullOrEmpty(credential) || credential.Length > MaxCredentialJsonLength)
                {
                    return Results.Redirect("/account/login?error=passkey");
                }

                // Not PasskeySignInAsync: it applies the password lockout, and a partner who knows the
                // email could then keep the member out for good by typing wrong passwords. A passkey
                // cannot be guessed, so it still works while password sign-in is paused.
                var assertion = await TryAsync(() => signIn.PerformPasskeyAssertionAsync(credential));
                if (assertion is not { Succeeded: true })
                {
                    return Results.Redirect("/account/login?error=passkey");
                }

                // The passkey proved who this is, so saying the account is turned off tells no stranger anything.
                if (assertion.User.DisabledAt is not null)
                {
                    return Results.Redirect("/account/login?error=turned-off");
                }

                if (!await signIn.CanSignInAsync(assertion.User))
                {
                    return Results.Redirect("/account/login?error=passkey");
                }

                // Stores the authenticator's new signature counter, so a cloned passkey shows up.
                await signIn.UserManager.AddOrUpdatePasskeyAsync(assertion.User, assertion.Passkey);
                await signIn.SignInAsync(assertion.User, isPersistent: false, authenticationMethod: "passkey");
                logger.LogInformation("Member {MemberId} signed in with a passkey", assertion.User.Id);
                return Results.Redirect(RedirectManager.SafeLocal(returnUrl));
            }
        );
    }
}
