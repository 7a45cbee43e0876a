using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Infrastructure.Sealing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Platform;

/// <summary>Sealing at rest (docs/TRUST.md T10), on the fields sealed so far: the device descriptions.</summary>
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

        var stored = await app.WithDbAsync(db =>
            db.MemberSessions.Where(s => s.MemberId == memberId)
                .Select(s => EF.Property<SealedText>(s, nameof(MemberSession.Device)))
                .ToListAsync()
        );
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

        var sessionsOfOne = await app.WithDbAsync(db =>
            db.MemberSessions.Where(s => s.MemberId == oneId).OrderBy(s => s.CreatedAt).ToListAsync()
        );
        var sessionOfTwo = await app.WithDbAsync(db => db.MemberSessions.FirstAsync(s => s.MemberId == twoId));
        Assert.True(sessionsOfOne.Count >= 2);

        await WithServicesAsync(async services =>
        {
            var sealer = services.GetRequiredService<Sealer>();
            var first = sessionsOfOne[0];
            Assert.Equal("Firefox on Android", await sealer.OpenAsync(first.Device, MemberSession.DevicePlace(first.Id, oneId)));
            await Assert.ThrowsAsync<SealedValueUnreadableException>(() =>
                sealer.OpenAsync(first.Device, MemberSession.DevicePlace(sessionsOfOne[1].Id, oneId))
            );
            await Assert.ThrowsAsync<SealedValueUnreadableException>(() =>
                sealer.OpenAsync(first.Device, MemberSession.DevicePlace(sessionOfTwo.Id, twoId))
            );
            await Assert.ThrowsAsync<SealedValueUnreadableException>(() =>
                sealer.OpenAsync(first.Device, SealedPlaces.SecurityEventDevice.At(first.Id, KeyOwner.Member(oneId)))
            );
            return 0;
        });

        // Copied in the database itself: the page answers an error (it never shows the value as missing),
        // and the log names the place and the row, nothing of what the value held.
        var copied = sessionOfTwo.Device.Envelope;
        var target = sessionsOfOne[^1].Id;
        await app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"MemberSessions\" SET \"Device\" = {copied} WHERE \"Id\" = {target}")
        );
        var activity = await one.GetAsync("/account/activity");
        Assert.Equal(HttpStatusCode.InternalServerError, activity.Status);
        Assert.Contains("Something went wrong on our side", activity.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("an unknown device", activity.Text, StringComparison.Ordinal);
        AssertLoggedWithIdOnly("MemberSessions.Device", target, copied, "Firefox");
    }

    [Fact]
    public async Task A_tampered_sealed_value_makes_the_page_and_the_API_answer_an_error_logged_with_ids_only()
    {
        var (api, browser, email) = await ApiPeople.MemberAsync(app, "Tamper");
        using var _ = api;
        using var __ = browser;
        var memberId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var log = new Rekindle.Web.Features.SelfCare.SelfCareLog
        {
            Id = Guid.NewGuid(),
            OwnerId = memberId,
            Day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1),
            SavedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        await WithServicesAsync(async services =>
        {
            log.Entry = await services.GetRequiredService<Sealer>().SealAsync("Tampermarker", log.PlaceOf(nameof(log.Entry)));
            var db = services.GetRequiredService<Rekindle.Web.Data.AppDbContext>();
            db.SelfCareLogs.Add(log);
            return await db.SaveChangesAsync();
        });

        // One character of the tag changed where the value is stored.
        var envelope = log.Entry.Envelope;
        var tampered = envelope[..^2] + (envelope[^2] == 'A' ? 'B' : 'A') + envelope[^1];
        await app.WithDbAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"SelfCareLogs\" SET \"Entry\" = {tampered} WHERE \"Id\" = {log.Id}")
        );

        var page = await browser.GetAsync("/self-care");
        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Something went wrong on our side", page.Text, StringComparison.Ordinal);
        var answer = await api.GetAsync("/api/v1/self-care");
        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal(500, answer.Json.GetProperty("status").GetInt32());
        AssertLoggedWithIdOnly("SelfCareLogs.Entry", log.Id, tampered, "Tampermarker");
    }

    private void AssertLoggedWithIdOnly(string place, Guid rowId, string envelope, string content)
    {
        var lines = app.Logs.Lines;
        Assert.Contains(lines, l =>
            l.StartsWith("Error", StringComparison.Ordinal)
            && l.Contains(place, StringComparison.Ordinal)
            && l.Contains(rowId.ToString(), StringComparison.OrdinalIgnoreCase)
        );
        Assert.DoesNotContain(lines, l =>
            l.Contains(envelope, StringComparison.Ordinal) || l.Contains(envelope[12..40], StringComparison.Ordinal)
        );
        Assert.DoesNotContain(lines, l => l.Contains(content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_rotation_new_values_use_the_new_key_and_old_ones_still_open()
    {
        var (browser, memberId) = await MemberOnFirefoxAsync("Rot");
        var version = await WithServicesAsync(services => services.GetRequiredService<KeyRing>().RotateAsync(KeyOwner.Member(memberId)));
        Assert.Equal(2, version);

        await browser.SubmitAsync(await browser.GetAsync("/"), "/account/logout");
        await SignInAsync(browser, await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Email!).SingleAsync()));
        var envelopes = await app.WithDbAsync(db =>
            db.MemberSessions.Where(s => s.MemberId == memberId)
                .OrderBy(s => s.CreatedAt)
                .Select(s => EF.Property<SealedText>(s, nameof(MemberSession.Device)))
                .ToListAsync()
        );
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

        var newest = await WithServicesAsync(async services =>
            (await services.GetRequiredService<KeyRing>().CurrentAsync(KeyOwner.Member(memberId))).Version
        );
        var sessions = await app.WithDbAsync(db =>
            db.MemberSessions.Where(s => s.MemberId == memberId)
                .Select(s => EF.Property<SealedText>(s, nameof(MemberSession.Device)))
                .ToListAsync()
        );
        var events = await app.WithDbAsync(db =>
            db.SecurityEvents.Where(e => e.MemberId == memberId)
                .Select(e => EF.Property<SealedText>(e, nameof(SecurityEvent.Device)))
                .ToListAsync()
        );
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
        await WithServicesAsync(async services =>
        {
            await services.GetRequiredService<KeyRing>().DestroyAsync(KeyOwner.Member(memberId));
            return await Assert.ThrowsAsync<SealedValueUnreadableException>(() =>
                services.GetRequiredService<Sealer>().OpenAsync(session.Device, MemberSession.DevicePlace(session.Id, memberId))
            );
        });

        // Another process (a second server) has no cached copy either.
        Assert.False(await app.WithKeyStoreAsync(keys => keys.DataKeys.AnyAsync(k => k.OwnerId == memberId)));
    }

    [Fact]
    public async Task After_deletion_a_copy_of_the_database_taken_before_it_no_longer_opens_with_the_master_key()
    {
        var (browser, memberId) = await MemberOnFirefoxAsync("Backup");
        var session = await app.WithDbAsync(db => db.MemberSessions.AsNoTracking().FirstAsync(s => s.MemberId == memberId));
        var place = MemberSession.DevicePlace(session.Id, memberId);

        // The backup: on SQLite a real copy of the database file; on PostgreSQL the row as a dump would hold it.
        var copied = await BackupOfDeviceAsync(session.Id);
        Assert.Equal(session.Device.Envelope, copied.Envelope);
        Assert.Contains(
            "Firefox",
            await WithServicesAsync(s => s.GetRequiredService<Sealer>().OpenAsync(copied, place)),
            StringComparison.Ordinal
        );

        // Signed in a moment ago, so the password need not be typed again.
        var page = await browser.GetAsync("/account/delete");
        Assert.Equal("/account/delete", page.Url.AbsolutePath);
        await browser.SubmitAsync(page, "delete-account", new Dictionary<string, string> { ["confirmDelete"] = "yes" });
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == memberId)));

        // Same master key, same key store, the old copy of the database: the value stays shut, because
        // the member's key lived apart from the database and is gone.
        await Assert.ThrowsAsync<SealedValueUnreadableException>(() =>
            WithServicesAsync(s => s.GetRequiredService<Sealer>().OpenAsync(copied, place))
        );
        Assert.False(await app.WithKeyStoreAsync(keys => keys.DataKeys.AnyAsync(k => k.OwnerId == memberId)));
        if (app.Provider == TestProvider.Sqlite)
        {
            var mainFile = Path.Combine(app.DataPath, "rekindle.db");
            Assert.True(File.Exists(Path.Combine(app.DataPath, "keys", "data-keys.db")), "The key store lives beside the master key.");
            Assert.False(await TableExistsAsync(mainFile, "DataKeys"), "The main database holds no data keys.");
        }
    }

    [Fact]
    public async Task Authenticator_keys_and_recovery_codes_are_stored_sealed_and_still_work()
    {
        var (browser, memberId) = await MemberOnFirefoxAsync("Totp");
        var (key, page) = await EnableAuthenticatorAsync(app, browser);
        var codes = page.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(codes);

        var stored = await app.WithDbAsync(db => db.UserTokens.Where(t => t.UserId == memberId).Select(t => t.Value!).ToListAsync());
        Assert.Equal(2, stored.Count);
        var typedKey = Rekindle.Web.Features.Account.Base32.Encode(key);
        Assert.All(stored, v => Assert.StartsWith("rk1.", v, StringComparison.Ordinal));
        Assert.All(stored, v => Assert.DoesNotContain(typedKey, v, StringComparison.OrdinalIgnoreCase));
        Assert.All(stored, v => Assert.All(codes, c => Assert.DoesNotContain(c, v, StringComparison.OrdinalIgnoreCase)));

        // Signing in with a recovery code still works (opened from the sealed store), once.
        var email = await app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Email!).SingleAsync());
        await browser.SubmitAsync(await browser.GetAsync("/"), "/account/logout");
        Assert.Equal("/account/login-2fa", (await SignInAsync(browser, email)).Url.AbsolutePath);
        var home = await browser.SubmitAsync(
            await browser.GetAsync("/account/login-recovery"),
            "login-recovery",
            new Dictionary<string, string> { ["Input.Code"] = codes[0] }
        );
        Assert.Contains("Hello, Totp", home.Text, StringComparison.Ordinal);
    }

    private async Task<SealedText> BackupOfDeviceAsync(Guid sessionId)
    {
        if (app.Provider == TestProvider.Postgres)
        {
            return await app.WithDbAsync(db =>
                db.MemberSessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.Device).SingleAsync()
            );
        }

        var copy = Path.Combine(app.DataPath, "backup-" + Guid.NewGuid().ToString("N") + ".db");
        await app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {copy}"));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Device\" FROM \"MemberSessions\" WHERE \"Id\" = $id";
        command.Parameters.AddWithValue("$id", sessionId.ToString().ToUpperInvariant());
        return SealedTextFor((string)(await command.ExecuteScalarAsync())!);
    }

    private static SealedText SealedTextFor(string envelope) =>
        (SealedText)
            typeof(SealedText)
                .GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)[0]
                .Invoke([envelope]);

    private static async Task<bool> TableExistsAsync(string file, string table)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
        command.Parameters.AddWithValue("$name", table);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}

public sealed class SealingTestsOnSqlite(SqliteApp app) : SealingTests(app), IClassFixture<SqliteApp>;

public sealed class SealingTestsOnPostgres(PostgresApp app) : SealingTests(app), IClassFixture<PostgresApp>;
