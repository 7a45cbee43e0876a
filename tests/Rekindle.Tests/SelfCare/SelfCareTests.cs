using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.SelfCare;

/// <summary>Self-care is the member's alone (docs/TRUST.md T2): only the one line they share reaches the partner.</summary>
public abstract class SelfCareTests(RekindleFactory app)
{
    // Pages that show nothing chosen per couple (the daily question on /talk is each couple's own pick).
    private static readonly string[] PartnersPages = ["/", "/self-care", "/time-together", "/intimacy", "/account/data"];

    [Fact]
    public async Task A_logged_day_goals_and_trends_stay_private_and_only_a_shared_line_reaches_the_partner()
    {
        var partnersViews = new List<List<string>>();
        foreach (var logs in new[] { false, true })
        {
            var (a, _) = await MemberAsync(app, "Pia");
            var (b, _) = await MemberAsync(app, "Quin");
            await JoinAsync(b, await InviteAsync(a));
            if (logs)
            {
                var page = await a.SubmitAsync(
                    await a.GetAsync("/self-care"),
                    "day-log",
                    new Dictionary<string, string>
                    {
                        ["sleepHours"] = "6.5",
                        ["movementMinutes"] = "35",
                        ["eating"] = "4",
                        ["stress"] = "9",
                        ["mood"] = "3",
                        ["note"] = "Selfcarenotemarker rough day",
                    }
                );
                Assert.Contains("Saved", page.TextOf("#self-care-message"), StringComparison.Ordinal);
                Assert.Equal("6.5", page.Find("input[name=sleepHours]")!.GetAttribute("value"));
                Assert.Contains("Selfcarenotemarker", page.Find("#note")!.TextContent, StringComparison.Ordinal);
                page = await a.SubmitAsync(
                    page,
                    "goal",
                    new Dictionary<string, string>
                    {
                        ["metric"] = "movement",
                        ["direction"] = "least",
                        ["value"] = "30",
                        ["daysPerWeek"] = "4",
                    }
                );
                Assert.Contains("1 of 4 days this week", page.TextOf("#goals"), StringComparison.Ordinal);
                Assert.Contains("6.5", page.TextOf("#trends"), StringComparison.Ordinal);
            }

            var views = new List<string>();
            foreach (var path in PartnersPages)
            {
                var view = await b.GetAsync(path);
                Assert.DoesNotContain("Selfcarenotemarker", view.Html, StringComparison.Ordinal);
                views.Add(SamePage.AcrossCouples(view.Html));
            }

            partnersViews.Add(views);

            if (logs)
            {
                // The one line, shared and taken back.
                await a.SubmitAsync(
                    await a.GetAsync("/self-care"),
                    "share-week",
                    new Dictionary<string, string> { ["line"] = "A stressful week at work", ["go"] = "share" }
                );
                Assert.Contains(
                    "A stressful week at work",
                    (await b.GetAsync("/self-care")).TextOf("#partner-lines"),
                    StringComparison.Ordinal
                );
                await a.SubmitAsync(await a.GetAsync("/self-care"), "share-week", new Dictionary<string, string> { ["go"] = "unshare" });
                Assert.Null((await b.GetAsync("/self-care")).Find("#partner-lines"));

                // The export holds the member's own days; the partner's export holds none of them.
                var token = (await a.GetAsync("/account/data"))
                    .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
                    .GetAttribute("value")!;
                using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
                Assert.Contains(
                    "Selfcarenotemarker",
                    await (await a.Client.PostAsync("/account/export/json", content)).Content.ReadAsStringAsync(),
                    StringComparison.Ordinal
                );
                var theirToken = (await b.GetAsync("/account/data"))
                    .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
                    .GetAttribute("value")!;
                using var theirContent = new FormUrlEncodedContent([new("__RequestVerificationToken", theirToken)]);
                Assert.DoesNotContain(
                    "Selfcarenotemarker",
                    await (await b.Client.PostAsync("/account/export/json", theirContent)).Content.ReadAsStringAsync(),
                    StringComparison.Ordinal
                );
            }
        }

        for (var i = 0; i < PartnersPages.Length; i++)
        {
            Assert.True(
                partnersViews[0][i] == partnersViews[1][i],
                $"{PartnersPages[i]} changes for the partner when the other logs self-care: {SamePage.Difference(partnersViews[0][i], partnersViews[1][i])}"
            );
        }

        Assert.All(await app.WithDbAsync(db => db.SelfCareLogs.ToListAsync()), l =>
            Assert.DoesNotContain("Selfcarenotemarker", l.Entry.Envelope, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Bad_input_gets_a_message_and_days_outside_the_last_week_are_refused()
    {
        var (a, _) = await MemberAsync(app, "Ros");
        var page = await a.GetAsync("/self-care");
        var bad = await a.SubmitAsync(page, "day-log", new Dictionary<string, string> { ["sleepHours"] = "30", ["mood"] = "11" });
        Assert.Contains("Sleep should be", bad.TextOf("#self-care-message"), StringComparison.Ordinal);
        Assert.Contains("Mood should be", bad.TextOf("#self-care-message"), StringComparison.Ordinal);
        var old = await a.SubmitAsync(page, "day-log", new Dictionary<string, string> { ["day"] = "2020-01-01", ["mood"] = "5" });
        Assert.Contains("last 7 days", old.TextOf("#self-care-message"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SelfCareLogs.CountAsync(l => l.Day.Year == 2020)));

        // Yesterday can be filled in; four goals are one too many.
        var yesterday = app
            .Clock.GetUtcNow()
            .UtcDateTime.Date.AddDays(-1)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var y = await a.GetAsync("/self-care?day=" + yesterday);
        await a.SubmitAsync(y, "day-log", new Dictionary<string, string> { ["mood"] = "6" });
        Assert.Equal(
            "6",
            (await a.GetAsync("/self-care?day=" + yesterday)).Find("select[name=mood] option[selected]")!.GetAttribute("value")
        );
        for (var i = 0; i < 3; i++)
        {
            await a.SubmitAsync(
                await a.GetAsync("/self-care"),
                "goal",
                new Dictionary<string, string>
                {
                    ["metric"] = "mood",
                    ["direction"] = "least",
                    ["value"] = "6",
                    ["daysPerWeek"] = "3",
                }
            );
        }

        Assert.Null((await a.GetAsync("/self-care")).Find("#add-goal"));
        var token = (await a.GetAsync("/self-care")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fourth = await a.PostAsync(
            "/self-care",
            [
                new("_handler", "goal"),
                new("__RequestVerificationToken", token),
                new("metric", "mood"),
                new("direction", "least"),
                new("value", "6"),
                new("daysPerWeek", "3"),
            ]
        );
        Assert.Contains("3 goals already", fourth.TextOf("#self-care-message"), StringComparison.Ordinal);
        var wrongGoal = await a.PostAsync(
            "/self-care",
            [
                new("_handler", "goal"),
                new("__RequestVerificationToken", token),
                new("metric", "weight"),
                new("value", "6"),
                new("daysPerWeek", "3"),
            ]
        );
        Assert.Contains("what the goal is about", wrongGoal.TextOf("#self-care-message"), StringComparison.Ordinal);

        // A member alone has no line to share.
        Assert.Null((await a.GetAsync("/self-care")).Find("#share-week"));
    }

    [Fact]
    public async Task Removing_another_members_goal_is_not_found_and_changes_nothing()
    {
        var (a, _) = await MemberAsync(app, "Gwen");
        var (b, _) = await MemberAsync(app, "Hugh");
        var page = await a.SubmitAsync(
            await a.GetAsync("/self-care"),
            "goal",
            new Dictionary<string, string>
            {
                ["metric"] = "movement",
                ["direction"] = "least",
                ["value"] = "30",
                ["daysPerWeek"] = "4",
            }
        );
        var goalId = page.Find("li.goal")!.Id!["goal-".Length..];

        // Hugh crafts the remove form with Gwen's goal id: he is told it wasn't found, and her goal stays.
        await b.SubmitAsync(
            await b.GetAsync("/self-care"),
            "goal",
            new Dictionary<string, string>
            {
                ["metric"] = "mood",
                ["direction"] = "least",
                ["value"] = "3",
                ["daysPerWeek"] = "3",
            }
        );
        var refused = await b.SubmitAsync(
            await b.GetAsync("/self-care"),
            "remove-goal",
            new Dictionary<string, string> { ["goal"] = goalId }
        );
        Assert.Contains("That goal wasn't found", refused.TextOf("#self-care-message"), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.SelfCareGoals.CountAsync(g => g.Id == Guid.Parse(goalId))));

        var removed = await a.SubmitAsync(
            await a.GetAsync("/self-care"),
            "remove-goal",
            new Dictionary<string, string> { ["goal"] = goalId }
        );
        Assert.Contains("Goal removed", removed.TextOf("#self-care-message"), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SelfCareGoals.CountAsync(g => g.Id == Guid.Parse(goalId))));
    }
}

public sealed class SelfCareTestsOnSqlite(SqliteApp app) : SelfCareTests(app), IClassFixture<SqliteApp>;

public sealed class SelfCareTestsOnPostgres(PostgresApp app) : SelfCareTests(app), IClassFixture<PostgresApp>;
