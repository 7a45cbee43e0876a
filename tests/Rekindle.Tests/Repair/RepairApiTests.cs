using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Repair;

/// <summary>Repair through the JSON API (decisions/0016): blind steps, calm and pause, letting go kept alone, apologies, and
/// resting.</summary>
public abstract class RepairApiTests(RekindleFactory app)
{
    private static JsonElement Step(JsonElement repair, string step) =>
        repair.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == step);

    private static int Revision(ApiResponse response) => response.Json.GetProperty("revision").GetInt32();

    /// <summary>A problem as decisions/0032 maps it: the status, the kind, and for an invalid request the field it is about.</summary>
    internal static void AssertProblem(ApiResponse response, HttpStatusCode status, string kind, string? field = null)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal(kind, response.Json.GetProperty("kind").GetString());
        if (field is not null)
        {
            Assert.True(response.Json.GetProperty("errors").TryGetProperty(field, out _), $"no errors.{field} in {response.Body}");
        }
    }

    [Fact]
    public async Task A_repair_is_worked_through_step_by_step_with_blind_reveal_and_another_couple_gets_404()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var hub = (await member.GetAsync("/api/v1/repair")).Json;
        Assert.True(hub.GetProperty("hasPartner").GetBoolean());
        Assert.False(hub.GetProperty("resting").GetBoolean());
        var feeling = (await member.GetAsync("/api/v1/repair/guide"))
            .Json.GetProperty("content")
            .GetProperty("feelings")[0]
            .GetProperty("key")
            .GetString();

        var noTitle = await member.PostAsync("/api/v1/repair", new { title = "  ", calm = true });
        Assert.True(noTitle.Json.GetProperty("errors").TryGetProperty("title", out _));
        var memberId = await couple.MemberIdAsync();
        Assert.Equal(0, await app.WithDbAsync(db => db.Incidents.CountAsync(i => i.OpenedBy == memberId)));

        var opened = await member.PostAsync("/api/v1/repair", new { title = "Repairtitlemarker", calm = true });
        Assert.Equal(HttpStatusCode.OK, opened.Status);
        Assert.Equal("calm", opened.Json.GetProperty("current").GetString());
        var id = opened.Json.GetProperty("id").GetGuid();
        var url = $"/api/v1/repair/{id}";

        using var strangers = await AreaApiCouples.CoupleAsync(app, "Cyd", "Dee");
        Assert.Equal(HttpStatusCode.NotFound, (await strangers.Member.GetAsync(url)).Status);
        foreach (
            var (path, body) in new (string, object)[]
            {
                ("/calm", new { revision = 1 }),
                ("/pause", new { revision = 1 }),
                ("/set-aside", new { revision = 1 }),
                (
                    "/steps",
                    new
                    {
                        step = "feelings",
                        feelings = new[] { feeling },
                        text = "Strangerwords",
                    }
                ),
                ("/follow-up", new { choice = "better" }),
            }
        )
        {
            var foreign = await strangers.Member.PostAsync(url + path, body);
            Assert.Equal(HttpStatusCode.NotFound, foreign.Status);
            Assert.Equal("application/problem+json", foreign.ContentType);
        }

        Assert.DoesNotContain("Repairtitlemarker", (await strangers.Member.GetAsync("/api/v1/repair")).Body, StringComparison.Ordinal);
        Assert.Equal(1, Revision(await member.GetAsync(url)));

        var stale = await partner.PostAsync(url + "/calm", new { revision = 99 });
        Assert.True(stale.Json.GetProperty("errors").TryGetProperty("revision", out _));
        var calm = await partner.PostAsync(url + "/calm", new { revision = 1 });
        Assert.Equal("feelings", calm.Json.GetProperty("current").GetString());

        var badFeeling = await member.PostAsync(url + "/steps", new { step = "feelings", feelings = new List<string> { "grumpy-ish" } });
        Assert.True(badFeeling.Json.GetProperty("errors").TryGetProperty("feelings", out _));
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "sideways", text = "x" }))
                .Json.GetProperty("errors")
                .TryGetProperty("step", out _)
        );
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "account", text = "x" }))
                .Json.GetProperty("errors")
                .TryGetProperty("step", out _)
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.IncidentEntries.CountAsync(e => e.IncidentId == id)));

        var wrote = await member.PostAsync(
            url + "/steps",
            new
            {
                step = "feelings",
                feelings = new[] { feeling },
                text = "Repairfeelingmarker",
            }
        );
        Assert.Equal(HttpStatusCode.OK, wrote.Status);
        var blind = await partner.GetAsync(url);
        Assert.DoesNotContain("Repairfeelingmarker", blind.Body, StringComparison.Ordinal);
        Assert.True(Step(blind.Json, "feelings").GetProperty("partnerDone").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Step(blind.Json, "feelings").GetProperty("theirs").ValueKind);

        var revealed = await partner.PostAsync(url + "/steps", new { step = "feelings", feelings = new[] { feeling } });
        Assert.Equal("Repairfeelingmarker", Step(revealed.Json, "feelings").GetProperty("theirs").GetProperty("text").GetString());
        Assert.Equal("account", revealed.Json.GetProperty("current").GetString());
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "account", text = "" }))
                .Json.GetProperty("errors")
                .TryGetProperty("text", out _)
        );

        // A pause clears both "calm" marks; the repair goes on where it was once both say it again.
        var paused = await partner.PostAsync(url + "/pause", new { revision = Revision(revealed) });
        Assert.Equal("calm", paused.Json.GetProperty("current").GetString());
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "account", text = "x" }))
                .Json.GetProperty("errors")
                .TryGetProperty("step", out _)
        );
        var again = await member.PostAsync(url + "/calm", new { revision = Revision(paused) });
        again = await partner.PostAsync(url + "/calm", new { revision = Revision(again) });
        Assert.Equal("account", again.Json.GetProperty("current").GetString());

        foreach (var step in new[] { "account", "heard", "past", "own", "plan" })
        {
            var second = step is "own" or "plan" ? "and then" : null;
            if (second is not null)
            {
                Assert.True(
                    (await member.PostAsync(url + "/steps", new { step, text = "words" }))
                        .Json.GetProperty("errors")
                        .TryGetProperty("second", out _)
                );
            }

            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await member.PostAsync(
                        url + "/steps",
                        new
                        {
                            step,
                            text = "Member " + step,
                            second,
                        }
                    )
                ).Status
            );
            Assert.Equal(
                HttpStatusCode.OK,
                (
                    await partner.PostAsync(
                        url + "/steps",
                        new
                        {
                            step,
                            text = "Partner " + step,
                            second,
                        }
                    )
                ).Status
            );
            if (step == "heard")
            {
                // Revealed, and now each says whether they were heard; the repair stays here until both say yes.
                Assert.True((await member.GetAsync(url)).Json.GetProperty("answering").GetBoolean());
                await member.PostAsync(url + "/heard", new { reply = "yes" });
                Assert.Equal(
                    "past",
                    (await partner.PostAsync(url + "/heard", new { reply = "yes" })).Json.GetProperty("current").GetString()
                );
            }
        }

        var done = (await member.GetAsync(url)).Json;
        Assert.Equal("done", done.GetProperty("current").GetString());
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("completedAt").ValueKind);

        var noChoice = await member.PostAsync(url + "/follow-up", new { choice = "fine" });
        Assert.True(noChoice.Json.GetProperty("errors").TryGetProperty("choice", out _));
        Assert.Equal(
            HttpStatusCode.OK,
            (await member.PostAsync(url + "/follow-up", new { choice = "still-hurts", text = "Followupmarker" })).Status
        );
        Assert.DoesNotContain("Followupmarker", (await partner.GetAsync(url)).Body, StringComparison.Ordinal);
        var both = await partner.PostAsync(url + "/follow-up", new { choice = "better" });
        Assert.Equal("still-hurts", Step(both.Json, "followup").GetProperty("theirs").GetProperty("choice").GetString());

        var summary = (await partner.GetAsync("/api/v1/repair")).Json.GetProperty("repairs").EnumerateArray().Single();
        Assert.Equal("Repairtitlemarker", summary.GetProperty("title").GetString());
        var setAside = await partner.PostAsync(url + "/set-aside", new { revision = Revision(await partner.GetAsync(url)) });
        Assert.Equal(HttpStatusCode.BadRequest, setAside.Status);
    }

    [Fact]
    public async Task Letting_go_is_the_members_alone_and_apologies_reach_the_partner()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app);
        var (member, partner) = (couple.Member, couple.Partner);
        var memberId = await couple.MemberIdAsync();
        var noHurt = await member.PostAsync("/api/v1/letting-go", new { hurt = "", cost = "sleep" });
        Assert.True(noHurt.Json.GetProperty("errors").TryGetProperty("hurt", out _));
        var noCost = await member.PostAsync("/api/v1/letting-go", new { hurt = "the hurt", cost = "" });
        Assert.True(noCost.Json.GetProperty("errors").TryGetProperty("cost", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.Grudges.CountAsync(g => g.OwnerId == memberId)));

        var started = await member.PostAsync("/api/v1/letting-go", new { hurt = "Grudgeapimarker", cost = "my sleep" });
        Assert.Equal(HttpStatusCode.OK, started.Status);
        Assert.Equal("decide", started.Json.GetProperty("step").GetString());
        var id = started.Json.GetProperty("id").GetGuid();
        var url = $"/api/v1/letting-go/{id}";

        // Not the partner's, not another couple's: not found, not listed, not destroyed.
        using var strangers = await AreaApiCouples.CoupleAsync(app, "Cyd", "Dee");
        foreach (var other in new[] { partner, strangers.Member })
        {
            Assert.Equal(0, (await other.GetAsync("/api/v1/letting-go")).Json.GetProperty("exercises").GetArrayLength());
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).Status);
            Assert.Equal(
                HttpStatusCode.NotFound,
                (await other.PostAsync(url + "/steps", new { step = "decide", decision = "toward" })).Status
            );
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(url + "/put-away", new { })).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync(url)).StatusCode);
        }

        Assert.Equal("Grudgeapimarker", (await member.GetAsync(url)).Json.GetProperty("words").GetProperty("hurt").GetString());
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "decide", decision = "maybe" }))
                .Json.GetProperty("errors")
                .TryGetProperty("decision", out _)
        );
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "letter", text = "Dear" }))
                .Json.GetProperty("errors")
                .TryGetProperty("step", out _)
        );
        Assert.True((await member.PostAsync(url + "/put-away", new { })).Json.GetProperty("errors").TryGetProperty("exercise", out _));
        Assert.Equal(
            "context",
            (await member.PostAsync(url + "/steps", new { step = "decide", decision = "not-yet" })).Json.GetProperty("step").GetString()
        );
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "context", text = "" }))
                .Json.GetProperty("errors")
                .TryGetProperty("text", out _)
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await member.PostAsync(url + "/steps", new { step = "context", text = "They were tired" })).Status
        );
        var letter = await member.PostAsync(url + "/steps", new { step = "letter", text = new string('l', 4000) });
        Assert.Equal("release", letter.Json.GetProperty("step").GetString());
        var putAway = await member.PostAsync(url + "/put-away", new { });
        Assert.NotEqual(JsonValueKind.Null, putAway.Json.GetProperty("putAwayAt").ValueKind);
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "context", text = "more" }))
                .Json.GetProperty("errors")
                .TryGetProperty("step", out _)
        );

        var gone = (await member.PostAsync("/api/v1/letting-go", new { hurt = "Destroyme", cost = "time" }))
            .Json.GetProperty("id")
            .GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/v1/letting-go/{gone}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/letting-go/{gone}")).Status);
        Assert.Equal(1, await app.WithDbAsync(db => db.Grudges.CountAsync(g => g.OwnerId == memberId)));

        // The apology check: the same helper as the page, part by part, and nothing stored.
        var check = (
            await member.PostAsync(
                "/api/v1/repair/apologies/check",
                new
                {
                    did = "I'm sorry if I was harsh",
                    effect = "Mistakes were made",
                    will = "I'll pause before I answer",
                }
            )
        ).Json;
        Assert.Equal("Harsh", check.GetProperty("whole").GetProperty("verdict").GetString());
        Assert.Equal("non-apology", check.GetProperty("did").GetProperty("flags")[0].GetProperty("kind").GetString());
        Assert.Equal("non-apology", check.GetProperty("effect").GetProperty("flags")[0].GetProperty("kind").GetString());
        Assert.Equal(0, check.GetProperty("will").GetProperty("flags").GetArrayLength());
        Assert.Equal(2, check.GetProperty("whole").GetProperty("flags").GetArrayLength());
        var kindCheck = (
            await member.PostAsync(
                "/api/v1/repair/apologies/check",
                new
                {
                    did = "I'm sorry I snapped at you in the car.",
                    effect = "It made the drive tense for you.",
                    will = "I'll say when I'm tired instead.",
                }
            )
        ).Json;
        Assert.True(kindCheck.GetProperty("whole").GetProperty("readsKindly").GetBoolean());
        Assert.Equal(0, await app.WithDbAsync(db => db.Apologies.CountAsync(a => a.FromId == memberId)));

        var noEffect = await member.PostAsync(
            "/api/v1/repair/apologies",
            new
            {
                did = "I was late",
                effect = " ",
                will = "Be on time",
            }
        );
        Assert.True(noEffect.Json.GetProperty("errors").TryGetProperty("effect", out _));
        Assert.Equal(0, await app.WithDbAsync(db => db.Apologies.CountAsync(a => a.FromId == memberId)));
        var sent = await member.PostAsync(
            "/api/v1/repair/apologies",
            new
            {
                did = "Apologyapimarker",
                effect = "You waited",
                will = "Be on time",
            }
        );
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.True(sent.Json[0].GetProperty("fromMe").GetBoolean());
        var received = (await partner.GetAsync("/api/v1/repair")).Json.GetProperty("apologies")[0];
        Assert.Equal("Apologyapimarker", received.GetProperty("did").GetString());
        Assert.False(received.GetProperty("fromMe").GetBoolean());
        Assert.DoesNotContain("Apologyapimarker", (await strangers.Member.GetAsync("/api/v1/repair")).Body, StringComparison.Ordinal);
        await member.PostAsync(
            "/api/v1/repair/apologies",
            new
            {
                did = "Two",
                effect = "e",
                will = "w",
            }
        );
        await member.PostAsync(
            "/api/v1/repair/apologies",
            new
            {
                did = "Three",
                effect = "e",
                will = "w",
            }
        );
        var fourth = await member.PostAsync(
            "/api/v1/repair/apologies",
            new
            {
                did = "Four",
                effect = "e",
                will = "w",
            }
        );
        AssertProblem(fourth, HttpStatusCode.TooManyRequests, "tooMany");
        Assert.Equal(3, await app.WithDbAsync(db => db.Apologies.CountAsync(a => a.FromId == memberId)));
    }

    [Fact]
    public async Task Letting_go_through_the_api_says_forgiving_is_never_owed_and_is_not_offered_while_it_rests()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app, "Ema", "Fin");
        var (member, partner) = (couple.Member, couple.Partner);
        var offered = (await partner.GetAsync("/api/v1/letting-go")).Json;
        Assert.False(offered.GetProperty("resting").GetBoolean());
        Assert.Contains("isn't reconciling", offered.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains("never owed to someone who hurt you", offered.GetProperty("note").GetString(), StringComparison.Ordinal);

        var earlier = (await member.PostAsync("/api/v1/letting-go", new { hurt = "Earlierhurt", cost = "time" }))
            .Json.GetProperty("id")
            .GetGuid();
        await TakeCheckAsync(app, couple.MemberBrowser, WithConcern);
        var resting = (await member.GetAsync("/api/v1/letting-go")).Json;
        Assert.True(resting.GetProperty("resting").GetBoolean());
        Assert.Contains("resting for now", resting.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("forgiv", resting.GetProperty("note").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(earlier, resting.GetProperty("exercises")[0].GetProperty("id").GetGuid());
        AssertProblem(await member.PostAsync("/api/v1/letting-go", new { hurt = "h", cost = "c" }), HttpStatusCode.Conflict, "resting");
        AssertProblem(
            await member.PostAsync($"/api/v1/letting-go/{earlier}/steps", new { step = "decide", decision = "toward" }),
            HttpStatusCode.Conflict,
            "resting"
        );
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/v1/letting-go/{earlier}")).StatusCode);
    }

    [Fact]
    public async Task What_you_heard_is_answered_through_the_api_and_the_line_reaches_only_the_partner()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app, "Ivo", "Jun");
        var (member, partner) = (couple.Member, couple.Partner);
        var feeling = (await member.GetAsync("/api/v1/repair/guide"))
            .Json.GetProperty("content")
            .GetProperty("feelings")[0]
            .GetProperty("key")
            .GetString();
        var opened = await member.PostAsync("/api/v1/repair", new { title = "Heardtitle", calm = true });
        var url = $"/api/v1/repair/{opened.Json.GetProperty("id").GetGuid()}";
        await partner.PostAsync(url + "/calm", new { revision = Revision(opened) });

        // Not before both have written it.
        AssertProblem(await member.PostAsync(url + "/heard", new { reply = "yes" }), HttpStatusCode.BadRequest, "invalid", "reply");
        foreach (var step in new[] { "feelings", "account", "heard" })
        {
            foreach (var who in new[] { member, partner })
            {
                await who.PostAsync(
                    url + "/steps",
                    new
                    {
                        step,
                        feelings = new[] { feeling },
                        text = "words " + step,
                    }
                );
            }
        }

        AssertProblem(await member.PostAsync(url + "/heard", new { reply = "maybe" }), HttpStatusCode.BadRequest, "invalid", "reply");
        var missed = await member.PostAsync(url + "/heard", new { reply = "missed", missed = "Apimissedmarker" });
        Assert.Equal(HttpStatusCode.OK, missed.Status);
        Assert.True(missed.Json.GetProperty("answering").GetBoolean());
        Assert.Equal("missed", Step(missed.Json, "heard").GetProperty("mine").GetProperty("heardReply").GetString());
        var theirs = Step((await partner.GetAsync(url)).Json, "heard").GetProperty("theirs");
        Assert.Equal("missed", theirs.GetProperty("heardReply").GetString());
        Assert.Equal("Apimissedmarker", theirs.GetProperty("missed").GetString());

        // The partner tries again through the same step endpoint; the member answers again, both yes, and they go on.
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync(url + "/steps", new { step = "heard", text = "a second try" })).Status);
        Assert.Equal(
            JsonValueKind.Null,
            Step((await member.GetAsync(url)).Json, "heard").GetProperty("mine").GetProperty("heardReply").ValueKind
        );
        await partner.PostAsync(url + "/heard", new { reply = "yes" });
        var on = await member.PostAsync(url + "/heard", new { reply = "yes" });
        Assert.Equal("past", on.Json.GetProperty("current").GetString());
        Assert.False(on.Json.GetProperty("answering").GetBoolean());
    }

    [Fact]
    public async Task Your_part_can_be_left_for_now_through_the_api()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app, "Gus", "Hen");
        var (member, partner) = (couple.Member, couple.Partner);
        var feeling = (await member.GetAsync("/api/v1/repair/guide"))
            .Json.GetProperty("content")
            .GetProperty("feelings")[0]
            .GetProperty("key")
            .GetString();
        var opened = await member.PostAsync("/api/v1/repair", new { title = "Leavetitle", calm = true });
        var url = $"/api/v1/repair/{opened.Json.GetProperty("id").GetGuid()}";
        await partner.PostAsync(url + "/calm", new { revision = Revision(opened) });
        foreach (var step in new[] { "feelings", "account", "heard", "past" })
        {
            await member.PostAsync(
                url + "/steps",
                new
                {
                    step,
                    feelings = new[] { feeling },
                    text = "m",
                }
            );
            await partner.PostAsync(
                url + "/steps",
                new
                {
                    step,
                    feelings = new[] { feeling },
                    text = "p",
                }
            );
            if (step == "heard")
            {
                await member.PostAsync(url + "/heard", new { reply = "yes" });
                await partner.PostAsync(url + "/heard", new { reply = "yes" });
            }
        }

        // Leaving "plan" for now is not a thing: only "your part" is optional.
        var left = await partner.PostAsync(url + "/steps", new { step = "own", leaveForNow = true });
        Assert.Equal(HttpStatusCode.OK, left.Status);
        Assert.Equal("left-for-now", Step(left.Json, "own").GetProperty("mine").GetProperty("choice").GetString());
        Assert.True(Step((await member.GetAsync(url)).Json, "own").GetProperty("partnerDone").GetBoolean());
        var opens = await member.PostAsync(
            url + "/steps",
            new
            {
                step = "own",
                text = "Mine",
                second = "Sorry",
            }
        );
        Assert.Equal("plan", opens.Json.GetProperty("current").GetString());
        Assert.Equal("left-for-now", Step(opens.Json, "own").GetProperty("theirs").GetProperty("choice").GetString());
        Assert.Equal(JsonValueKind.Null, Step(opens.Json, "own").GetProperty("theirs").GetProperty("text").ValueKind);
        Assert.True(
            (await member.PostAsync(url + "/steps", new { step = "plan", leaveForNow = true }))
                .Json.GetProperty("errors")
                .TryGetProperty("text", out _)
        );
    }

    [Fact]
    public async Task Repair_rests_for_a_member_whose_safety_screen_raised_a_concern_and_the_partner_sees_no_difference()
    {
        var partnerViews = new List<string>();
        foreach (var concern in new[] { false, true })
        {
            using var couple = await AreaApiCouples.CoupleAsync(app, "Tay", "Uma");
            var (member, partner) = (couple.Member, couple.Partner);
            var grudge = (await member.PostAsync("/api/v1/letting-go", new { hurt = "Restinggrudge", cost = "time" }))
                .Json.GetProperty("id")
                .GetGuid();
            var opened = await partner.PostAsync("/api/v1/repair", new { title = "Restingtitle", calm = true });
            var url = $"/api/v1/repair/{opened.Json.GetProperty("id").GetGuid()}";

            // decisions/0027: the partner's answers are compared with the other's own neutral pause, not with no rest at all.
            await TakeCheckAsync(app, couple.MemberBrowser, concern ? WithConcern : Ordinary);
            if (!concern)
            {
                await couple.MemberBrowser.SubmitAsync(
                    await couple.MemberBrowser.GetAsync("/repair"),
                    "pause-for-two",
                    new Dictionary<string, string> { ["pause"] = "on" }
                );
            }

            var refused = await partner.PostAsync("/api/v1/repair", new { title = "Another", calm = true });
            AssertProblem(refused, HttpStatusCode.Conflict, "resting");
            var another = refused.Json.GetProperty("detail").GetString();
            partnerViews.Add(
                string.Join(
                    "\n",
                    another,
                    (await partner.GetAsync(url)).Json.GetProperty("current").GetString(),
                    (await partner.GetAsync("/api/v1/repair")).Json.GetProperty("resting").GetBoolean(),
                    Step((await partner.GetAsync(url)).Json, "feelings").GetProperty("partnerDone").GetBoolean(),
                    (await partner.GetAsync(url)).Json.GetProperty("partnerCalm").GetBoolean()
                )
            );
            if (!concern)
            {
                continue;
            }

            var hub = (await member.GetAsync("/api/v1/repair")).Json;
            Assert.True(hub.GetProperty("resting").GetBoolean());
            Assert.Equal(0, hub.GetProperty("repairs").GetArrayLength());
            var guide = await member.GetAsync("/api/v1/repair/guide");
            Assert.Equal(JsonValueKind.Null, guide.Json.GetProperty("content").ValueKind);
            Assert.DoesNotContain("forgive", guide.Body, StringComparison.OrdinalIgnoreCase);
            var view = await member.GetAsync(url);
            Assert.True(view.Json.GetProperty("resting").GetBoolean());
            Assert.Equal(0, view.Json.GetProperty("steps").GetArrayLength());

            var calm = await member.PostAsync(url + "/calm", new { revision = Revision(view) });
            AssertProblem(calm, HttpStatusCode.Conflict, "resting");
            Assert.Contains("resting for now", calm.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
            AssertProblem(
                await member.PostAsync("/api/v1/repair", new { title = "Another", calm = true }),
                HttpStatusCode.Conflict,
                "resting"
            );
            AssertProblem(await member.PostAsync("/api/v1/letting-go", new { hurt = "h", cost = "c" }), HttpStatusCode.Conflict, "resting");
            AssertProblem(
                await member.PostAsync(
                    "/api/v1/repair/apologies",
                    new
                    {
                        did = "d",
                        effect = "e",
                        will = "w",
                    }
                ),
                HttpStatusCode.Conflict,
                "resting"
            );
            AssertProblem(
                await member.PostAsync(
                    "/api/v1/repair/apologies/check",
                    new
                    {
                        did = "d",
                        effect = "e",
                        will = "w",
                    }
                ),
                HttpStatusCode.Conflict,
                "resting"
            );
            var resting = (await member.GetAsync($"/api/v1/letting-go/{grudge}")).Json;
            Assert.Equal(JsonValueKind.Null, resting.GetProperty("words").ValueKind);

            // What a resting member can still do: set the repair aside, and destroy what they wrote.
            Assert.True(
                (await member.PostAsync(url + "/set-aside", new { revision = Revision(view) })).Json.GetProperty("setAside").GetBoolean()
            );
            Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync($"/api/v1/letting-go/{grudge}")).StatusCode);
        }

        Assert.Equal(partnerViews[0], partnerViews[1]);
    }

    [Fact]
    public async Task Every_refusal_says_its_kind_and_field_without_the_api_reading_message_text()
    {
        using var couple = await AreaApiCouples.CoupleAsync(app, "Ivy", "Jon");
        var (member, partner) = (couple.Member, couple.Partner);
        AssertProblem(
            await member.PostAsync("/api/v1/repair", new { title = " ", calm = true }),
            HttpStatusCode.BadRequest,
            "invalid",
            "title"
        );
        AssertProblem(
            await member.PostAsync("/api/v1/repair", new { title = new string('t', 500), calm = true }),
            HttpStatusCode.BadRequest,
            "invalid",
            "title"
        );
        var opened = await member.PostAsync("/api/v1/repair", new { title = "Kinds", calm = true });
        var url = $"/api/v1/repair/{opened.Json.GetProperty("id").GetGuid()}";
        AssertProblem(await member.GetAsync($"/api/v1/repair/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "notFound");
        AssertProblem(
            await member.PostAsync($"/api/v1/repair/{Guid.NewGuid()}/calm", new { revision = 1 }),
            HttpStatusCode.NotFound,
            "notFound"
        );
        AssertProblem(await partner.PostAsync(url + "/calm", new { revision = 7 }), HttpStatusCode.BadRequest, "invalid", "revision");
        AssertProblem(
            await member.PostAsync(url + "/steps", new { step = "feelings", feelings = new List<string> { "hurt" } }),
            HttpStatusCode.BadRequest,
            "invalid",
            "step"
        );
        AssertProblem(await member.PostAsync(url + "/steps", new { step = "nowhere" }), HttpStatusCode.BadRequest, "invalid", "step");
        AssertProblem(await member.PostAsync(url + "/follow-up", new { choice = "better" }), HttpStatusCode.BadRequest, "invalid", "step");
        await partner.PostAsync(url + "/calm", new { revision = Revision(await partner.GetAsync(url)) });
        AssertProblem(
            await member.PostAsync(url + "/steps", new { step = "feelings", feelings = new List<string> { "meh" } }),
            HttpStatusCode.BadRequest,
            "invalid",
            "feelings"
        );
        AssertProblem(
            await member.PostAsync(url + "/set-aside", new { revision = Revision(await member.GetAsync(url)) + 1 }),
            HttpStatusCode.BadRequest,
            "invalid",
            "revision"
        );

        // Letting go: the first step's words are about hurt and cost; a later step's about text, second or decision.
        AssertProblem(
            await member.PostAsync("/api/v1/letting-go", new { hurt = "h", cost = "" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "cost"
        );
        var grudge = (await member.PostAsync("/api/v1/letting-go", new { hurt = "h", cost = "c" })).Json.GetProperty("id").GetGuid();
        var grudgeUrl = $"/api/v1/letting-go/{grudge}";
        AssertProblem(
            await member.PostAsync(
                grudgeUrl + "/steps",
                new
                {
                    step = "name",
                    text = "h",
                    second = "",
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "second"
        );
        AssertProblem(
            await member.PostAsync(grudgeUrl + "/steps", new { step = "sideways" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "step"
        );
        AssertProblem(
            await partner.PostAsync(grudgeUrl + "/steps", new { step = "decide", decision = "toward" }),
            HttpStatusCode.NotFound,
            "notFound"
        );
        AssertProblem(await member.PostAsync(grudgeUrl + "/put-away", new { }), HttpStatusCode.BadRequest, "invalid", "exercise");
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.DeleteAsync(grudgeUrl)).StatusCode);
        var gone = await member.Client.DeleteAsync(grudgeUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("\"notFound\"", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Apologies: the part that needs care; and for a member alone, their own state (409).
        AssertProblem(
            await member.PostAsync(
                "/api/v1/repair/apologies",
                new
                {
                    did = "d",
                    effect = "e",
                    will = "",
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "will"
        );
        AssertProblem(
            await member.PostAsync(
                "/api/v1/repair/apologies",
                new
                {
                    did = "",
                    effect = "e",
                    will = "w",
                }
            ),
            HttpStatusCode.BadRequest,
            "invalid",
            "did"
        );
        var (alone, aloneEmail) = await MemberAsync(app, "Kit");
        alone.Dispose();
        using var aloneApi = await ApiClient.SignInAsync(app, aloneEmail);
        AssertProblem(
            await aloneApi.PostAsync("/api/v1/repair", new { title = "Alone", calm = true }),
            HttpStatusCode.Conflict,
            "conflict"
        );
        AssertProblem(
            await aloneApi.PostAsync(
                "/api/v1/repair/apologies",
                new
                {
                    did = "d",
                    effect = "e",
                    will = "w",
                }
            ),
            HttpStatusCode.Conflict,
            "conflict"
        );
    }
}

public sealed class RepairApiTestsOnSqlite(SqliteApp app) : RepairApiTests(app), IClassFixture<SqliteApp>;

public sealed class RepairApiTestsOnPostgres(PostgresApp app) : RepairApiTests(app), IClassFixture<PostgresApp>;
