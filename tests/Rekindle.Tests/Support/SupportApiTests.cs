using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Tests.Understand;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Support;

namespace Rekindle.Tests.Support;

/// <summary>Support through the API: private suggestions, the directory, and the summary file with the page's parts, checks and
/// security-log entry.</summary>
public abstract class SupportApiTests(RekindleFactory app)
{
    private Task<List<SecurityEvent>> SummariesLoggedAsync(Guid memberId) =>
        app.WithDbAsync(db =>
            db.SecurityEvents.AsNoTracking().Where(e => e.Kind == SecurityEventKind.SummaryMade && e.MemberId == memberId).ToListAsync()
        );

    [Fact]
    public async Task Suggestions_stay_private_and_the_directory_searches_like_the_page()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Ada", "Bo");
        using var _a = ana;
        using var _b = ben;
        var before = await ana.GetAsync("/api/v1/support");
        Assert.False(before.Json.GetProperty("hasCheck").GetBoolean());

        await ApiPeople.TakeCheckAsync(app, ana, CheckJourney.WithConcern);
        await ApiPeople.TakeCheckAsync(app, ben, CheckJourney.Ordinary);
        var mine = await ana.GetAsync("/api/v1/support");
        var suggestions = mine.Json.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal("safety", suggestions[0].GetProperty("kind").GetString());
        Assert.Equal("Private", suggestions[0].GetProperty("audience").GetString());
        Assert.Equal("/safety", suggestions[0].GetProperty("link").GetString());
        var bens = await ben.GetAsync("/api/v1/support");
        Assert.DoesNotContain("\"safety\"", bens.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("individual-clinician", bens.Body, StringComparison.Ordinal);

        var all = await ana.GetAsync("/api/v1/support/directory");
        var counselors = await ana.GetAsync("/api/v1/support/directory?kind=couples-counselor");
        Assert.True(counselors.Json.GetProperty("count").GetInt32() > 0);
        Assert.True(counselors.Json.GetProperty("count").GetInt32() < all.Json.GetProperty("count").GetInt32());
        Assert.All(counselors.Json.GetProperty("entries").EnumerateArray(), e =>
            Assert.Contains(e.GetProperty("kinds").EnumerateArray(), k => k.GetString() == "couples-counselor")
        );
        Assert.Equal(all.Body, (await ana.GetAsync("/api/v1/support/directory?kind=no-such-kind&mode=nowhere")).Body);
    }

    [Fact]
    public async Task The_summary_comes_back_as_the_file_with_the_pages_checks_and_one_security_log_entry()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Cy", "Di");
        using var _a = ana;
        using var _b = ben;
        var anaId = (await ana.GetAsync("/api/v1/me")).Json.GetProperty("memberId").GetGuid();
        var parts = await ana.GetAsync("/api/v1/support/summary");
        Assert.Equal(
            ["check", "map", "self-care", "pulse"],
            parts.Json.EnumerateArray().Select(p => p.GetProperty("key").GetString()!).ToArray()
        );
        Assert.All(parts.Json.EnumerateArray(), p =>
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, p.GetProperty("unavailable").ValueKind)
        );

        foreach (
            var (body, field) in new (object Body, string Field)[]
            {
                (new { include = Array.Empty<string>(), format = "pdf" }, "include"),
                (new { include = new List<string> { "diary" }, format = "pdf" }, "include"),
                (new { include = new List<string> { "check" }, format = "pdf" }, "include"),
                (new { include = new List<string> { "check" }, format = "docx" }, "format"),
            }
        )
        {
            var refused = await ana.PostAsync("/api/v1/support/summary", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("application/problem+json", refused.ContentType);
            Assert.True(refused.Json.GetProperty("errors").TryGetProperty(field, out _), refused.Body);
            ApiProblems.AssertProblem(refused, HttpStatusCode.BadRequest, "invalid", field);
        }

        Assert.Empty(await SummariesLoggedAsync(anaId));

        await ApiPeople.TakeCheckAsync(app, ana, CheckJourney.Ordinary);
        var html = await ana.Client.PostAsJsonAsync(
            "/api/v1/support/summary",
            new { include = new List<string> { "check" }, format = "html" }
        );
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(
            ".html",
            html.Content.Headers.ContentDisposition!.FileNameStar ?? html.Content.Headers.ContentDisposition.FileName,
            StringComparison.Ordinal
        );
        Assert.Contains("Rough Patch Check", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var logged = Assert.Single(await SummariesLoggedAsync(anaId));
        Assert.Equal((int)SummaryParts.Check | (int)SummaryFormat.Html, logged.Detail);

        var pdf = await ana.Client.PostAsJsonAsync("/api/v1/support/summary", new { include = new List<string> { "check" } });
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(2, (await SummariesLoggedAsync(anaId)).Count);

        // The map is in a summary only once both shared; the partner's own summary never holds Ana's check.
        var map = await ana.PostAsync("/api/v1/support/summary", new { include = new List<string> { "map" }, format = "html" });
        Assert.Equal(HttpStatusCode.BadRequest, map.Status);
        var bensCheck = await ben.PostAsync("/api/v1/support/summary", new { include = new List<string> { "check" }, format = "html" });
        Assert.Equal(HttpStatusCode.BadRequest, bensCheck.Status);
    }
}

public sealed class SupportApiTestsOnSqlite(SqliteApp app) : SupportApiTests(app), IClassFixture<SqliteApp>;

public sealed class SupportApiTestsOnPostgres(PostgresApp app) : SupportApiTests(app), IClassFixture<PostgresApp>;
