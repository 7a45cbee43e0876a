using System.Net;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Trust;

/// <summary>
/// docs/TRUST.md T6 and T8 over every form the app shows. Forms are found by opening every page in the
/// route registry as a signed-in member, so a form added later is attacked without new test code,
/// and again in the states that show more forms: a member who took the check and shared it, one
/// with a live invite, a stranger holding that invite's code, one with the authenticator on, and
/// one half-way through signing in with it.
/// </summary>
public abstract class FormAttackTests(RekindleFactory app)
{
    private sealed record FoundForm(
        TestBrowser Browser,
        string Page,
        string Name,
        string Target,
        List<KeyValuePair<string, string>> Fields
    );

    private static readonly string[] Hostile =
    [
        "",
        "   ",
        new string('a', 10_000),
        new string('b', 70_000),
        "\u0000",
        "a\u0000b",
        "\uFFFF",
        "\uD800",
        "\u202Eevil",
        "' OR '1'='1' --",
        "\"; DROP TABLE \"AspNetUsers\"; --",
        "<script>alert(1)</script>",
        "../../../../etc/passwd",
        "%00%0d%0a",
        "\r\nSet-Cookie: taken=1",
        "-1",
        "99999999999999999999999999",
        "NaN",
        "true",
        "null",
        "{\"a\":[1,2,{\"b\":null}]}",
        new string('[', 2_000),
        "🌊🔥💞",
        "ＡＢＣＤ－ＥＦＧＨ",
        "\t\n\v\f",
    ];

