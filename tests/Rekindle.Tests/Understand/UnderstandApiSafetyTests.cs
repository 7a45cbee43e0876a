using System.Net;
using Rekindle.Tests.Api;
using Rekindle.Web.Features.Understand;

namespace Rekindle.Tests.Understand;

/// <summary>Decision 0028 through the API: the safety part skipped and answered later, and hopelessness routed to crisis lines.</summary>
public abstract partial class UnderstandApiTests
{
    [Fact]
    public async Task The_safety_part_can_be_skipped_and_answered_later_and_hopelessness_links_to_crisis_lines()
    {
        var (ana, _, _) = await ApiPeople.MemberAsync(app, "Ana");
        using var _a = ana;
        var content = CheckJourney.Content(app);
        var safety = content.Sections.Single(CheckScoring.MayBeSkipped).Key;

        // Only the safety part may be skipped.
        var refused = await ana.PostAsync(
            $"/api/v1/understand/check/parts/{content.Sections[0].Key}",
            new
            {
                answers = new Dictionary<string, int?>(),
                @continue = true,
                skip = true,
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);

        foreach (var section in content.Sections)
        {
            var saved =
                section.Key == safety
                    ? await ana.PostAsync(
                        $"/api/v1/understand/check/parts/{section.Key}",
                        new
                        {
                            answers = new Dictionary<string, int?>(),
                            @continue = false,
                            skip = true,
                        }
                    )
                    : await ana.PostAsync(
                        $"/api/v1/understand/check/parts/{section.Key}",
                        new
                        {
                            answers = content.ItemsBySection[section.Key].ToDictionary(i => i.Id, i => (int?)CheckJourney.Hopeless(i)),
                            @continue = true,
                        }
                    );
            Assert.Equal(HttpStatusCode.OK, saved.Status);
        }

        var latest = (await ana.GetAsync("/api/v1/understand/results")).Json.GetProperty("latest");
        Assert.True(latest.GetProperty("safetySkipped").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, latest.GetProperty("safety").ValueKind);
        Assert.Equal("/safety#crisis", latest.GetProperty("crisis").GetProperty("link").GetString());
        var suggestions = (await ana.GetAsync("/api/v1/support")).Json.GetProperty("suggestions");
        Assert.Equal("crisis", suggestions[0].GetProperty("kind").GetString());
        Assert.Equal("/safety#crisis", suggestions[0].GetProperty("link").GetString());

        // Answered later for the same check: the concern counts now.
        var answered = await ana.PostAsync(
            $"/api/v1/understand/check/parts/{safety}",
            new
            {
                answers = content.ItemsBySection[safety].ToDictionary(i => i.Id, i => (int?)i.ConcernAt),
                @continue = true,
                attemptId = latest.GetProperty("id").GetGuid(),
            }
        );
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.True(answered.Json.GetProperty("finished").GetBoolean());
        var after = (await ana.GetAsync("/api/v1/understand/results")).Json;
        Assert.False(after.GetProperty("latest").GetProperty("safetySkipped").GetBoolean());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, after.GetProperty("latest").GetProperty("safety").ValueKind);
        Assert.Equal(1, after.GetProperty("history").GetArrayLength());
        Assert.True((await ana.GetAsync("/api/v1/understand/plan")).Json.GetProperty("jointExercisesResting").GetBoolean());
    }
}
