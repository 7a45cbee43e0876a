using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Trust;

/// <summary>
/// docs/TRUST.md T1 and T2 over every route the app has. Routes are discovered from the app's own
/// endpoint list; each must have an entry below saying how a partner and another couple call it.
/// A new route without one fails this suite, so no page can be added without being walked.
/// </summary>
public abstract class RouteWalkTests(RekindleFactory app)
{
    private List<string> Discovered() =>
        app
            .Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();

    [Fact]
    public void Every_route_the_app_serves_has_an_entry_in_the_suite()
    {
        var discovered = Discovered();
        Assert.NotEmpty(discovered);
        var missing = discovered.Where(r => !RouteRegistry.Routes.ContainsKey(r)).ToList();
        Assert.True(
            missing.Count == 0,
            "Routes missing from the adversarial suite; add each to its area's <Area>Routes.cs: " + string.Join(", ", missing)
        );
    }

    [Fact]
    public void Every_entry_in_the_suite_is_a_route_the_app_serves()
    {
        var discovered = Discovered().ToHashSet(StringComparer.Ordinal);
        var stale = RouteRegistry.Routes.Keys.Where(r => !discovered.Contains(r)).ToList();
        Assert.True(stale.Count == 0, "Entries for routes the app does not map; fix them in <Area>Routes.cs: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task The_partner_and_another_couple_never_see_a_members_private_markers()
    {
        // Couple one: the member plants markers in what is theirs alone (their email, their device).
        var memberEmail = $"emailmarker-{Guid.NewGuid():N}@example.org";
        using var member = app.NewBrowser();
        member.Client.DefaultRequestHeaders.UserAgent.ParseAdd("MarkerAgent/1.0 (Windows)");
        await RegisterAsync(member, "Firstmarker", memberEmail);
        await ConfirmAsync(app, member, memberEmail);
        await SignInAsync(member, memberEmail, "a wrong password leaves a log entry");
        await SignInAsync(member, memberEmail);
        var (partner, partnerEmail) = await MemberAsync(app, "Partner");
        await JoinAsync(partner, await InviteAsync(member));

        // Before any check: a repair the member has written a step of (the partner has not, so it stays
        // the member's), and a private letting-go exercise with its letter. Neither ever reaches the partner.
        var repair = await member.SubmitAsync(
            await member.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = "Repairtitlemarker", ["calm"] = "true" }
        );
        await partner.SubmitAsync(
            await partner.GetAsync(repair.Url.AbsolutePath),
            "repair",
            new Dictionary<string, string> { ["go"] = "calm" }
        );
        await member.SubmitAsync(
            await member.GetAsync(repair.Url.AbsolutePath),
            "repair",
            new Dictionary<string, string>
            {
                ["go"] = "write",
                ["feelings"] = "hurt",
                ["text"] = "Repairwalkmarker",
            }
        );
        var grudge = await member.SubmitAsync(
            await member.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "Grudgewalkmarker", ["cost"] = "Grudgecostmarker" }
        );
        Assert.Contains("Grudgewalkmarker", (await member.GetAsync(grudge.Url.AbsolutePath + "?step=0")).Html, StringComparison.Ordinal);
        Assert.Contains("Repairwalkmarker", (await member.GetAsync(repair.Url.AbsolutePath)).Html, StringComparison.Ordinal);

        // The member's private marks on gestures ("not for me" is never shown; "would love" only as a
        // hint on the partner's Spontaneity page), and a note meant for the partner alone.
        foreach (var (gesture, mark) in new[] { ("g001", "love"), ("g002", "no") })
        {
            await member.SubmitAsync(
                await member.GetAsync("/spontaneity/gestures"),
                "mark",
                new Dictionary<string, string> { ["mark"] = gesture + "|" + mark }
            );
        }

        await member.SubmitAsync(
            await member.GetAsync("/spontaneity"),
            "note",
            new Dictionary<string, string> { ["text"] = "Notemarker, for my partner only" }
        );
        Assert.Contains(
            "value=\"g002|no\" class=\"chip\" aria-pressed=\"true\"",
            (await member.GetAsync("/spontaneity/gestures?place=home&minutes=5")).Html,
            StringComparison.Ordinal
        );

        // Self-care, intimacy answers and session notes: the member's alone.
        await member.SubmitAsync(
            await member.GetAsync("/self-care"),
            "day-log",
            new Dictionary<string, string> { ["mood"] = "2", ["note"] = "Selfcarewalkmarker" }
        );
        foreach (var browser in new[] { member, partner })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy"),
                "intimacy-on",
                new Dictionary<string, string> { ["adult"] = "yes" }
            );
        }

        await member.SubmitAsync(
            await member.GetAsync("/intimacy/answers"),
            "desire",
            new Dictionary<string, string> { ["answer"] = "i002|limit" }
        );
        await member.SubmitAsync(
            await member.GetAsync("/intimacy/program?part=notes"),
            "touch-log",
            new Dictionary<string, string> { ["feeling"] = "uneasy", ["note"] = "Touchwalkmarker" }
        );
        await member.SubmitAsync(
            await member.GetAsync("/intimacy/program?part=ready"),
            "ready",
            new Dictionary<string, string> { ["ready"] = "yes" }
        );
        Assert.Contains("Selfcarewalkmarker", (await member.GetAsync("/self-care")).Html, StringComparison.Ordinal);
        var ownProgram =
            (await member.GetAsync("/intimacy/program?part=notes")).Html + (await member.GetAsync("/intimacy/program?part=ready")).Html;
        Assert.Contains("Touchwalkmarker", ownProgram, StringComparison.Ordinal);
        Assert.Contains("id=\"i-am-ready\"", ownProgram, StringComparison.Ordinal);

        // The place whose helplines the member sees first: theirs alone (decisions/0029).
        var place = await member.SubmitAsync(
            await member.GetAsync("/safety"),
            "helpline-country",
            new Dictionary<string, string> { ["country"] = "NZ" }
        );
        Assert.Equal("NZ", place.Find("#country-choice option[selected]")!.GetAttribute("value"));

        // The member's private check raises a safety concern (after the intimacy above: it rests from then on,
        // decisions/0027); both finish and share their summaries.
        await Understand.CheckJourney.TakeCheckAsync(app, member, Understand.CheckJourney.WithConcern);
        await Understand.CheckJourney.TakeCheckAsync(app, partner, Understand.CheckJourney.Ordinary);
        await member.SubmitAsync(await member.GetAsync("/understand/results"), "share");
        await partner.SubmitAsync(await partner.GetAsync("/understand/results"), "share");

        // A question of the couple's own (both read it, no other couple) and the member's mute (never the partner's).
        await member.SubmitAsync(
            await member.GetAsync("/talk/questions"),
            "add-question",
            new Dictionary<string, string> { ["text"] = "Ownquestionwalkmarker, what then?" }
        );
        await member.SubmitAsync(await member.GetAsync("/talk/questions"), "mutes", new Dictionary<string, string> { ["muted"] = "money" });
        Assert.NotNull((await member.GetAsync("/talk/questions")).Find("#mute-money[checked]"));

        // Couple two, strangers to couple one.
        var (stranger, _) = await MemberAsync(app, "Stranger");
        var (strangersPartner, _) = await MemberAsync(app, "Other");
        await JoinAsync(strangersPartner, await InviteAsync(stranger));

        // Safety routing and wellbeing are never shown to the partner, not even that they exist.
        var neverForPartner = new[]
        {
            memberEmail,
            "emailmarker",
            "id=\"safety-note\"",
            "id=\"resting\"",
            "an individual counselor",
            "value=\"g001|love\" class=\"chip\" aria-pressed=\"true\"",
            "value=\"g002|no\" class=\"chip\" aria-pressed=\"true\"",
            "id=\"hint-g002\"",
            "Selfcarewalkmarker",
            "Touchwalkmarker",
            "value=\"i002|limit\" class=\"chip\" aria-pressed=\"true\"",
            "id=\"i-am-ready\"",
            "id=\"kept-away\"",
            "Repairwalkmarker",
            "Grudgewalkmarker",
            "Grudgecostmarker",
            "Showing lines for New Zealand",
            "value=\"NZ\" selected",
            "value=\"money\" checked",
        };
        var neverForStranger = new[]
        {
            memberEmail,
            "emailmarker",
            "Firstmarker",
            "Ownquestionwalkmarker",
            "value=\"money\" checked",
            "id=\"map\"",
            "Notemarker",
            "id=\"hint-g001\"",
            "Selfcarewalkmarker",
            "Touchwalkmarker",
            "Repairtitlemarker",
            "Repairwalkmarker",
            "Grudgewalkmarker",
        };
        await WalkAsync(partner, neverForPartner);
        await WalkAsync(stranger, neverForStranger);

        // Nor in any email the partner or the stranger received.
        foreach (var message in app.Mail.All.Where(m => m.To.Mailboxes.Any(a => a.Address != memberEmail)))
        {
            var text = message.TextBody + message.HtmlBody;
            Assert.DoesNotContain("emailmarker", text, StringComparison.OrdinalIgnoreCase);
        }

        _ = partnerEmail;
    }

    private async Task WalkAsync(TestBrowser browser, string[] markers)
    {
        var token = (await browser.GetAsync("/account/data")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (
            var (route, call) in RouteRegistry
                .Routes.Where(r => !r.Value.EndsSession)
                .Concat(RouteRegistry.Routes.Where(r => r.Value.EndsSession))
        )
        {
            Page page;
            if (call.Get is not null)
            {
                page = await browser.GetAsync(call.Get);
            }
            else
            {
                var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token) };
                fields.AddRange(call.Fields ?? new Dictionary<string, string>());
                page = await browser.PostAsync(call.Post!, fields);
            }

            Assert.True((int)page.Status < 500, $"{route} answered {(int)page.Status}");
            foreach (var marker in markers)
            {
                Assert.False(
                    page.Html.Contains(marker, StringComparison.OrdinalIgnoreCase),
                    $"{route} showed a private marker of another member"
                );
            }
        }
    }
}

public sealed class RouteWalkTestsOnSqlite(SqliteApp app) : RouteWalkTests(app), IClassFixture<SqliteApp>;

public sealed class RouteWalkTestsOnPostgres(PostgresApp app) : RouteWalkTests(app), IClassFixture<PostgresApp>;
