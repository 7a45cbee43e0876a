using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Infrastructure.Localization;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Account;

/// <summary>
/// /api/v1/me/language is the "Language and formats" setting of /account/security over the same
/// handler: one's own only, from the configured list only, and with one language there is no choice.
/// </summary>
public abstract class LanguageApiTests(RekindleFactory app)
{
    private static async Task<ApiResponse> PutAsync(ApiClient api, object body) =>
        await ApiResponse.ReadAsync(await api.Client.PutAsJsonAsync("/api/v1/me/language", body));

    private Task<string?> StoredAsync(Guid memberId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == memberId).Select(u => u.Language).SingleAsync());

    [Fact]
    public async Task A_member_reads_and_sets_their_own_language_from_the_list_only()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app, "Lia", "Lou");
        var (lia, lou) = (await couple.MemberIdAsync(), await couple.PartnerIdAsync());

        var first = (await couple.Member.GetAsync("/api/v1/me/language")).Json;
        Assert.Equal(JsonValueKindNull, first.GetProperty("chosen").ValueKind);
        Assert.Equal("en-GB", first.GetProperty("default").GetString());
        Assert.Equal(Both, first.GetProperty("offered").EnumerateArray().Select(o => o.GetProperty("name").GetString() ?? "").ToArray());

        var set = await PutAsync(couple.Member, new { language = "en-us" });
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal("en-US", set.Json.GetProperty("chosen").GetString());
        Assert.Equal("en-US", await StoredAsync(lia));
        Assert.Equal("en-US", (await couple.Member.GetAsync("/api/v1/me/language")).Json.GetProperty("chosen").GetString());

        // The partner's own setting is untouched, and their page stays in the default's formats.
        Assert.Equal(JsonValueKindNull, (await couple.Partner.GetAsync("/api/v1/me/language")).Json.GetProperty("chosen").ValueKind);
        Assert.Null(await StoredAsync(lou));

        // A language not offered: a validation problem on the field, and nothing written.
        foreach (var bad in new[] { "fr-FR", "en", "x" + new string('y', 200) })
        {
            var refused = await PutAsync(couple.Member, new { language = bad });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("application/problem+json", refused.ContentType);
            Assert.Contains(
                "Please choose one of the languages in the list.",
                refused.Json.GetProperty("errors").GetProperty("language")[0].GetString(),
                StringComparison.Ordinal
            );
            ApiProblems.AssertProblem(refused, HttpStatusCode.BadRequest, "invalid", "language");
            Assert.Equal("en-US", await StoredAsync(lia));
        }

        var malformed = await ApiResponse.ReadAsync(
            await couple.Member.Client.PutAsync(
                "/api/v1/me/language",
                new StringContent("{\"language\":", System.Text.Encoding.UTF8, "application/json")
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("en-US", await StoredAsync(lia));

        // Empty goes back to "no choice".
        Assert.Equal(JsonValueKindNull, (await PutAsync(couple.Member, new { language = "" })).Json.GetProperty("chosen").ValueKind);
        Assert.Null(await StoredAsync(lia));
    }

    [Fact]
    public async Task The_page_offers_the_setting_when_several_languages_are_configured()
    {
        var (browser, _) = await MemberAsync(app, "Pim");
        var page = await browser.GetAsync("/account/security");
        Assert.NotNull(page.Document.QuerySelector("#language-setting"));
    }

    internal static readonly string[] OnlyBritish = ["en-GB"];

    private static readonly string[] Both = ["en-GB", "en-US"];

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

public sealed class LanguageApiTestsOnSqlite(SqliteApp app) : LanguageApiTests(app), IClassFixture<SqliteApp>;

public sealed class LanguageApiTestsOnPostgres(PostgresApp app) : LanguageApiTests(app), IClassFixture<PostgresApp>;

/// <summary>An instance configured with one language only.</summary>
public sealed class OneLanguageApp() : RekindleFactory(TestProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.PostConfigure<LanguageOptions>(o => o.Languages = ["en-GB"]));
    }
}

public sealed class OneLanguageTests(OneLanguageApp app) : IClassFixture<OneLanguageApp>
{
    [Fact]
    public async Task With_one_language_there_is_no_setting_on_the_page_and_the_api_offers_only_that_one()
    {
        var (browser, email) = await MemberAsync(app, "Ola");
        var page = await browser.GetAsync("/account/security");
        Assert.Null(page.Document.QuerySelector("#language-setting"));
        Assert.Equal("en-GB", page.Document.DocumentElement.GetAttribute("lang"));

        using var api = await ApiClient.SignInAsync(app, email);
        var offered = (await api.GetAsync("/api/v1/me/language")).Json.GetProperty("offered");
        Assert.Equal(LanguageApiTests.OnlyBritish, offered.EnumerateArray().Select(o => o.GetProperty("name").GetString() ?? "").ToArray());
        var refused = await ApiResponse.ReadAsync(await api.Client.PutAsJsonAsync("/api/v1/me/language", new { language = "en-US" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleAsync()));
    }
}
