using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Sealing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Platform;

/// <summary>Sealing at rest (TRUST.md T10), on the fields sealed so far: the device descriptions.</summary>
public abstract class SealingTests(RekindleFactory app)
{
    private const string FirefoxOnAndroid = "Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0";

    private async Task<(TestBrowser Browser, Guid MemberId)> MemberOnFirefoxAsync(string name)
    {
        var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd(FirefoxOnAndroid);
        var email = NewEmail(name.ToLowerInvariant());
        await RegisterAsync(browser, name, email);
        await ConfirmAsync(app, browser, email);
        await SignInAsync(browser, email);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        return (browser, id);
    }

    private async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Device_descriptions_are_stored_sealed_and_shown_opened_to_their_member()
    {
        var (browser, memberId) = await MemberOnFirefoxAsync("Seal");
        Assert.Contains("Firefox on Android", (await browser.GetAsync("/account/activity")).Text, StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == memberId)
            .Select(s => EF.Property<SealedText>(s, nameof(MemberSession.Device))).ToListAsync());
        Assert.NotEmpty(stored);
        Assert.All(stored, s => Assert.StartsWith("rk1.1.", s.Envelope, StringComparison.Ordinal));
        Assert.All(stored, s => Assert.DoesNotContain("Firefox", s.Envelope, StringComparison.Ordinal));
        Assert.Equal("[sealed]", stored[0].ToString());
    }

    [Fact]
    public async Task A_sealed_value_moved_to_another_row_or_member_fails_to_open()
    {
        var (one, oneId) = await MemberOnFirefoxAsync("One");
        var (_, twoId) = await MemberOnFirefoxAsync("Two");
        await one.SubmitAsync(await one.GetAsync("/"), "/account/logout");
        await SignInAsync(one, await app.WithDbAsync(db => db.Users.Where(u => u.Id == oneId).Select(u => u.Email!).SingleAsync()));

        var sessionsOfOne = await app.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == oneId).OrderBy(s => s.CreatedAt).ToListAsync());
        var sessionOfTwo = await app.WithDbAsync(db => db.MemberSessions.FirstAsync(s => s.MemberId == twoId));
        Assert.True(sessionsOfOne.Count >= 2);

        await WithServicesAsync(async services =>
        {
            var sealer = services.GetRequiredService<Sealer>();
            var first = sessionsOfOne[0];
            Assert.Equal("Firefox on Android", await sealer.OpenAsync(first.Device, MemberSession.DevicePlace(first.Id, oneId)));
            Assert.Null(await sealer.OpenAsync(first.Device, MemberSession.DevicePlace(sessionsOfOne[1].Id, oneId)));
            Assert.Null(await sealer.OpenAsync(first.Device, MemberSession.DevicePlace(sessionOfTwo.Id, twoId)));
            Assert.Null(await sealer.OpenAsync(first.Device, new SealPlace("SecurityEvents", "Device", first.Id, KeyOwner.Member(oneId))));
            return 0;
        });

        // Copied in the database itself: the page shows it can't be opened, and nothing breaks.
        var copied = sessionOfTwo.Device.Envelope;
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE \"MemberSessions\" SET \"Device\" = {copied} WHERE \"Id\" = {sessionsOfOne[^1].Id}"));
        var activity = await one.GetAsync("/account/activity");
        Assert.Contains("an unknown device", activity.TextOf("#sessions"), StringComparison.Ordinal);
        Assert.Contains("Firefox on Android", activity.TextOf("#security-log"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_rotation_new_values_use_the_new_key_and_old_ones_still_open()
    {
        var (browser, memberId) = await MemberOnFirefoxAsync("Rot");
        var version = await WithServicesAsync(services => services.GetRequiredService<KeyRing>().RotateAsync(KeyOwner.Member(memberId)));
        Assert.Equal(2, version);

        await browser.SubmitAsync(await browser.GetAsync("/"), "/account/logout");
        await SignInAsync(browser, await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Email!).SingleAsync()));
        var envelopes = await app.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == memberId).OrderBy(s => s.CreatedAt)
            .Select(s => EF.Property<SealedText>(s, nameof(MemberSession.Device))).ToListAsync());
        Assert.StartsWith("rk1.1.", envelopes[0].Envelope, StringComparison.Ordinal);
        Assert.StartsWith("rk1.2.", envelopes[^1].Envelope, StringComparison.Ordinal);

        var activity = await browser.GetAsync("/account/activity");
        Assert.DoesNotContain("an unknown device", activity.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rotation_pass_reseals_every_value_with_the_newest_key()
    {
        var (browser, memberId) = await MemberOnFirefoxAsync("Pass");
        var result = await WithServicesAsync(services => services.GetRequiredService<RotateKeys>().HandleAsync());
        Assert.True(result.Owners >= 1);
        Assert.True(result.Resealed >= 2, $"Only {result.Resealed} values were re-sealed");

        var newest = await WithServicesAsync(async services => (await services.GetRequiredService<KeyRing>().CurrentAsync(KeyOwner.Member(memberId))).Version);
        var sessions = await app.WithDbAsync(db => db.MemberSessions.Where(s => s.MemberId == memberId).Select(s => EF.Property<SealedText>(s, nameof(MemberSession.Device))).ToListAsync());
        var events = await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.MemberId == memberId).Select(e => EF.Property<SealedText>(e, nameof(SecurityEvent.Device))).ToListAsync());
        Assert.All(sessions.Concat(events), v => Assert.Equal(newest, Sealer.VersionOf(v)));

        var activity = await browser.GetAsync("/account/activity");
        Assert.Contains("Firefox on Android", activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("an unknown device", activity.Text, StringComparison.Ordinal);

        // Running it again (after an interruption, say) adds another version and moves everything again; nothing is lost.
        var again = await WithServicesAsync(services => services.GetRequiredService<RotateKeys>().HandleAsync());
        Assert.True(again.Resealed >= result.Resealed);
        Assert.DoesNotContain("an unknown device", (await browser.GetAsync("/account/activity")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Destroying_a_members_key_leaves_their_sealed_values_unopenable()
    {
        var (_, memberId) = await MemberOnFirefoxAsync("Shred");
        var session = await app.WithDbAsync(db => db.MemberSessions.AsNoTracking().FirstAsync(s => s.MemberId == memberId));
        var opened = await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<KeyRing>().DestroyAsync(KeyOwner.Member(memberId));
            return await services.GetRequiredService<Sealer>().OpenAsync(session.Device, MemberSession.DevicePlace(session.Id, memberId));
        });
        Assert.Null(opened);

        // Another process (a second server) has no cached copy either.
        Assert.False(await app.WithDbAsync(db => db.DataKeys.AnyAsync(k => k.OwnerId == memberId)));
    }
}

public sealed class SealingTestsOnSqlite(SqliteApp app) : SealingTests(app), IClassFixture<SqliteApp>;

public sealed class SealingTestsOnPostgres(PostgresApp app) : SealingTests(app), IClassFixture<PostgresApp>;
