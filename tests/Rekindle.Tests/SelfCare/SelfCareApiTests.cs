using System.Net;
using Rekindle.Testing;
using Rekindle.Tests.Repair;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.SelfCare;

/// <summary>Self-care through the JSON API: each refusal carries its kind and the request field it is about (decisions/0032).</summary>
public abstract class SelfCareApiTests(RekindleFactory app)
{
    [Fact]
    public async Task Refusals_name_their_kind_and_field()
    {
        var (browser, email) = await MemberAsync(app, "Lou");
        browser.Dispose();
        using var api = await ApiClient.SignInAsync(app, email);
        var today = (await api.GetAsync("/api/v1/self-care")).Json.GetProperty("today").GetString();

        RepairApiTests.AssertProblem(
            await api.PostAsync("/api/v1/self-care/days", new { day = "2000-01-01", mood = 4 }),
            HttpStatusCode.BadRequest,
            "invalid",
            "day"
        );
        RepairApiTests.AssertProblem(
            await api.PostAsync("/api/v1/self-care/days", new { day = today, mood = 99 }),
            HttpStatusCode.BadRequest,
            "invalid",
            "mood"
        );
        RepairApiTests.AssertProblem(
            await api.PostAsync("/api/v1/self-care/days", new { day = today, sleepHours = 30 }),
            HttpStatusCode.BadRequest,
            "invalid",
            "sleepHours"
        );
        RepairApiTests.AssertProblem(
            await api.PostAsync("/api/v1/self-care/days", new { day = today, movementMinutes = 20000 }),
            HttpStatusCode.BadRequest,
            "invalid",
            "movementMinutes"
        );
        RepairApiTests.AssertProblem(
            await api.PostAsync("/api/v1/self-care/days", new { day = today, note = new string('n', 600) }),
            HttpStatusCode.BadRequest,
            "invalid",
            "note"
        );
        RepairApiTests.AssertProblem(
            await api.PostAsync(
                "/api/v1/self-care/goals",
                new
                {
                    metric = "weight",
                    value = 3,
                    daysPerWeek = 3,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "metric"
        );
        RepairApiTests.AssertProblem(
            await api.PostAsync(
                "/api/v1/self-care/goals",
                new
                {
                    metric = "mood",
                    value = 12,
                    daysPerWeek = 3,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "value"
        );
        RepairApiTests.AssertProblem(
            await api.PostAsync(
                "/api/v1/self-care/goals",
                new
                {
                    metric = "mood",
                    value = 6,
                    daysPerWeek = 9,
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "daysPerWeek"
        );
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await api.PostAsync(
                        "/api/v1/self-care/goals",
                        new
                        {
                            metric = "mood",
                            direction = "least",
                            value = 6,
                            daysPerWeek = 3,
                        }
                    )
                ).Status
            );
        }

        RepairApiTests.AssertProblem(
            await api.PostAsync(
                "/api/v1/self-care/goals",
                new
                {
                    metric = "mood",
                    direction = "least",
                    value = 6,
                    daysPerWeek = 3,
                }
            ),
            HttpStatusCode.Conflict,
            "conflict"
        );
        var gone = await api.Client.DeleteAsync($"/api/v1/self-care/goals/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("\"notFound\"", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_reads_a_goal_and_a_day_as_the_api_does()
    {
        // The page's fields are the API request's properties: "most" is an upper goal, a day's hours go to sleepHours.
        var (a, _) = await MemberAsync(app, "Max");
        var page = await a.SubmitAsync(
            await a.GetAsync("/self-care"),
            "goal",
            new Dictionary<string, string>
            {
                ["metric"] = "stress",
                ["direction"] = "most",
                ["value"] = "4",
                ["daysPerWeek"] = "5",
            }
        );
        Assert.Contains("Stress at most 4 of 10, on 5 days a week", page.TextOf("#goals"), StringComparison.Ordinal);
        var refused = await a.SubmitAsync(
            await a.GetAsync("/self-care"),
            "goal",
            new Dictionary<string, string>
            {
                ["metric"] = "stress",
                ["value"] = "4",
                ["daysPerWeek"] = "9",
            }
        );
        Assert.Contains("from 1 to 7", refused.TextOf("#self-care-message"), StringComparison.Ordinal);
        var logged = await a.SubmitAsync(
            await a.GetAsync("/self-care"),
            "day-log",
            new Dictionary<string, string> { ["sleepHours"] = "7.4", ["movementMinutes"] = "20" }
        );
        Assert.Equal("7.5", logged.Find("input[name=sleepHours]")!.GetAttribute("value"));
        Assert.Equal("20", logged.Find("input[name=movementMinutes]")!.GetAttribute("value"));
    }
}

public sealed class SelfCareApiTestsOnSqlite(SqliteApp app) : SelfCareApiTests(app), IClassFixture<SqliteApp>;

public sealed class SelfCareApiTestsOnPostgres(PostgresApp app) : SelfCareApiTests(app), IClassFixture<PostgresApp>;
