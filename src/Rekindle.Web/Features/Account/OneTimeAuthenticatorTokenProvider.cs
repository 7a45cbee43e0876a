using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Checks authenticator codes like Identity's own provider, but accepts each time step once per
/// member, and never a step older than one already used. The used step is written before the code
/// counts, and the table's key makes two simultaneous uses of one code fail for one of them.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider(AppDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<Member>
{
    public const string ProviderName = "OneTimeAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<Member> manager, Member user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The app on the member's phone makes the codes, never the server.
    public Task<string> GenerateAsync(string purpose, UserManager<Member> manager, Member user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<Member> manager, Member user)
    {
        var code = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var step = Totp.MatchingStep(Base32.Decode(key), code, now);
        if (step is null)
        {
            return false;
        }

        var usedLater = await db.UsedTotpSteps.AnyAsync(s => s.MemberId == user.Id && s.Step >= step.Value);
        if (usedLater)
        {
            return false;
        }

        try
        {
            // Old steps can never be accepted again (see above), so only the newest one needs keeping.
            await db.UsedTotpSteps.Where(s => s.MemberId == user.Id && s.Step < step.Value).ExecuteDeleteAsync();
            db.UsedTotpSteps.Add(new UsedTotpStep { MemberId = user.Id, Step = step.Value });
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            // The same code won a race in another request: this use is a replay.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
