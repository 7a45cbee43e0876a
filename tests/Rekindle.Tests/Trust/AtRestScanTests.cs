using System.Text;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Trust;

/// <summary>
/// docs/TRUST.md T9: after members have signed up, paired, set up an authenticator, taken the check and
/// been through the security log, the logs, the database files (main and key store, with their
/// write-ahead logs) and a backup copy are scanned for secrets that must never be stored readable.
/// </summary>
public sealed class AtRestScanTests : IAsyncLifetime
{
    private readonly SqliteApp _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task No_password_code_token_key_name_or_sealed_text_is_readable_in_logs_database_files_or_backups()
    {
        const string password = "scanmarker lantern over quiet water";
        const string device = "Mozilla/5.0 (Android 14; Mobile; rv:130.0) Gecko/130.0 Firefox/130.0";
        var email = NewEmail("scan");
        using var member = _app.NewBrowser();
        member.Client.DefaultRequestHeaders.UserAgent.ParseAdd(device);
        await RegisterAsync(member, "Quillonmarker", email, password);
        await ConfirmAsync(_app, member, email);
        await SignInAsync(member, email, "a wrong guess at the password");
        await SignInAsync(member, email, password);
        var (key, codesPage) = await EnableAuthenticatorAsync(_app, member);
        var recoveryCodes = codesPage.Document.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        var invite = await InviteAsync(member);
        var (partner, _) = await MemberAsync(_app, "Partner");
        await JoinAsync(partner, invite);
        await Understand.CheckJourney.TakeCheckAsync(_app, member, Understand.CheckJourney.WithConcern);

        // Time together: a date's name, how it went, and the secret calendar address.
        var date = await TimeTogether.DateJourney.AgreeAsync(
            member,
            partner,
            "Datenamemarker",
            TimeTogether.DateJourney.Day(_app, 1),
            "19:00"
        );
        await _app.WithDbAsync(db =>
            db.DatePlans.Where(p => p.Id == date)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StartsAt, _app.Clock.GetUtcNow().UtcDateTime.AddHours(-1)))
        );
        await member.SubmitAsync(
            await member.GetAsync($"/time-together/dates/{date}"),
            "reflect",
            new Dictionary<string, string> { ["rating"] = "good", ["highlight"] = "Highlightscanmarker" }
        );
        var feed = await member.SubmitAsync(
            await member.GetAsync("/time-together/calendar"),
            "feed",
            new Dictionary<string, string> { ["go"] = "create" }
        );
        var calendarSecret = new Uri(feed.Find("#feed-url")!.GetAttribute("value")!).AbsolutePath["/calendar/".Length..^".ics".Length];

        // An API client signs in (with an authenticator code), refreshes once and uses its tokens (decisions/0021).
        _app.Clock.Advance(TimeSpan.FromSeconds(31));
        var apiCode = Rekindle.Web.Features.Account.Totp.Code(key, Rekindle.Web.Features.Account.Totp.StepAt(_app.Clock.GetUtcNow()));
        using var api = await ApiClient.SignInAsync(_app, email, password, apiCode);
        var firstRefresh = api.RefreshToken!;
        api.Use((await api.PostAsync("/api/v1/auth/refresh", new { refreshToken = firstRefresh })).Json);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/v1/talk/today")).Status);
        // A question of the couple's own for their daily rotation (decisions/0042).
        Assert.Equal(
            System.Net.HttpStatusCode.OK,
            (await api.PostAsync("/api/v1/talk/questions", new { text = "Ownquestionscanmarker, what then?" })).Status
        );

        var cookies = member.Cookies.GetAllCookies().Select(c => c.Value).Where(v => v.Length >= 20).ToList();
        Assert.NotEmpty(cookies);

        var secrets = new Dictionary<string, string>
        {
            ["the password"] = password,
            ["the invite code"] = invite,
            ["the invite code, unpunctuated"] = invite.Replace("-", "", StringComparison.Ordinal),
            ["the authenticator key"] = Rekindle.Web.Features.Account.Base32.Encode(key),
            ["the device description"] = "Firefox on Android",
            ["the first name"] = "Quillonmarker",
            ["a date's name"] = "Datenamemarker",
            ["how a date went"] = "Highlightscanmarker",
            ["a couple's own question"] = "Ownquestionscanmarker",
            ["the calendar address"] = calendarSecret,
            ["an API access token"] = api.AccessToken!,
            ["an API refresh token's secret"] = api.RefreshToken!.Split('.')[1],
            ["a used API refresh token's secret"] = firstRefresh.Split('.')[1],
        };
        for (var i = 0; i < recoveryCodes.Count; i++)
        {
            secrets[$"recovery code {i + 1}"] = recoveryCodes[i];
        }

        for (var i = 0; i < cookies.Count; i++)
        {
            secrets[$"cookie {i + 1}"] = cookies[i];
        }

        // A backup as an operator would take one, while the app runs.
        var backup = Path.Combine(_app.DataPath, "backup.db");
        await _app.WithDbAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {backup}"));

        var logs = string.Join('\n', _app.Logs.Lines);
        Assert.NotEmpty(logs);
        var files = Directory
            .EnumerateFiles(_app.DataPath, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".db", StringComparison.Ordinal) || f.EndsWith("-wal", StringComparison.Ordinal))
            // Read once, now: SQLite deletes a write-ahead log when its last connection closes (its pages are then in the .db,
            // which is read too), so a log listed a moment ago may be gone.
            .Select(f => (Name: f, Bytes: ReadIfThere(f)))
            .Where(f => f.Bytes is not null)
            .ToList();
        Assert.Contains(files, f => f.Name.EndsWith("rekindle.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Name.EndsWith("data-keys.db", StringComparison.Ordinal));

        foreach (var (what, secret) in secrets)
        {
            Assert.False(logs.Contains(secret, StringComparison.OrdinalIgnoreCase), $"The logs hold {what}.");
            foreach (var file in files)
            {
                Assert.False(Holds(file.Bytes!, secret), $"{Path.GetFileName(file.Name)} holds {what}.");
            }
        }

        // The scan can see: the member's email is stored in the clear (sign-in must find it), and it is found.
        Assert.True(files.Any(f => Holds(f.Bytes!, email)), "The scan found nothing at all; it is not reading the files.");
    }

    /// <summary>Whether the file's bytes hold the text, as UTF-8 or as UTF-16 (both ways SQLite may store it).</summary>
    private static bool Holds(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text.ToUpperInvariant())) >= 0
        || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    /// <summary>The file's bytes, or null when it went away after it was listed.</summary>
    private static byte[]? ReadIfThere(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
