using System.Net;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using Rekindle.Web.Features.Repair;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Repair.RepairTests;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Repair;

/// <summary>
/// Letting go is the member's alone (docs/TRUST.md T2), destroying it really removes it, repair rests with
/// the safety routing without the partner noticing, and unresolved repairs reach Support.
/// </summary>
public abstract class RepairPrivacyTests(RekindleFactory app)
{
    private static readonly string[] PartnersPages = ["/", "/repair", "/repair/letting-go", "/repair/apology", "/support", "/account/data"];

    /// <summary>Writes every step of a letting-go exercise with a marker in each field; returns its path.</summary>
    private static async Task<string> GrudgeAsync(TestBrowser browser, string marker)
    {
        var page = await browser.SubmitAsync(
            await browser.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = marker + "hurt", ["cost"] = marker + "cost" }
        );
        var path = page.Url.AbsolutePath;
        page = await browser.SubmitAsync(
            page,
            "letting-go",
            new Dictionary<string, string>
            {
                ["go"] = "save",
                ["decision"] = "not-yet",
                ["text"] = marker + "decision",
            }
        );
        page = await browser.SubmitAsync(
            page,
            "letting-go",
            new Dictionary<string, string> { ["go"] = "save", ["text"] = marker + "context" }
        );
        page = await browser.SubmitAsync(
            page,
            "letting-go",
            new Dictionary<string, string> { ["go"] = "save", ["text"] = marker + "letter" }
        );
        Assert.Contains(marker + "letter", page.TextOf("#grudge-parts"), StringComparison.Ordinal);
        Assert.NotNull(page.Find("#destroy"));
        return path;
    }

    private static async Task<string> ExportAsync(TestBrowser browser)
    {
        var token = (await browser.GetAsync("/account/data"))
            .Find("form[action='/account/export/json'] input[name=__RequestVerificationToken]")!
            .GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        return await (await browser.Client.PostAsync("/account/export/json", content)).Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_grudge_never_reaches_the_partner_whose_pages_stay_byte_for_byte_the_same()
    {
        var views = new List<List<string>>();
        foreach (var grudges in new[] { false, true })
        {
            var (a, b) = await CoupleAsync(app, "Pat", "Rue");
            if (grudges)
            {
                // One put away, one still open: every field and the letter carry a marker.
                var archived = await GrudgeAsync(a, "Grudgemarker");
                var put = await a.SubmitAsync(
                    await a.GetAsync(archived),
                    "letting-go",
                    new Dictionary<string, string> { ["go"] = "archive" }
                );
                Assert.Contains("put away", put.Text, StringComparison.Ordinal);
                Assert.NotNull((await a.GetAsync(archived)).Find("#archived"));
                await GrudgeAsync(a, "Grudgeopenmarker");
                Assert.Contains("Grudgemarkerletter", await ExportAsync(a), StringComparison.Ordinal);
            }

            var partnerViews = new List<string>();
            foreach (var path in PartnersPages)
            {
                var view = await b.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, view.Status);
                Assert.DoesNotContain("Grudge", view.Html, StringComparison.Ordinal);
                partnerViews.Add(SamePage.AcrossCouples(view.Html));
            }

            Assert.DoesNotContain("Grudge", await ExportAsync(b), StringComparison.Ordinal);
            views.Add(partnerViews);
        }

        for (var i = 0; i < PartnersPages.Length; i++)
        {
            Assert.True(
                views[0][i] == views[1][i],
                $"{PartnersPages[i]} changes for the partner when the other has a grudge exercise: {SamePage.Difference(views[0][i], views[1][i])}"
            );
        }

        Assert.All(await app.WithDbAsync(db => db.Grudges.Select(g => g.Entry.Envelope).ToListAsync()), e =>
            Assert.DoesNotContain("Grudge", e, StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Destroying_the_exercise_removes_the_row_and_leaves_nothing_of_the_letter_in_the_database_file()
    {
        var (a, _) = await MemberAsync(app, "Sol");
        var path = await GrudgeAsync(a, "Destroymarker");
        var id = IdOf(path);
        var envelope = await app.WithDbAsync(db => db.Grudges.Where(g => g.Id == id).Select(g => g.Entry.Envelope).SingleAsync());
        var sealedPart = envelope.Split('.')[2];

        var gone = await a.SubmitAsync(
            await a.GetAsync(path),
            "letting-go",
            new Dictionary<string, string> { ["go"] = "destroy", ["confirmDestroy"] = "yes" }
        );
        Assert.NotNull(gone.Find("#destroyed"));
        Assert.False(await app.WithDbAsync(db => db.Grudges.AnyAsync(g => g.Id == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(path)).Status);
        Assert.DoesNotContain("Destroymarker", await ExportAsync(a), StringComparison.Ordinal);

        if (app.Provider == TestProvider.Sqlite)
        {
            // Not in the file nor its write-ahead log: no sealed remnant left to open with a stolen key.
            foreach (var bytes in await app.DatabaseFilesAsync())
            {
                Assert.DoesNotContain(sealedPart[..40], bytes, StringComparison.Ordinal);
                Assert.DoesNotContain("Destroymarker", bytes, StringComparison.Ordinal);
            }
        }
        else
        {
            Assert.Equal(
                0,
                await app.WithDbAsync(db =>
                    db.Database.SqlQuery<int>(
                            $"SELECT count(*)::int AS \"Value\" FROM \"Grudges\" WHERE \"Entry\" LIKE {"%" + sealedPart[..40] + "%"}"
                        )
                        .SingleAsync()
                )
            );
        }
    }

    [Fact]
    public async Task The_line_of_what_got_missed_is_seen_only_by_the_two_in_that_repair_and_never_in_a_summary_or_export()
    {
        var (a, b) = await CoupleAsync(app, "Ash", "Bo");
        var (c, d) = await CoupleAsync(app, "Cy", "Di");
        await TakeCheckAsync(app, a, Ordinary);
        await TakeCheckAsync(app, b, Ordinary);
        var path = await ToHeardAsync(a, b);
        await ActAsync(a, path, "heard-missed", new Dictionary<string, string> { ["missed"] = "Privatemissedmarker" });

        // The two in the repair: the one who wrote it, and the partner it is for.
        Assert.Contains("Privatemissedmarker", (await a.GetAsync(path)).Html, StringComparison.Ordinal);
        Assert.Contains("Privatemissedmarker", (await b.GetAsync(path)).Html, StringComparison.Ordinal);

        // Nobody else: another couple gets "not found", and nothing of it on their own pages.
        foreach (var stranger in new[] { c, d })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).Status);
            foreach (var page in new[] { "/", "/repair" })
            {
                Assert.DoesNotContain("Privatemissedmarker", (await stranger.GetAsync(page)).Html, StringComparison.Ordinal);
            }
        }

        // Repair text is never part of a summary for a professional, nor of either partner's export.
        foreach (var member in new[] { a, b })
        {
            foreach (var format in new[] { "html", "pdf" })
            {
                var summary = await MakeSummaryAsync(member, format);
                Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
                Assert.DoesNotContain("Privatemissedmarker", await summary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            Assert.DoesNotContain("Privatemissedmarker", await ExportAsync(member), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_resting_is_never_asked_whether_they_were_heard()
    {
        var (a, b) = await CoupleAsync(app, "Ash", "Bo");
        var path = await ToHeardAsync(a, b);
        await TakeCheckAsync(app, a, WithConcern);

        var resting = await a.GetAsync(path);
        Assert.NotNull(resting.Find("#resting"));
        Assert.Null(resting.Find("#heard-reply"));
        Assert.Null(resting.Find("#heard-theirs"));
        var refused = await a.PostAsync(
            path,
            [
                new("_handler", "repair"),
                new(
                    "__RequestVerificationToken",
                    resting.Find("form#repair input[name=__RequestVerificationToken]")!.GetAttribute("value")!
                ),
                new("go", "heard-yes"),
            ]
        );
        Assert.Contains(Repair(app).Resting, refused.TextOf("#repair-message"), StringComparison.Ordinal);
        var id = IdOf(path);
        Assert.False(await app.WithDbAsync(db => db.IncidentEntries.AnyAsync(e => e.IncidentId == id && e.Reply != null)));

        // The partner sees the neutral pause and is never told anything about the other's answer.
        var partner = await b.GetAsync(path);
        Assert.NotNull(partner.Find("#partner-paused"));
        Assert.Contains("Ash will say whether", partner.TextOf("#heard-their-answer"), StringComparison.Ordinal);
    }

    private static RepairContent Repair(RekindleFactory app) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<RepairContent>(app.Services);

    /// <summary>A summary for a professional with every part the page offers, as its form would post it.</summary>
    private static async Task<HttpResponseMessage> MakeSummaryAsync(TestBrowser browser, string format)
    {
        var page = await browser.GetAsync("/support/summary");
        var form = page.Find("form[action='/support/summary/make']")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("format", format),
        };
        fields.AddRange(
            form.QuerySelectorAll("input[name=include]:not([disabled])")
                .Select(i => new KeyValuePair<string, string>("include", i.GetAttribute("value")!))
        );
        using var content = new FormUrlEncodedContent(fields);
        return await browser.Client.PostAsync("/support/summary/make", content);
    }

    [Fact]
    public async Task Repair_and_letting_go_rest_with_the_safety_routing_and_the_partner_sees_no_difference()
    {
        var partnerViews = new List<List<string>>();
        foreach (var concern in new[] { false, true })
        {
            var (a, b) = await CoupleAsync(app, "Tay", "Uma");
            var path = await b.SubmitAsync(
                await b.GetAsync("/repair"),
                "open-repair",
                new Dictionary<string, string> { ["title"] = "Restingtitle", ["calm"] = "true" }
            );

            // decisions/0027: the partner's pages are compared with the other's own neutral pause, not with no rest at all.
            await TakeCheckAsync(app, a, concern ? WithConcern : Ordinary);
            if (!concern)
            {
                await a.SubmitAsync(await a.GetAsync("/repair"), "pause-for-two", new Dictionary<string, string> { ["pause"] = "on" });
            }

            Assert.Contains(
                "Tay has paused exercises for two for now",
                (await b.GetAsync(path.Url.AbsolutePath)).TextOf("#partner-paused"),
                StringComparison.Ordinal
            );
            var views = new List<string>();
            // The home page too: its "waiting for you" list rests the same way for a concern and a pause.
            foreach (var page in new[] { "/", "/repair", path.Url.AbsolutePath, "/repair/letting-go", "/repair/apology" })
            {
                views.Add(SamePage.AcrossCouples((await b.GetAsync(page)).Html));
            }

            partnerViews.Add(views);
            if (!concern)
            {
                continue;
            }

            foreach (var page in new[] { "/repair", path.Url.AbsolutePath, "/repair/letting-go", "/repair/apology" })
            {
                var resting = await a.GetAsync(page);
                Assert.True(resting.Find("#resting") is not null, page + " does not rest");
                Assert.Contains("resting for now", resting.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("forgive", resting.Text, StringComparison.OrdinalIgnoreCase);
            }

            var token = (await a.GetAsync(path.Url.AbsolutePath)).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var calm = await a.PostAsync(
                path.Url.AbsolutePath,
                [
                    new("_handler", "repair"),
                    new("__RequestVerificationToken", token),
                    new("go", "calm"),
                    new("revision", "1"),
                    new("step", "calm"),
                ]
            );
            Assert.Contains("resting for now", calm.TextOf("#repair-message"), StringComparison.Ordinal);
            var open = await a.PostAsync(
                "/repair",
                [new("_handler", "open-repair"), new("__RequestVerificationToken", token), new("title", "Mine"), new("calm", "true")]
            );
            Assert.Contains("resting for now", open.TextOf("#repair-message"), StringComparison.Ordinal);
            var grudge = await a.PostAsync(
                "/repair/letting-go",
                [new("_handler", "start-letting-go"), new("__RequestVerificationToken", token), new("hurt", "t"), new("cost", "s")]
            );
            Assert.Contains("resting for now", grudge.TextOf("#letting-go-message"), StringComparison.Ordinal);
            Assert.False(await app.WithDbAsync(db => db.Incidents.AnyAsync(i => i.Id == IdOf(path.Url.AbsolutePath) && i.PartnerCalm)));
        }

        for (var i = 0; i < partnerViews[0].Count; i++)
        {
            Assert.True(
                partnerViews[0][i] == partnerViews[1][i],
                $"page {i} changes for the partner with a safety concern: {SamePage.Difference(partnerViews[0][i], partnerViews[1][i])}"
            );
        }
    }

    [Fact]
    public async Task Letting_go_is_not_offered_while_it_rests_and_where_it_is_offered_it_says_forgiving_is_never_owed()
    {
        // Where letting go is offered, it says that forgiving is not reconciling and is never owed.
        var (a, b) = await CoupleAsync(app, "Xan", "Yul");
        await TakeCheckAsync(app, b, Ordinary);
        foreach (var page in new[] { "/repair", "/repair/letting-go" })
        {
            var offered = (await b.GetAsync(page)).Text;
            Assert.Contains("isn't reconciling", offered, StringComparison.Ordinal);
            Assert.Contains("never owed to someone who hurt you", offered, StringComparison.Ordinal);
        }

        Assert.NotNull((await b.GetAsync("/repair")).Find("#letting-go-link a[href='/repair/letting-go']"));

        // A member with a concern: /repair says letting go rests and does not offer it; the exercise page
        // offers nothing to begin; what they wrote before stays theirs to read or destroy.
        var earlier = await a.SubmitAsync(
            await a.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "Earlierhurt", ["cost"] = "Earliercost" }
        );
        var earlierPath = earlier.Url.AbsolutePath;
        await TakeCheckAsync(app, a, WithConcern);
        var hub = await a.GetAsync("/repair");
        Assert.NotNull(hub.Find("#resting"));
        Assert.Null(hub.Find("#letting-go-link"));
        Assert.DoesNotContain("Open letting go", hub.Text, StringComparison.Ordinal);
        Assert.NotNull(hub.Find("#earlier-exercises a[href='/repair/letting-go']"));
        var lettingGo = await a.GetAsync("/repair/letting-go");
        Assert.NotNull(lettingGo.Find("#resting"));
        Assert.Null(lettingGo.Find("#start-letting-go"));
        Assert.Null(lettingGo.Find("p.lead"));
        Assert.NotNull(lettingGo.Find($"#grudges a[href='{earlierPath}']"));
        Assert.DoesNotContain("forgiv", lettingGo.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull((await a.GetAsync(earlierPath)).Find("#resting"));

        // Once it is destroyed, nothing of letting go is left on /repair for them.
        await a.SubmitAsync(
            await a.GetAsync(earlierPath),
            "letting-go",
            new Dictionary<string, string> { ["go"] = "destroy", ["confirmDestroy"] = "yes" }
        );
        var after = await a.GetAsync("/repair");
        Assert.Null(after.Find("#earlier-exercises"));
        Assert.Null(after.Find("a[href='/repair/letting-go']"));
    }

    [Fact]
    public async Task Three_unresolved_repairs_suggest_a_couples_counselor_to_the_member()
    {
        var (a, b) = await CoupleAsync(app, "Val", "Wyn");
        await TakeCheckAsync(app, a, Ordinary);
        await TakeCheckAsync(app, b, Ordinary);
        await OpenAsync(a, b, "One");
        await OpenAsync(b, a, "Two");
        var set = await OpenAsync(a, b, "Set aside");
        await ActAsync(a, set, "set-aside");
        Assert.Null((await a.GetAsync("/support")).Find("#suggestion-couples-counselor"));

        // Two weeks on, two open repairs are unresolved; one completed whose follow-up still hurts for the member makes three.
        // Moved back in time rather than the clock moved on, so the members stay signed in.
        var done = await CompleteAsync(a, b);
        var back = RepairRules.UnresolvedAfter + TimeSpan.FromHours(1);
        var couple = await app.WithDbAsync(db => db.Incidents.Where(i => i.Id == IdOf(done)).Select(i => i.CoupleId).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            foreach (var incident in await db.Incidents.Where(i => i.CoupleId == couple).ToListAsync())
            {
                (incident.OpenedAt, incident.CompletedAt) = (incident.OpenedAt - back, incident.CompletedAt - back);
            }

            return await db.SaveChangesAsync();
        });
        Assert.Null((await a.GetAsync("/support")).Find("#suggestion-couples-counselor"));
        await ActAsync(a, done, "follow-up", new Dictionary<string, string> { ["choice"] = RepairRules.StillHurts });
        var support = await a.GetAsync("/support");
        Assert.NotNull(support.Find("#suggestion-couples-counselor"));

        // The partner's own follow-up is what counts for them: they said nothing yet, so two.
        Assert.Null((await b.GetAsync("/support")).Find("#suggestion-couples-counselor"));
    }
}

public sealed class RepairPrivacyTestsOnSqlite(SqliteApp app) : RepairPrivacyTests(app), IClassFixture<SqliteApp>;

public sealed class RepairPrivacyTestsOnPostgres(PostgresApp app) : RepairPrivacyTests(app), IClassFixture<PostgresApp>;
