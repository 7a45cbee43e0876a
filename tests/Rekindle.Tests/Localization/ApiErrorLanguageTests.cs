using System.Net;
using System.Text;
using System.Text.Json;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Tests.Localization;

/// <summary>An app that offers the pseudo-language beside English (PseudoLanguage: the English with accented vowels).</summary>
public class PseudoLanguageApp(TestProvider provider)
    : RekindleFactory(
        provider,
        new Dictionary<string, string?> { ["Localization:Languages:0"] = "en-GB", ["Localization:Languages:1"] = PseudoLanguage.Name }
    );

public sealed class PseudoLanguageSqliteApp() : PseudoLanguageApp(TestProvider.Sqlite);

public sealed class PseudoLanguagePostgresApp() : PseudoLanguageApp(TestProvider.Postgres);

/// <summary>
/// API errors do not depend on the language (issue 23, decisions/0032): each area's error case answers with the same
/// status, the same <c>kind</c> and the same <c>errors</c> fields in English and in the pseudo-language, whose messages
/// really differ. Status and field come from the problem's kind, never from reading its text.
/// </summary>
public abstract class ApiErrorLanguageTests(RekindleFactory app)
{
    /// <summary>One error case: who sends it, and the request.</summary>
    private sealed record Case(ApiClient Who, string Method, string Url, string? Json);

    public static TheoryData<string> Areas =>
        [
            "dates",
            "evenings",
            "ideas",
            "intimacy",
            "gestures",
            "notes",
            "repair",
            "apologies",
            "letting go",
            "conversation",
            "check-in",
            "reply",
            "pairing",
            "understand",
        ];

    [Theory]
    [MemberData(nameof(Areas))]
    public async Task An_error_has_the_same_status_kind_and_fields_in_every_language(string area)
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (loner, lonerBrowser, _) = await ApiPeople.MemberAsync(app, "Lone");
        using var _l = loner;
        using var _b = lonerBrowser;
        var error = await CaseAsync(area, couple, loner);

        var english = await SendAsync(error, "en-GB");
        var pseudo = await SendAsync(error, PseudoLanguage.Name);

        Assert.True((int)english.Status >= 400, $"{area}: the case should be an error, and answered {(int)english.Status}: {english.Body}");
        Assert.Equal(Shape(english), Shape(pseudo));

