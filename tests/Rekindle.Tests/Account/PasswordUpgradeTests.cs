using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Account;

/// <summary>
/// Members whose password hash is still Identity's PBKDF2 one (decisions/0023): every path that checks
/// the password replaces it with Argon2id, and none of them changes the security stamp.
/// </summary>
public abstract class PasswordUpgradeTests(RekindleFactory app)
{
    private const string Argon2idNow = "$argon2id$v=19$m=19456,t=2,p=1$";

    [Fact]
    public async Task Signing_in_replaces_a_legacy_hash_and_the_other_devices_stay_signed_in()
    {
        var (laptop, email) = await MemberAsync(app, "Lin");
        var legacy = await GiveLegacyHashAsync(email);
        var before = await StoredAsync(email);
        Assert.Equal(legacy, before.PasswordHash);

        using var phone = app.NewBrowser();
        Assert.Contains("Hello, Lin", (await SignInAsync(phone, email)).Text, StringComparison.Ordinal);

        var after = await StoredAsync(email);
        Assert.StartsWith(Argon2idNow, after.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(
            PasswordVerificationResult.Success,
            new MemberPasswordHasher().VerifyHashedPassword(new Member(), after.PasswordHash!, GoodPassword)
        );
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);

        // Past the interval at which Identity checks each cookie's security stamp again: the laptop,
        // signed in before the upgrade, is still in.
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var laptopHome = await laptop.GetAsync("/");
        Assert.Equal("/", laptopHome.Url.AbsolutePath);
        Assert.Contains("Hello, Lin", laptopHome.Text, StringComparison.Ordinal);
        Assert.Contains("Hello, Lin", (await phone.GetAsync("/")).Text, StringComparison.Ordinal);

        // The same password still opens the account, and the new hash is not made again each time.
        using var tablet = app.NewBrowser();
        Assert.Contains("Hello, Lin", (await SignInAsync(tablet, email)).Text, StringComparison.Ordinal);
        Assert.Equal(after.PasswordHash, (await StoredAsync(email)).PasswordHash);
    }

    [Fact]
    public async Task A_wrong_password_leaves_a_legacy_hash_as_it_is()
    {
        var (browser, email) = await MemberAsync(app, "Wes");
        await browser.SubmitAsync(browser.Current!, "/account/logout");
        var legacy = await GiveLegacyHashAsync(email);
        var before = await StoredAsync(email);

        var wrong = await SignInAsync(browser, email, "not my password at all");
        Assert.Contains("don't match an account", wrong.Text, StringComparison.Ordinal);
        using var api = ApiClient.For(app);
        var refused = await api.PostAsync("/api/v1/auth/token", new { email, password = "not my password at all" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);

        var after = await StoredAsync(email);
        Assert.Equal(legacy, after.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(2, after.AccessFailedCount);

        // The right one then does.
        Assert.Contains("Hello, Wes", (await SignInAsync(browser, email)).Text, StringComparison.Ordinal);
        Assert.StartsWith(Argon2idNow, (await StoredAsync(email)).PasswordHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_sign_in_replaces_a_legacy_hash_and_earlier_clients_keep_refreshing()
    {
        var (_, email) = await MemberAsync(app, "Ari");
        using var earlier = await ApiClient.SignInAsync(app, email);
        await GiveLegacyHashAsync(email);
        var before = await StoredAsync(email);

        using var later = await ApiClient.SignInAsync(app, email);

        var after = await StoredAsync(email);
        Assert.StartsWith(Argon2idNow, after.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);

        // A refresh token carries a digest of the stamp, so a new stamp would have ended this client.
        var refreshed = await earlier.PostAsync("/api/v1/auth/refresh", new { refreshToken = earlier.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
    }

    [Fact]
    public async Task Confirming_the_password_replaces_a_legacy_hash()
    {
        var (browser, email) = await MemberAsync(app, "Cam");
        await GiveLegacyHashAsync(email);
        var before = await StoredAsync(email);

        var confirmed = await browser.SubmitAsync(
            await browser.GetAsync("/account/confirm-password"),
            "confirm-password",
            new Dictionary<string, string> { ["Input.Password"] = GoodPassword }
        );
        Assert.Equal("/account/security", confirmed.Url.AbsolutePath);

        var after = await StoredAsync(email);
        Assert.StartsWith(Argon2idNow, after.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Contains("Hello, Cam", (await browser.GetAsync("/")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_checks_racing_to_upgrade_both_succeed_and_keep_the_first_hash()
    {
        var (_, email) = await MemberAsync(app, "Rho");
        await GiveLegacyHashAsync(email);
        var before = await StoredAsync(email);

        // Two requests that loaded the member before either saved, as two sign-ins at the same moment would.
        using var first = app.Services.CreateScope();
        using var second = app.Services.CreateScope();
        var firstUsers = first.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var secondUsers = second.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var firstMember = (await firstUsers.FindByEmailAsync(email))!;
        var secondMember = (await secondUsers.FindByEmailAsync(email))!;

        Assert.True(await firstUsers.CheckPasswordAsync(firstMember, GoodPassword));
        var upgraded = (await StoredAsync(email)).PasswordHash;
        Assert.StartsWith(Argon2idNow, upgraded, StringComparison.Ordinal);

        // The second one's save loses on the concurrency stamp; its password was right all the same,
        // and what its request saves next neither fails nor puts back the old hash.
        Assert.True(await secondUsers.CheckPasswordAsync(secondMember, GoodPassword));
        Assert.True((await secondUsers.AccessFailedAsync(secondMember)).Succeeded);

        var after = await StoredAsync(email);
        Assert.Equal(upgraded, after.PasswordHash);
        Assert.Equal(before.SecurityStamp, after.SecurityStamp);
        Assert.Equal(1, after.AccessFailedCount);
    }

    // What members who registered before decision 0023 have: Identity's V3 hash (PBKDF2-HMAC-SHA512, 100,000 iterations).
    private async Task<string> GiveLegacyHashAsync(string email)
    {
        var legacy = new PasswordHasher<Member>().HashPassword(new Member(), GoodPassword);
        Assert.Equal(
            1,
            await app.WithDbAsync(db =>
                db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PasswordHash, legacy))
            )
        );
        return legacy;
    }

    private Task<Member> StoredAsync(string email) => app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
}

public sealed class PasswordUpgradeTestsOnSqlite(SqliteApp app) : PasswordUpgradeTests(app), IClassFixture<SqliteApp>;

public sealed class PasswordUpgradeTestsOnPostgres(PostgresApp app) : PasswordUpgradeTests(app), IClassFixture<PostgresApp>;
