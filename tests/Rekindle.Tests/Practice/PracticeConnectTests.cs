using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Practice;

public sealed class ConnectSqliteApp() : RekindleFactory(TestProvider.Sqlite, PracticeSeed.On());

public sealed class ConnectPostgresApp() : RekindleFactory(TestProvider.Postgres, PracticeSeed.On());

/// <summary>
/// Connecting a counselor (issue 26, decisions/0044): single-use expiring codes, both partners' consent before anything is
/// shared, each partner's own scopes, either partner ending it at once, an individual connection the partner never notices,
/// and no "for both of us" while the couple rests.
/// </summary>
public abstract class PracticeConnectTests(RekindleFactory app)
{
    private static readonly string[] HomeworkOnly = ["homework"];
    private static readonly string[] ProgressOnly = ["progress"];
    private static readonly string[] ChecksTrendMap = ["checks", "trend", "map"];
    private static readonly string[] NoSuchScope = ["dailyAnswers"];
    private static readonly string[] ChecksTrend = ["checks", "trend"];

    [Fact]
    public async Task A_code_is_shown_once_kept_only_as_a_hash_used_once_and_expires()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var codes = await pro.Browser.GetAsync("/pro/codes");
        Assert.Equal(HttpStatusCode.OK, codes.Status);
        Assert.NotNull(codes.Find("#no-open-codes"));