    private async Task<(TestBrowser Member, List<FoundForm> Forms)> EveryFormInEveryStateAsync()
    {
        // Paired, with the check taken and the summaries shared: the share, unshare and tick forms appear.
        var (member, _) = await MemberAsync(app, "Attacked");
        var (partner, _) = await MemberAsync(app, "Partner");
        await JoinAsync(partner, await InviteAsync(member));
        await Understand.CheckJourney.TakeCheckAsync(app, member, Understand.CheckJourney.Ordinary);
        await Understand.CheckJourney.TakeCheckAsync(app, partner, Understand.CheckJourney.Ordinary);
        await partner.SubmitAsync(await partner.GetAsync("/understand/results"), "share");
        var forms = await FormsAsync(
            member,
            RouteRegistry.Routes.Values.Where(c => c.Get is not null && !c.EndsSession).Select(c => c.Get!)
        );
        await member.SubmitAsync(await member.GetAsync("/understand/results"), "share");
        forms.AddRange(await FormsAsync(member, ["/understand/results"]));

        // Time together: a date the partner proposed (accept, suggest, cancel), one already begun (how
        // it went), an evening the partner suggested, then agreed (its weeks to skip), a calendar address.
        var proposed = TimeTogether.DateJourney.IdOf(
            await TimeTogether.DateJourney.ProposeAsync(
                partner,
                "Crawl date",
                (TimeTogether.DateJourney.Day(app, 2), "19:00"),
                (TimeTogether.DateJourney.Day(app, 3), "19:00")
            )
        );
        var begun = await TimeTogether.DateJourney.AgreeAsync(partner, member, "Crawl past", TimeTogether.DateJourney.Day(app, 1), "18:00");
        await app.WithDbAsync(db =>
            db.DatePlans.Where(p => p.Id == begun)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.StartsAt, app.Clock.GetUtcNow().UtcDateTime.AddHours(-3)))
        );
        await partner.SubmitAsync(
            await partner.GetAsync("/time-together/evening"),
            "evening",
            new Dictionary<string, string>
            {
                ["day"] = "Thursday",
                ["time"] = "19:30",
                ["minutes"] = "120",
            }
        );
        forms.AddRange(
            await FormsAsync(member, [$"/time-together/dates/{proposed}", $"/time-together/dates/{begun}", "/time-together/evening"])
        );
        await member.SubmitAsync(await member.GetAsync("/time-together/evening"), "agree-evening");
        forms.AddRange(await FormsAsync(member, ["/time-together/evening"]));

        // Intimacy, off (the opt-in form) and then on for both with a match (answers, own items, "check in first", the program).
        forms.AddRange(await FormsAsync(member, ["/intimacy"]));
        foreach (var browser in new[] { member, partner })
        {
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy"),
                "intimacy-on",
                new Dictionary<string, string> { ["adult"] = "yes" }
            );
            await browser.SubmitAsync(
                await browser.GetAsync("/intimacy/answers"),
                "desire",
                new Dictionary<string, string> { ["answer"] = "i001|yes" }
            );
        }

        forms.AddRange(
            await FormsAsync(
                member,
                ["/intimacy", "/intimacy/answers", "/intimacy/matches", "/intimacy/program?part=ready", "/intimacy/program?part=notes"]
            )
        );

        // Repair: an open repair (its one form for every step) and a letting-go exercise; the apology builder.
        var repair = await member.SubmitAsync(
            await member.GetAsync("/repair"),
            "open-repair",
            new Dictionary<string, string> { ["title"] = "Crawl repair", ["calm"] = "true" }
        );
        var grudge = await member.SubmitAsync(
            await member.GetAsync("/repair/letting-go"),
            "start-letting-go",
            new Dictionary<string, string> { ["hurt"] = "Crawl hurt", ["cost"] = "Crawl cost" }
        );
        forms.AddRange(await FormsAsync(member, [repair.Url.AbsolutePath, grudge.Url.AbsolutePath, "/repair/apology"]));

        // A live invite (its revoke form), and a stranger holding its code (the join form).
        var (inviter, _) = await MemberAsync(app, "Inviter");
        var code = await InviteAsync(inviter);
        forms.AddRange(await FormsAsync(inviter, ["/couple"]));
        var (joiner, _) = await MemberAsync(app, "Joiner");
        forms.AddRange(await FormsAsync(joiner, ["/join?code=" + code]));

        // The authenticator on (the form that turns it off), and a sign-in waiting for its code.
        var (secure, secureEmail) = await MemberAsync(app, "Secure");
        await EnableAuthenticatorAsync(app, secure);
        forms.AddRange(await FormsAsync(secure, ["/account/security"]));
        var pending = app.NewBrowser();
        await SignInAsync(pending, secureEmail);
        forms.AddRange(await FormsAsync(pending, ["/account/login-2fa", "/account/login-recovery"]));

        foreach (
            var name in new[]
            {
                "check-part",
                "share",
                "unshare",
                "tick",
                "daily",
                "preferences",
                "check-in",
                "floor",
                "rate",
                "add-idea",
                "propose",
                "accept",
                "suggest",
                "cancel-date",
                "reflect",
                "evening",
                "agree-evening",
                "skip",
                "stop-evening",
                "feed",
                "mark",
                "note",
                "intimacy-on",
                "intimacy-off",
                "desire",
                "add-desire",
                "check-first",
                "ready",
                "touch-log",
                "day-log",
                "goal",
                "share-week",
                "/support/summary/make",
                "open-repair",
                "repair",
                "start-letting-go",
                "letting-go",
                "apology",
                "revoke",
                "join",
                "disable-2fa",
                "login-2fa",
                "leave",
                "/account/logout",
            }
        )
        {
            Assert.True(forms.Any(f => f.Name == name), $"The crawl did not reach the form '{name}'.");
        }

        return (member, forms);
    }

    private static async Task<List<FoundForm>> FormsAsync(TestBrowser browser, IEnumerable<string> paths)
    {
        var found = new List<FoundForm>();
        foreach (var path in paths)
        {
            var page = await browser.GetAsync(path);
            foreach (var form in page.Document.QuerySelectorAll("form"))
            {
                // Hidden forms only catch posts from pages whose state moved on; the crawl attacks the visible ones in each state.
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) || form.HasAttribute("hidden"))
                {
                    continue;
                }

                var name = form.QuerySelector("input[name=_handler]")?.GetAttribute("value") ?? form.GetAttribute("action") ?? "";
                var action = form.GetAttribute("action");
                var target = string.IsNullOrEmpty(action) ? page.Url.PathAndQuery : action;
                var fields = form.QuerySelectorAll("input")
                    .Where(i => i.GetAttribute("name") is { Length: > 0 } && i.GetAttribute("type") is not ("checkbox" or "radio"))
                    .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
                    .ToList();
                if (!found.Any(f => f.Name == name && f.Target == target))
                {
                    found.Add(new FoundForm(browser, path, name, target, fields));
                }
            }
        }

        return found;
    }

    private Task<int[]> SnapshotAsync() =>
        app.WithDbAsync(async db =>
            new[]
            {
                await db.Users.CountAsync(),
                await db.Couples.CountAsync(),
                await db.CoupleMembers.CountAsync(),
                await db.CoupleInvites.CountAsync(i => i.RevokedAt == null),
                await db.MemberSessions.CountAsync(s => s.EndedAt == null),
                await db.UserPasskeys.CountAsync(),
            }
        );

    [Fact]
    public async Task Every_form_without_a_token_or_with_another_members_token_is_refused_and_changes_nothing()
    {
        var (member, forms) = await EveryFormInEveryStateAsync();
        var (other, _) = await MemberAsync(app, "Other");
        var foreignToken = (await other.GetAsync("/account/data")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var before = await SnapshotAsync();
        foreach (var form in forms)
        {
            foreach (var token in new[] { null, foreignToken })
            {
                var fields = form.Fields.Where(f => f.Key != "__RequestVerificationToken").ToList();
                if (token is not null)
                {
                    fields.Add(new("__RequestVerificationToken", token));
                }

                fields.Add(new("confirm", "true"));
                fields.Add(new("confirmDelete", "yes"));
                using var content = new FormUrlEncodedContent(fields);
                var response = await form.Browser.Client.PostAsync(form.Target, content);
                Assert.True(
                    response.StatusCode == HttpStatusCode.BadRequest,
                    $"{form.Name} on {form.Page} answered {(int)response.StatusCode} without a valid token"
                );
            }
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Contains("You and Partner", (await member.GetAsync("/")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_values_in_every_field_of_every_form_never_cause_a_5xx_or_a_half_written_row()
    {
        var (_, everyForm) = await EveryFormInEveryStateAsync();
        var forms = everyForm.Where(f => f.Name != "/account/logout").ToList();
        Assert.True(forms.Count >= 15, $"Only {forms.Count} forms were found");
        var users = await app.WithDbAsync(db => db.Users.CountAsync());

        foreach (var form in forms)
        {
            var token = form.Fields.Single(f => f.Key == "__RequestVerificationToken").Value;
            foreach (
                var field in form
                    .Fields.Where(f => f.Key is not ("__RequestVerificationToken" or "_handler"))
                    .Select(f => f.Key)
                    .Append("unexpected")
            )
            {
                foreach (var value in Hostile)
                {
                    var fields = form.Fields.Where(f => f.Key != field).Append(new(field, value)).ToList();
                    using var content = new FormUrlEncodedContent(fields);
                    var response = await form.Browser.Client.PostAsync(form.Target, content);
                    Assert.True(
                        (int)response.StatusCode < 500,
                        $"{form.Name}.{field} = {Describe(value)} answered {(int)response.StatusCode}"
                    );

                    // Wrong passwords typed here count towards lockout; keep the member able to go on.
                    await app.WithDbAsync(db =>
                        db.Users.ExecuteUpdateAsync(s =>
                            s.SetProperty(u => u.AccessFailedCount, 0).SetProperty(u => u.LockoutEnd, (DateTimeOffset?)null)
                        )
                    );
                }
            }

            // Broken UTF-8 and a body that is not a form at all.
            foreach (
                var (body, type) in new (byte[], string)[]
                {
                    (
                        [
                            .. Encoding.ASCII.GetBytes($"_handler={form.Name}&__RequestVerificationToken={Uri.EscapeDataString(token)}&x="),
                            0xC3,
                            0x28,
                            0xFF,
                            0xFE,
                        ],
                        "application/x-www-form-urlencoded"
                    ),
                    (Encoding.UTF8.GetBytes("{\"not\":\"a form\"}"), "application/json"),
                    ([0x00, 0x01, 0x02, 0xFF], "multipart/form-data; boundary=nothing"),
                }
            )
            {
                using var raw = new ByteArrayContent(body);
                raw.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(type);
                var response = await form.Browser.Client.PostAsync(form.Target, raw);
                Assert.True((int)response.StatusCode < 500, $"{form.Name} with a broken body answered {(int)response.StatusCode}");
            }
        }

        // Nothing half-written: every couple has members, every membership a member, no account appeared.
        Assert.Equal(users, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Couples.AnyAsync(c => !db.CoupleMembers.Any(m => m.CoupleId == c.Id))));
        Assert.False(await app.WithDbAsync(db => db.CoupleMembers.AnyAsync(m => !db.Users.Any(u => u.Id == m.MemberId))));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == null)));
        Assert.All(await app.WithDbAsync(db => db.Users.Select(u => u.FirstName).ToListAsync()), n =>
            Assert.StartsWith("rk1.", n.Envelope, StringComparison.Ordinal)
        );
    }

    private static string Describe(string value) =>
        value.Length > 30 ? $"{value.Length} chars of '{value[0]}'" : value.Replace("\0", "\\0", StringComparison.Ordinal);
}

public sealed class FormAttackTestsOnSqlite(SqliteApp app) : FormAttackTests(app), IClassFixture<SqliteApp>;

public sealed class FormAttackTestsOnPostgres(PostgresApp app) : FormAttackTests(app), IClassFixture<PostgresApp>;