        // The two answers were really made in two languages, or the comparison above proves nothing.
        Assert.NotEqual(english.Body, pseudo.Body);
    }

    [Fact]
    public async Task Pages_and_handler_messages_are_in_the_pseudo_language_when_it_is_asked_for()
    {
        using var english = app.NewBrowser();
        using var pseudo = app.NewBrowser();
        english.Client.DefaultRequestHeaders.Add("Accept-Language", "en-GB");
        pseudo.Client.DefaultRequestHeaders.Add("Accept-Language", PseudoLanguage.Name);
        Assert.Equal("Sign in · Rekindle", (await english.GetAsync("/account/login")).Document.Title);
        var page = await pseudo.GetAsync("/account/login");
        Assert.Equal(PseudoLanguage.Name, page.Document.DocumentElement.GetAttribute("lang"), ignoreCase: true);
        Assert.Equal("Sígn ín · Rekindle", page.Document.Title);
    }

    /// <summary>The request of one area's error case, after whatever state it needs.</summary>
    private async Task<Case> CaseAsync(string area, AreaApiCouples.Couple couple, ApiClient loner)
    {
        var member = couple.Member;
        switch (area)
        {
            case "dates":
                return new(member, "POST", "/api/v1/dates", "{\"title\":\"  \",\"minutes\":60,\"times\":[]}");
            case "evenings":
                return new(member, "POST", "/api/v1/evening", "{\"day\":\"Someday\",\"time\":\"19:30\",\"minutes\":90}");
            case "ideas":
                return new(member, "POST", "/api/v1/date-ideas/ratings", "{\"key\":\"no-such-idea\",\"rating\":\"love\"}");
            case "intimacy":
                return new(member, "POST", "/api/v1/intimacy/opt-in", "{\"adult\":false}");
            case "gestures":
                return new(member, "POST", "/api/v1/spontaneity/gestures/marks", "{\"gestureId\":\"nope\",\"mark\":\"love\"}");
            case "notes":
                return new(member, "POST", "/api/v1/spontaneity/notes", "{\"text\":\"   \"}");
            case "repair":
                return new(member, "POST", "/api/v1/repair", "{\"title\":\"  \",\"calm\":true}");
            case "apologies":
                return new(member, "POST", "/api/v1/repair/apologies", "{\"did\":\"I was late\",\"effect\":\" \",\"will\":\"Be on time\"}");
            case "letting go":
                return new(member, "POST", "/api/v1/letting-go", "{\"hurt\":\"\",\"cost\":\"sleep\"}");
            case "conversation":
                return new(member, "POST", "/api/v1/talk/conversation", "{\"topic\":\"no-such-topic\",\"oneDevice\":false}");
            case "check-in":
                return new(
                    member,
                    "POST",
                    "/api/v1/talk/check-in",
                    "{\"appreciations\":[\"a\",\"b\",\"c\"],\"wentWell\":\"\",\"toTalkAbout\":\"x\",\"feelLoved\":\"x\",\"pulse\":5}"
                );
            case "reply":
            {
                var questionId = (await member.GetAsync("/api/v1/talk/today")).Json.GetProperty("id").GetGuid();
                foreach (var who in new[] { member, couple.Partner })
                {
                    var answered = await who.PostAsync(
                        "/api/v1/talk/today/answer",
                        new
                        {
                            questionId,
                            text = "An answer",
                            pass = false,
                        }
                    );
                    Assert.Equal(HttpStatusCode.OK, answered.Status);
                }

                return new(
                    member,
                    "POST",
                    "/api/v1/talk/answers/reply",
                    $"{{\"questionId\":\"{questionId}\",\"reply\":\"x\",\"reaction\":\"Shrug\"}}"
                );
            }

            case "pairing":
                return new(loner, "POST", "/api/v1/couple/join", "{\"code\":\"nope\"}");
            case "understand":
            {
                var content = Understand.CheckJourney.Content(app);
                var part = content.Sections[0].Key;
                var answers = JsonSerializer.Serialize(new Dictionary<string, int?> { [content.ItemsBySection[part][0].Id] = 9 });
                return new(member, "POST", $"/api/v1/understand/check/parts/{part}", $"{{\"answers\":{answers},\"continue\":false}}");
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(area), area, "No case for this area.");
        }
    }

    private static async Task<ApiResponse> SendAsync(Case error, string language)
    {
        using var request = new HttpRequestMessage(new HttpMethod(error.Method), error.Url);
        if (error.Json is not null)
        {
            request.Content = new StringContent(error.Json, Encoding.UTF8, "application/json");
        }

        request.Headers.AcceptLanguage.ParseAdd(language);
        return await ApiResponse.ReadAsync(await error.Who.Client.SendAsync(request));
    }

    /// <summary>What a client may act on: the status, the problem's kind and the fields its errors name.</summary>
    private static string Shape(ApiResponse response)
    {
        if (response.ContentType?.Contains("json", StringComparison.Ordinal) != true)
        {
            return $"{(int)response.Status}";
        }

        var json = response.Json;
        var kind = json.TryGetProperty("kind", out var k) ? k.GetString() : null;
        var fields =
            json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? string.Join(",", errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal))
                : "";
        return $"{(int)response.Status} kind={kind} errors=[{fields}]";
    }
}

public sealed class ApiErrorLanguageTestsOnSqlite(PseudoLanguageSqliteApp app)
    : ApiErrorLanguageTests(app),
        IClassFixture<PseudoLanguageSqliteApp>;

public sealed class ApiErrorLanguageTestsOnPostgres(PseudoLanguagePostgresApp app)
    : ApiErrorLanguageTests(app),
        IClassFixture<PseudoLanguagePostgresApp>;

/// <summary>The pseudo-language's text: every vowel accented, and nothing that formats or renders touched.</summary>
public sealed class PseudoLanguageTests
{
    [Theory]
    [InlineData("Please keep it to {0} characters or fewer.", "Pléásé kéép ít tó {0} cháráctérs ór féwér.")]
    [InlineData("Sleep at least {0:0.#} hours", "Sléép át léást {0:0.#} hóúrs")]
    [InlineData("Read <a href=\"/about\">about us</a> &amp; more", "Réád <a href=\"/about\">ábóút ús</a> &amp; móré")]
    [InlineData("ONE", "ÓNÉ")]
    public void Vowels_are_accented_and_placeholders_tags_and_entities_kept(string english, string pseudo) =>
        Assert.Equal(pseudo, PseudoLanguage.Transform(english));

    [Fact]
    public void Text_of_is_pseudo_only_while_the_pseudo_language_is_current()
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Please keep it to 5 characters or fewer.", Text.Of("Please keep it to {0} characters or fewer.", 5));
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(PseudoLanguage.Name);
            Assert.Equal("Pléásé kéép ít tó 5 cháráctérs ór féwér.", Text.Of("Please keep it to {0} characters or fewer.", 5));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_pseudo_language_may_be_configured_though_no_system_lists_it() =>
        Assert.Null(LanguageOptions.Problem(["en-GB", PseudoLanguage.Name]));
}