        var made = await pro.Browser.SubmitAsync(codes, "make");
        var shown = made.TextOf("#connection-code");
        Assert.Matches("^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$", shown);
        var code = shown.Replace("-", "", StringComparison.Ordinal);
        Assert.Single(made.Document.QuerySelectorAll(".open-code"));
        var again = await pro.Browser.GetAsync("/pro/codes");
        Assert.DoesNotContain(shown, again.Html, StringComparison.Ordinal);
        Assert.Single(again.Document.QuerySelectorAll(".open-code"));
        var stored = await app.WithDbAsync(db => db.ConnectionCodes.Where(c => c.ProfessionalId == pro.Id).SingleAsync());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code))), stored.CodeHash);
        Assert.Equal(stored.CreatedAt.AddHours(72), stored.ExpiresAt);

        // A member on their own: the code (typed in lower case) leads to the choices, "just me" only, homework ticked.
        var (ana, _) = await MemberAsync(app, "Ana");
        var choose = await ana.SubmitAsync(
            await ana.GetAsync("/counselor"),
            "code",
            new Dictionary<string, string> { ["code"] = shown.ToLowerInvariant() }
        );
        Assert.Contains("What Dana can see", choose.Text, StringComparison.Ordinal);
        Assert.NotNull(choose.Find("#just-me-only"));
        Assert.Null(choose.Find("#who-for"));
        Assert.Null(choose.Find("#scope-map"));
        Assert.NotNull(choose.Find("#scope-homework[checked]"));
        Assert.Null(choose.Find("#scope-checks[checked]"));
        var connected = await ana.SubmitAsync(choose, "connect");
        Assert.Contains("You're connected", connected.Text, StringComparison.Ordinal);
        Assert.Contains("Dana", connected.TextOf(".card h2"), StringComparison.Ordinal);
        Assert.Contains("Just for you.", connected.Text, StringComparison.Ordinal);

        // Used once: the next person with the same code gets the same plain answer as for a wrong one.
        var (benBrowser, benEmail) = await MemberAsync(app, "Ben");
        benBrowser.Dispose();
        using var ben = await ApiClient.SignInAsync(app, benEmail);
        var reused = await ben.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code,
                scopes = HomeworkOnly,
                forBoth = false,
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);
        Assert.True(reused.Json.GetProperty("errors").TryGetProperty("code", out _));
        Assert.NotNull((await pro.Browser.GetAsync("/pro/codes")).Find("#no-open-codes"));

        // Through the API: made, listed (never the code), cancelled, and one that expires on the clock.
        using var proApi = await ProApiAsync(pro);
        var second = await proApi.PostAsync("/api/v1/professional/codes", new { });
        Assert.Equal(HttpStatusCode.OK, second.Status);
        var secondCode = second.Json.GetProperty("code").GetString()!;
        var third = await proApi.PostAsync("/api/v1/professional/codes", new { });
        var list = await proApi.GetAsync("/api/v1/professional/codes");
        Assert.Equal(2, list.Json.GetArrayLength());
        Assert.DoesNotContain(secondCode, list.Body, StringComparison.Ordinal);
        var cancelled = await proApi.Client.DeleteAsync("/api/v1/professional/codes/" + third.Json.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        var afterCancel = await ben.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code = third.Json.GetProperty("code").GetString(),
                scopes = Array.Empty<string>(),
                forBoth = false,
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, afterCancel.Status);

        // Pages of the other side are not there: a partner on /pro/codes gets 404, a professional on /counselor is sent to /pro.
        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync("/pro/codes")).Status);
        Assert.Equal("/pro", (await pro.Browser.GetAsync("/counselor")).Url.AbsolutePath);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.GetAsync("/api/v1/professional/codes")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await proApi.GetAsync("/api/v1/counselor")).Status);

        // Three days on, the code has expired (tokens too: both sign in again).
        app.Clock.Advance(TimeSpan.FromHours(73));
        using var benLater = await ApiClient.SignInAsync(app, benEmail);
        var expired = await benLater.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code = secondCode,
                scopes = Array.Empty<string>(),
                forBoth = false,
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, expired.Status);
        using var proLater = await ProApiAsync(pro);
        Assert.Equal(0, (await proLater.GetAsync("/api/v1/professional/codes")).Json.GetArrayLength());
    }

    [Fact]
    public async Task A_couple_connection_waits_for_both_each_chooses_and_either_ends_it_at_once()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (ana, anaEmail) = await MemberAsync(app, "Ana");
        var (ben, benEmail) = await MemberAsync(app, "Ben");
        await JoinAsync(ben, await InviteAsync(ana));
        var code = await CodeAsync(pro);

        var choose = await ana.SubmitAsync(await ana.GetAsync("/counselor"), "code", new Dictionary<string, string> { ["code"] = code });
        Assert.NotNull(choose.Find("#who-for"));
        Assert.NotNull(choose.Find("#for-me[checked]"));
        Assert.NotNull(choose.Find("#scope-map"));
        var asked = await ana.SubmitAsync(
            choose,
            "connect",
            new Dictionary<string, string> { ["forBoth"] = "true", ["scopes"] = "checks" }
        );
        Assert.Contains("Nothing is shared until Ben agrees", asked.Text, StringComparison.Ordinal);
        Assert.NotNull(asked.Find("#waiting-for-partner"));
        var anaId = await PracticeSeed.MemberIdAsync(app, anaEmail);
        var benId = await PracticeSeed.MemberIdAsync(app, benEmail);
        var connection = await app.WithDbAsync(db => db.ProfessionalConnections.SingleAsync(c => c.StartedBy == anaId));
        Assert.Equal(ConnectionState.AwaitingPartner, connection.State);
        Assert.Equal(ConnectionKind.Couple, connection.Kind);
        Assert.False(await ProSeesAsync(pro, connection.Id));

        // Ben is asked, on his home page and on /counselor, and sees nothing of Ana's choices.
        Assert.Contains("Ana would like to bring in their counselor", (await ben.GetAsync("/")).Text, StringComparison.Ordinal);
        var benPage = await ben.GetAsync("/counselor");
        Assert.Contains(
            "Ana would like to bring in their counselor, Dana. Nothing about you is shared unless you agree.",
            benPage.TextOf("#asked"),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("Your check results", benPage.Text, StringComparison.Ordinal);
        var agreeing = await ben.GetAsync("/counselor?step=agree");
        Assert.NotNull(agreeing.Find("#scope-homework[checked]"));
        var agreed = await ben.SubmitAsync(agreeing, "agree");
        Assert.Contains("You're connected", agreed.Text, StringComparison.Ordinal);
        Assert.True(await ProSeesAsync(pro, connection.Id));
        Assert.DoesNotContain("Ana would like", (await ben.GetAsync("/")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your check results", (await ben.GetAsync("/counselor")).Text, StringComparison.Ordinal);
        Assert.Contains("Your check results", (await ana.GetAsync("/counselor")).Text, StringComparison.Ordinal);
        Assert.Equal(ConnectionScopes.Checks, await ScopesAsync(connection.Id, anaId));
        Assert.Equal(ConnectionScopes.Homework, await ScopesAsync(connection.Id, benId));

        // Ana changes her own choices: the next read sees them.
        var choices = await ana.GetAsync($"/counselor?step=choices&id={connection.Id}");
        Assert.NotNull(choices.Find("#scope-checks[checked]"));
        var saved = await ana.SubmitAsync(choices, "scopes", new Dictionary<string, string> { ["scopes"] = "trend" });
        Assert.Contains("Your choices are saved.", saved.Text, StringComparison.Ordinal);
        Assert.Equal(ConnectionScopes.Trend, await ScopesAsync(connection.Id, anaId));

        // Ben ends it on the confirm screen: the professional gets nothing from this moment, and both see that it ended.
        var confirm = await ben.GetAsync($"/counselor?step=end&id={connection.Id}");
        Assert.Contains("End your connection with Dana?", confirm.Text, StringComparison.Ordinal);
        Assert.True(await ProSeesAsync(pro, connection.Id));
        var ended = await ben.SubmitAsync(confirm, "end");
        Assert.Contains("It's ended.", ended.Text, StringComparison.Ordinal);
        Assert.False(await ProSeesAsync(pro, connection.Id));
        Assert.Equal(
            ConnectionState.Ended,
            (await app.WithDbAsync(db => db.ProfessionalConnections.SingleAsync(c => c.Id == connection.Id))).State
        );
        foreach (var partner in new[] { ana, ben })
        {
            Assert.Contains("Your connection with Dana ended on", (await partner.GetAsync("/counselor")).Text, StringComparison.Ordinal);
        }

        // After a week the line is gone.
        app.Clock.Advance(TimeSpan.FromDays(8));
        Assert.DoesNotContain("ended on", (await ana.GetAsync("/counselor")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_now_ends_the_request_and_the_partner_who_asked_is_told_gently()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (ana, benApi) = await CoupleAsync();
        using var _a = ana;
        using var _b = benApi;
        var connected = await ana.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code = await CodeAsync(pro),
                scopes = ProgressOnly,
                forBoth = true,
            }
        );
        Assert.Equal(HttpStatusCode.OK, connected.Status);
        Assert.Equal("awaitingPartner", connected.Json.GetProperty("connections")[0].GetProperty("state").GetString());
        Assert.False(connected.Json.GetProperty("canConnectForBoth").GetBoolean());

        var state = await benApi.GetAsync("/api/v1/counselor");
        var asked = state.Json.GetProperty("asked");
        Assert.Equal("Dana", asked.GetProperty("professionalName").GetString());
        Assert.True(asked.GetProperty("canAgree").GetBoolean());
        Assert.Equal(0, state.Json.GetProperty("connections").GetArrayLength());

        var notNow = await benApi.PostAsync("/api/v1/counselor/end", new { connectionId = asked.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, notNow.Status);
        Assert.Equal(JsonValueKind.Null, notNow.Json.GetProperty("asked").ValueKind);
        Assert.Equal(0, notNow.Json.GetProperty("ended").GetArrayLength());
        var anaState = await ana.GetAsync("/api/v1/counselor");
        Assert.Equal(0, anaState.Json.GetProperty("connections").GetArrayLength());
        Assert.True(anaState.Json.GetProperty("ended")[0].GetProperty("declined").GetBoolean());
        Assert.True(anaState.Json.GetProperty("canConnectForBoth").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await benApi.PostAsync("/api/v1/counselor/agree", new { scopes = HomeworkOnly })).Status);
    }

    [Fact]
    public async Task An_individual_connection_is_invisible_to_the_partner_everywhere()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (ana, anaEmail) = await MemberAsync(app, "Ana");
        var (ben, benEmail) = await MemberAsync(app, "Ben");
        await JoinAsync(ben, await InviteAsync(ana));
        using var benApi = await ApiClient.SignInAsync(app, benEmail);
        using var anaApi = await ApiClient.SignInAsync(app, anaEmail);

        async Task<string[]> BenSeesAsync() =>
            [
                SamePage.Normalise((await ben.GetAsync("/counselor")).Html),
                SamePage.Normalise((await ben.GetAsync("/")).Html),
                SamePage.Normalise((await benApi.GetAsync("/api/v1/counselor")).Body),
            ];

        var before = await BenSeesAsync();
        var connected = await anaApi.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code = await CodeAsync(pro),
                scopes = ChecksTrendMap,
                forBoth = false,
            }
        );
        Assert.Equal(HttpStatusCode.OK, connected.Status);
        var mine = connected.Json.GetProperty("connections")[0];
        Assert.Equal("individual", mine.GetProperty("kind").GetString());
        Assert.Equal("active", mine.GetProperty("state").GetString());
        // The Couple Map needs both partners: it is never part of an individual connection.
        Assert.Equal(ChecksTrend, mine.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!).ToArray());
        var connectionId = mine.GetProperty("id").GetGuid();
        Assert.True(await ProSeesAsync(pro, connectionId));

        var after = await BenSeesAsync();
        for (var i = 0; i < before.Length; i++)
        {
            Assert.True(before[i] == after[i], SamePage.Difference(before[i], after[i]));
        }

        Assert.Contains("\"counselors\": [", await ExportAsync(ana), StringComparison.Ordinal);
        Assert.Contains("\"counselors\": null", await ExportAsync(ben), StringComparison.Ordinal);
        Assert.NotNull((await ana.GetAsync("/support")).Find("#counselor-link"));

        // Ana changes her choices through the API, and ends it; Ben still sees no difference.
        var changed = await anaApi.SendJsonAsync(
            HttpMethod.Put,
            "/api/v1/counselor/scopes",
            JsonSerializer.Serialize(new { connectionId, scopes = HomeworkOnly })
        );
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("homework", changed.Json.GetProperty("connections")[0].GetProperty("scopes")[0].GetString());
        var unknown = await anaApi.SendJsonAsync(
            HttpMethod.Put,
            "/api/v1/counselor/scopes",
            JsonSerializer.Serialize(new { connectionId, scopes = NoSuchScope })
        );
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        // Ben cannot touch Ana's connection by its id.
        Assert.Equal(HttpStatusCode.NotFound, (await benApi.PostAsync("/api/v1/counselor/end", new { connectionId })).Status);
        Assert.True(await ProSeesAsync(pro, connectionId));
        Assert.Equal(HttpStatusCode.OK, (await anaApi.PostAsync("/api/v1/counselor/end", new { connectionId })).Status);
        Assert.False(await ProSeesAsync(pro, connectionId));
        var afterEnd = await BenSeesAsync();
        Assert.True(before[0] == afterEnd[0], SamePage.Difference(before[0], afterEnd[0]));
        Assert.True(before[2] == afterEnd[2], SamePage.Difference(before[2], afterEnd[2]));
    }

    [Fact]
    public async Task While_the_couple_rests_for_both_is_not_offered_and_a_request_cannot_be_agreed()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (ana, anaEmail) = await MemberAsync(app, "Ana");
        var (ben, benEmail) = await MemberAsync(app, "Ben");
        await JoinAsync(ben, await InviteAsync(ana));
        using var anaApi = await ApiClient.SignInAsync(app, anaEmail);
        using var benApi = await ApiClient.SignInAsync(app, benEmail);
        var request = await anaApi.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code = await CodeAsync(pro),
                scopes = HomeworkOnly,
                forBoth = true,
            }
        );
        Assert.Equal(HttpStatusCode.OK, request.Status);

        await ana.SubmitAsync(await ana.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });

        // Ben sees the same neutral words as everywhere else, no request, nothing on his home page, and cannot agree.
        var benPage = await ben.GetAsync("/counselor");
        Assert.NotNull(benPage.Find("#partner-paused"));
        Assert.Null(benPage.Find("#asked"));
        Assert.DoesNotContain("Dana", benPage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("would like to bring in", (await ben.GetAsync("/")).Text, StringComparison.Ordinal);
        var benState = await benApi.GetAsync("/api/v1/counselor");
        Assert.True(benState.Json.GetProperty("partnerPaused").GetBoolean());
        Assert.Equal(JsonValueKind.Null, benState.Json.GetProperty("asked").ValueKind);
        Assert.False(benState.Json.GetProperty("canConnectForBoth").GetBoolean());
        var agree = await benApi.PostAsync("/api/v1/counselor/agree", new { scopes = HomeworkOnly });
        Assert.Equal(HttpStatusCode.Conflict, agree.Status);
        Assert.Equal("resting", agree.Json.GetProperty("kind").GetString());

        // Ana, resting, withdraws her request; "for both of us" is not offered, "just me" always is.
        var connectionId = request.Json.GetProperty("connections")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await anaApi.PostAsync("/api/v1/counselor/end", new { connectionId })).Status);
        var code = await CodeAsync(pro);
        var choose = await ana.SubmitAsync(await ana.GetAsync("/counselor"), "code", new Dictionary<string, string> { ["code"] = code });
        Assert.Null(choose.Find("#who-for"));
        Assert.NotNull(choose.Find("#just-me-only"));
        Assert.DoesNotContain("For both of us", choose.Text, StringComparison.Ordinal);
        var both = await anaApi.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code,
                scopes = Array.Empty<string>(),
                forBoth = true,
            }
        );
        Assert.Equal(HttpStatusCode.Conflict, both.Status);
        Assert.Equal("resting", both.Json.GetProperty("kind").GetString());
        var justMe = await anaApi.PostAsync(
            "/api/v1/counselor/connect",
            new
            {
                code,
                scopes = Array.Empty<string>(),
                forBoth = false,
            }
        );
        Assert.Equal(HttpStatusCode.OK, justMe.Status);
        Assert.True(justMe.Json.GetProperty("connections")[0].GetProperty("kind").GetString() == "individual");
    }

    [Fact]
    public async Task Leaving_the_couple_ends_its_connection_for_the_professional_at_once()
    {
        var pro = await PracticeSeed.ProfessionalAsync(app, "Dana");
        var (ana, anaEmail) = await MemberAsync(app, "Ana");
        var (ben, benEmail) = await MemberAsync(app, "Ben");
        await JoinAsync(ben, await InviteAsync(ana));
        var anaId = await PracticeSeed.MemberIdAsync(app, anaEmail);
        var benId = await PracticeSeed.MemberIdAsync(app, benEmail);
        var couple = await PracticeSeed.ConnectAsync(app, pro.Id, (anaId, ConnectionScopes.All), (benId, ConnectionScopes.Homework));
        var alone = await PracticeSeed.ConnectAsync(app, pro.Id, (benId, ConnectionScopes.Trend));
        Assert.True(await ProSeesAsync(pro, couple));

        using var anaApi = await ApiClient.SignInAsync(app, anaEmail);
        Assert.Equal(HttpStatusCode.OK, (await anaApi.PostAsync("/api/v1/couple/leave", new { confirm = true })).Status);
        Assert.False(await ProSeesAsync(pro, couple));
        // Ben's own individual connection is his, and stays.
        Assert.True(await ProSeesAsync(pro, alone));
        Assert.Contains("Your connection with Dana ended on", (await ben.GetAsync("/counselor")).Text, StringComparison.Ordinal);
        Assert.Contains("Your connection with Dana ended on", (await ana.GetAsync("/counselor")).Text, StringComparison.Ordinal);
    }

    private async Task<(ApiClient Member, ApiClient Partner)> CoupleAsync()
    {
        var (ana, anaBrowser, _) = await Api.ApiPeople.MemberAsync(app, "Ana");
        var (ben, benBrowser, _) = await Api.ApiPeople.MemberAsync(app, "Ben");
        await JoinAsync(benBrowser, await InviteAsync(anaBrowser));
        anaBrowser.Dispose();
        benBrowser.Dispose();
        return (ana, ben);
    }

    /// <summary>The professional's API client: password and a fresh authenticator code.</summary>
    private async Task<ApiClient> ProApiAsync(Professional pro)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        return await ApiClient.SignInAsync(app, pro.Email, code: Totp.Code(pro.AuthenticatorKey, Totp.StepAt(app.Clock.GetUtcNow())));
    }

    private static async Task<string> CodeAsync(Professional pro) =>
        (await pro.Browser.SubmitAsync(await pro.Browser.GetAsync("/pro/codes"), "make")).TextOf("#connection-code");

    private Task<ConnectionScopes> ScopesAsync(Guid connectionId, Guid memberId) =>
        app.WithDbAsync(db =>
            db.ConnectionConsents.Where(c => c.ConnectionId == connectionId && c.MemberId == memberId).Select(c => c.Scopes).SingleAsync()
        );

    /// <summary>What <see cref="ProfessionalAccess.ActiveAsync"/> answers the professional for this connection, as on a request of
    /// theirs.</summary>
    private async Task<bool> ProSeesAsync(Professional pro, Guid connectionId)
    {
        using var scope = app.Services.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var before = accessor.HttpContext;
        accessor.HttpContext = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, pro.Id.ToString())], "test")),
        };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ProfessionalAccess>().ActiveAsync(connectionId) is not null;
        }
        finally
        {
            accessor.HttpContext = before;
        }
    }

    private static async Task<string> ExportAsync(TestBrowser browser)
    {
        var page = await browser.GetAsync("/account/data");
        var token = page.Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        var response = await browser.Client.PostAsync("/account/export/json", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class PracticeConnectTestsOnSqlite(ConnectSqliteApp app) : PracticeConnectTests(app), IClassFixture<ConnectSqliteApp>;

public sealed class PracticeConnectTestsOnPostgres(ConnectPostgresApp app) : PracticeConnectTests(app), IClassFixture<ConnectPostgresApp>;

public sealed class ConnectTightLimitsApp()
    : RekindleFactory(
        TestProvider.Sqlite,
        new Dictionary<string, string?> { ["Practice:Enabled"] = "true", ["GuessLimits:PermitLimit"] = "8" }
    );

/// <summary>Guessing connection codes is slowed like guessing invites; with practice mode off, none of it exists.</summary>
public sealed class PracticeConnectLimitTests(ConnectTightLimitsApp app) : IClassFixture<ConnectTightLimitsApp>
{
    [Fact]
    public async Task Wrong_codes_from_one_address_are_slowed_with_a_429()
    {
        var (browser, email) = await MemberAsync(app, "Gus");
        browser.Dispose();
        using var api = await ApiClient.SignInAsync(app, email);
        // Signing up and in spent some of this address's budget already; wrong codes use up the rest.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var wrong = await api.PostAsync(
                "/api/v1/counselor/connect",
                new
                {
                    code = "ABCDE-FGHJK",
                    scopes = Array.Empty<string>(),
                    forBoth = false,
                }
            );
            answers.Add(wrong.Status);
        }

        Assert.Equal(HttpStatusCode.BadRequest, answers[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        Assert.All(answers, a => Assert.True(a is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests));
        // Reading the state is never limited.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/counselor")).Status);
    }
}

/// <summary>Practice mode off (the default): no /counselor, no /pro/codes, no counselor API, no line on /support.</summary>
public sealed class PracticeConnectOffTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task With_practice_mode_off_nothing_of_it_exists()
    {
        var (ana, email) = await MemberAsync(app, "Ana");
        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync("/counselor")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ana.GetAsync("/pro/codes")).Status);
        Assert.Null((await ana.GetAsync("/support")).Find("#counselor-link"));
        using var api = await ApiClient.SignInAsync(app, email);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/counselor")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync("/api/v1/professional/codes", new { })).Status);
    }
}
