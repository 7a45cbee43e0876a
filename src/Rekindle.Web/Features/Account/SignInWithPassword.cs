using Microsoft.AspNetCore.Identity;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Account;

public enum SignInStep
{
    SignedIn,
    NeedsSecondFactor,
    LockedOut,
    EmailNotConfirmed,
    Failed,

    /// <summary>The right password for an account the operator turned off (decisions/0045): said only after the password was
    /// right, so it tells a stranger nothing.</summary>
    TurnedOff,
}

/// <summary>
/// Password sign-in. Every failure counts towards lockout (five in a row locks the account for a
/// while); unknown and known emails get the same answer, locked or not: a wrong password, an unknown
/// email and a paused account all answer <see cref="SignInStep.Failed"/>, after the same password-hash
/// work, and the page's one message covers all three. The member learns of the pause by email
/// instead (decisions/0025). <see cref="SignInStep.LockedOut"/> is only ever said to someone who
/// gave the right password and then wrong second-factor codes.
/// </summary>
public sealed class SignInWithPassword(
    SignInManager<Member> signIn,
    MemberPasswordHasher hasher,
    RecentConfirmation recent,
    SecurityLog log,
    Infrastructure.Jobs.NoticeOutbox notices,
    TimeProvider clock,
    ILogger<SignInWithPassword> logger
)
{
    /// <summary>What every sign-in path says to a member whose account the operator turned off (decisions/0045).</summary>
    public static string TurnedOffMessage => Text.Of("This account is turned off. Ask whoever runs this server.");

    /// <summary>Who signed in, once <see cref="HandleAsync"/> answered <see cref="SignInStep.SignedIn"/>.</summary>
    public Guid? SignedInMemberId { get; private set; }

    public async Task<SignInStep> HandleAsync(string? email, string? password, bool remember)
    {
        if (
            string.IsNullOrWhiteSpace(email)
            || string.IsNullOrEmpty(password)
            || email.Length > RegisterMember.EmailMaxLength
            || password.Length > MemberPasswordValidator.MaxLength
        )
        {
            return SignInStep.Failed;
        }

        var member = await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (member is null)
        {
            // Spend about the time a real check takes, so a quick answer doesn't reveal that no account exists.
            await hasher.VerifyHashedPasswordAsync(new Member(), DummyHash, password);
            return SignInStep.Failed;
        }

        if (!member.EmailConfirmed || member.DisabledAt is not null)
        {
            // Identity would say "not allowed" before checking the password, telling anyone that the
            // email has an account (unconfirmed, or turned off by the operator). Check the password
            // first, counting failures as usual.
            var users = signIn.UserManager;
            if (await users.IsLockedOutAsync(member))
            {
                return await PausedAsync(password);
            }

            if (!await users.CheckPasswordAsync(member, password))
            {
                await users.AccessFailedAsync(member);
                if (await users.IsLockedOutAsync(member))
                {
                    await PausedNowAsync(member);
                }

                return SignInStep.Failed;
            }

            return member.DisabledAt is not null ? SignInStep.TurnedOff : SignInStep.EmailNotConfirmed;
        }

        // Identity answers a paused account without checking the password, which is quick: check first,
        // and spend the same work as for an unknown email.
        if (await signIn.UserManager.IsLockedOutAsync(member))
        {
            return await PausedAsync(password);
        }

        var result = await signIn.PasswordSignInAsync(member, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            recent.Mark(member.Id);
            logger.LogInformation("Member {MemberId} signed in with a password", member.Id);
            SignedInMemberId = member.Id;
            return SignInStep.SignedIn;
        }

        if (result.RequiresTwoFactor)
        {
            return SignInStep.NeedsSecondFactor;
        }

        if (result.IsLockedOut)
        {
            // This wrong password started the pause.
            await PausedNowAsync(member);
            return SignInStep.Failed;
        }

        if (result.IsNotAllowed)
        {
            return SignInStep.EmailNotConfirmed;
        }

        await log.RecordAsync(member.Id, SecurityEventKind.SignInFailed);
        return SignInStep.Failed;
    }

    /// <summary>
    /// The same checks for an API client (decisions/0021), without a cookie: the password, then, when
    /// the member has two-factor on, the authenticator code or instead one of their recovery codes
    /// (each works once, as on the recovery sign-in page, and its use goes in the security log). Every
    /// wrong password or code, recovery codes included, counts towards the same lockout as the form.
    /// </summary>
    public async Task<(SignInStep Step, Guid? MemberId)> CheckForApiAsync(
        string? email,
        string? password,
        string? code,
        string? recoveryCode = null
    )
    {
        if (
            string.IsNullOrWhiteSpace(email)
            || string.IsNullOrEmpty(password)
            || email.Length > RegisterMember.EmailMaxLength
            || password.Length > MemberPasswordValidator.MaxLength
            || code is { Length: > 20 }
            || recoveryCode is { Length: > 40 }
        )
        {
            return (SignInStep.Failed, null);
        }

        var users = signIn.UserManager;
        var member = await users.FindByEmailAsync(email.Trim());
        if (member is null)
        {
            await hasher.VerifyHashedPasswordAsync(new Member(), DummyHash, password);
            return (SignInStep.Failed, null);
        }

        if (await users.IsLockedOutAsync(member))
        {
            return (await PausedAsync(password), null);
        }

        if (!await users.CheckPasswordAsync(member, password))
        {
            // A wrong password answers alike whether or not it starts a pause.
            await FailedAsync(member);
            return (SignInStep.Failed, null);
        }

        if (member.DisabledAt is not null)
        {
            return (SignInStep.TurnedOff, null);
        }

        if (!member.EmailConfirmed)
        {
            return (SignInStep.EmailNotConfirmed, null);
        }

        if (await users.GetTwoFactorEnabledAsync(member))
        {
            if (string.IsNullOrWhiteSpace(code) && !string.IsNullOrWhiteSpace(recoveryCode))
            {
                return await RecoveryCodeForApiAsync(member, recoveryCode);
            }

            if (string.IsNullOrWhiteSpace(code))
            {
                return (SignInStep.NeedsSecondFactor, null);
            }

            var digits = code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            if (!await users.VerifyTwoFactorTokenAsync(member, users.Options.Tokens.AuthenticatorTokenProvider, digits))
            {
                return (await FailedAsync(member), null);
            }
        }

        await users.ResetAccessFailedCountAsync(member);
        logger.LogInformation("Member {MemberId} signed in an API client", member.Id);
        return (SignInStep.SignedIn, member.Id);
    }

    // As the recovery sign-in page: spaces don't matter, and Identity removes the code as it redeems it,
    // so it works once (two racing requests: the member row's concurrency stamp lets only one save).
    // Unlike Identity's page flow, a wrong recovery code counts towards lockout like a wrong authenticator code.
    private async Task<(SignInStep Step, Guid? MemberId)> RecoveryCodeForApiAsync(Member member, string recoveryCode)
    {
        var users = signIn.UserManager;
        if (!(await users.RedeemTwoFactorRecoveryCodeAsync(member, recoveryCode.Replace(" ", "", StringComparison.Ordinal))).Succeeded)
        {
            return (await FailedAsync(member), null);
        }

        await users.ResetAccessFailedCountAsync(member);
        logger.LogInformation("Member {MemberId} signed in an API client with a recovery code", member.Id);
        await log.RecordAsync(member.Id, SecurityEventKind.RecoveryCodeUsed);
        return (SignInStep.SignedIn, member.Id);
    }

    private async Task<SignInStep> FailedAsync(Member member)
    {
        var users = signIn.UserManager;
        await users.AccessFailedAsync(member);
        if (await users.IsLockedOutAsync(member))
        {
            await PausedNowAsync(member);
            return SignInStep.LockedOut;
        }

        await log.RecordAsync(member.Id, SecurityEventKind.SignInFailed);
        return SignInStep.Failed;
    }

    /// <summary>A paused account answers like an unknown email, after the same work.</summary>
    private async Task<SignInStep> PausedAsync(string password)
    {
        await hasher.VerifyHashedPasswordAsync(new Member(), DummyHash, password);
        return SignInStep.Failed;
    }

    /// <summary>
    /// The member's own record and an email (through the outbox, so this answer takes no longer than
    /// any other): "signing in was paused". At most one email a day, however often it happens.
    /// </summary>
    private async Task PausedNowAsync(Member member)
    {
        logger.LogWarning("Member {MemberId} is locked out", member.Id);
        await log.RecordAsync(member.Id, SecurityEventKind.LockedOut);
        await TellMemberPausedAsync(member.Id);
    }

    /// <summary>Queues the "signing in was paused" email (once a day at most); every path that can pause signing in calls it.</summary>
    public async Task TellMemberPausedAsync(Guid memberId)
    {
        var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).DayNumber;
        await notices.QueueAsync(memberId, Infrastructure.Jobs.NoticeKind.SignInPaused, $"paused:{memberId:N}:{day}");
    }

    // Made by the hasher members' passwords go through, with its current parameters, so an unknown
    // email costs what a known one does (decisions/0004, 0023).
    private static readonly string DummyHash = new MemberPasswordHasher().HashPassword(new Member(), "not-a-real-password-at-all");
}
