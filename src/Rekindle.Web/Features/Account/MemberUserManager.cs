using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Identity's user manager with two changes to password checks (decisions/0023):
/// <list type="bullet">
/// <item>the hash is verified through <see cref="MemberPasswordHasher"/>'s async gate, so a request
/// waiting for a free core holds no thread;</item>
/// <item>when a password is right but its hash should be replaced (Identity's old PBKDF2 hash, or an
/// Argon2id hash with lower parameters), the new hash is saved <em>without</em> a new security stamp.</item>
/// </list>
/// </summary>
/// <remarks>
/// Identity's own <see cref="UserManager{TUser}.CheckPasswordAsync"/> saves the new hash through its
/// private UpdatePasswordHash, which also rotates the security stamp: the member's other devices
/// would be signed out at their next stamp check and their API clients' refresh tokens (which carry
/// a digest of the stamp) refused, only because they signed in somewhere. The stamp says "something
/// about signing in changed"; a new encoding of the same password is not such a change. Every
/// password check goes through <see cref="CheckPasswordAsync"/> (SignInManager's password sign-in, the
/// API token path, the re-confirmation and change-password pages), so this one override upgrades
/// them all. A real password change or reset still goes through Identity and rotates the stamp.
/// </remarks>
public sealed class MemberUserManager(
    IUserStore<Member> store,
    IOptions<IdentityOptions> optionsAccessor,
    MemberPasswordHasher passwordHasher,
    IEnumerable<IUserValidator<Member>> userValidators,
    IEnumerable<IPasswordValidator<Member>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<Member>> logger
) : UserManager<Member>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    public override async Task<bool> CheckPasswordAsync(Member user, string password)
    {
        ThrowIfDisposed();
        if (user is null)
        {
            return false;
        }

        var passwords = Store as IUserPasswordStore<Member> ?? throw new NotSupportedException("The user store keeps no passwords.");
        var result = await VerifyPasswordAsync(passwords, user, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await UpgradeHashAsync(passwords, user, password);
        }

        return result != PasswordVerificationResult.Failed;
    }

    protected override async Task<PasswordVerificationResult> VerifyPasswordAsync(
        IUserPasswordStore<Member> store,
        Member user,
        string password
    )
    {
        ArgumentNullException.ThrowIfNull(store);
        var hash = await store.GetPasswordHashAsync(user, CancellationToken);
        return await passwordHasher.VerifyHashedPasswordAsync(user, hash, password, CancellationToken);
    }

    private async Task UpgradeHashAsync(IUserPasswordStore<Member> passwords, Member user, string password)
    {
        await passwords.SetPasswordHashAsync(user, await passwordHasher.HashPasswordAsync(password, CancellationToken), CancellationToken);

        // The store's own update: it writes the row under its concurrency stamp and leaves the security stamp alone.
        var saved = await Store.UpdateAsync(user, CancellationToken);
        if (saved.Succeeded)
        {
            Logger.LogInformation("Member {MemberId}'s password hash was upgraded", user.Id);
            return;
        }

        // Someone else saved the member first (most likely another sign-in upgrading the same hash).
        // The password was still right; take the row as it now is, so this request's later saves
        // (lockout reset, session) neither fail on the old concurrency stamp nor overwrite theirs.
        Logger.LogInformation("Member {MemberId}'s password hash was not upgraded: the row changed meanwhile", user.Id);
        if (Store is SealedUserStore sealedStore)
        {
            await sealedStore.Context.Entry(user).ReloadAsync(CancellationToken);
        }
    }
}
