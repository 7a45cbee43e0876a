using System.Net;
using System.Text.Json;
using Rekindle.Testing;
using Rekindle.Tests.Api;
using Rekindle.Web.Features.Understand;
using static Rekindle.Testing.Journeys;
using static Rekindle.Tests.Understand.CheckJourney;

namespace Rekindle.Tests.Understand;

/// <summary>Week six's "what has changed" (decisions/0043): the member's first check beside their latest, on both databases.</summary>
public abstract class ChangesTests(RekindleFactory app)
{
    /// <summary>Little strain anywhere, feeling close, a good time lately: the check after things eased.</summary>
    private static int Eased(CheckItem item) =>
        item.Section switch
        {
            "safety" => 0,
            "wellbeing" => 0,
            "satisfaction" => item.Reverse ? 0 : 4,
            _ => item.Reverse ? 4 : 0,
        };

    /// <summary>Strain everywhere, no safety concern, never hopeless: the partner's own, which the member must never see.</summary>
    private static int Hard(CheckItem item) =>
        item.Section switch
        {
            "safety" => 0,
            "wellbeing" => item.CrisisAt is null ? 3 : 0,
            "satisfaction" => item.Reverse ? 3 : 1,
            _ => item.Reverse ? 0 : 4,
        };

    private CheckResult Expected(Func<CheckItem, int> answer)
    {
        var content = Content(app);
        return CheckScoring.Score(content, content.Items.ToDictionary(i => i.Id, answer))!;
    }

    private static string S(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Words(int then, int now) =>
        GetChanges.Compare(then, now, higherIsBetter: false) switch
        {
            Change.Better => "less strain",
            Change.Harder => "more strain",
            _ => "about the same",
        };

    [Fact]
    public async Task The_first_check_sits_beside_the_latest_with_plain_words_and_one_check_explains_itself()
    {
        var (member, _) = await MemberAsync(app, "Thenny");
        var none = await member.GetAsync("/understand/changes");
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.NotNull(none.Find("#changes-wait a[href='/understand/check']"));
        Assert.Null(none.Find("#changes"));

        await TakeCheckAsync(app, member, Ordinary);
        var one = await member.GetAsync("/understand/changes");
        Assert.Contains("You have taken the check once", one.TextOf("#changes-wait"), StringComparison.Ordinal);
        Assert.NotNull(one.Find("#changes-wait a[href='/understand/check']"));
        Assert.NotNull((await member.GetAsync("/understand")).Find("a[href='/understand/changes']"));

        app.Clock.Advance(TimeSpan.FromDays(1));
        await TakeCheckAsync(app, member, Eased);
        app.Clock.Advance(TimeSpan.FromDays(1));
        await TakeCheckAsync(app, member, Eased);
        var (then, now) = (Expected(Ordinary), Expected(Eased));
        var page = await member.GetAsync("/understand/changes");
        Assert.Null(page.Find("#changes-wait"));
        foreach (var domain in Content(app).Domains)
        {
            var cells = page.Document.QuerySelectorAll($"#change-{domain.Key} td").Select(c => c.TextContent.Trim()).ToList();
            Assert.Equal(
                [S(then.Domains[domain.Key]), S(now.Domains[domain.Key]), Words(then.Domains[domain.Key], now.Domains[domain.Key])],
                cells
            );
        }

        // Closeness and the member's own wellbeing, then and now.
        var closeness = page.Document.QuerySelectorAll("#change-satisfaction td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([S(then.Satisfaction), S(now.Satisfaction)], closeness.Take(2));
        Assert.True(now.Satisfaction > then.Satisfaction + GetChanges.SameWithin);
        Assert.Equal("feeling closer", closeness[2]);
        var wellbeing = page.Document.QuerySelectorAll("#change-wellbeing td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal([S(then.Wellbeing), S(now.Wellbeing)], wellbeing.Take(2));
        Assert.DoesNotContain("better", page.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("worse", page.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_api_gives_the_members_own_numbers_the_map_only_once_both_shared_and_never_the_partners_private_scores()
    {
        var (member, partner) = await ApiPeople.CoupleAsync(app, "Maren", "Piet");
        using var _m = member;
        using var _p = partner;
        await ApiPeople.TakeCheckAsync(app, member, Ordinary);
        await ApiPeople.TakeCheckAsync(app, partner, Hard);
        var one = await member.GetAsync("/api/v1/understand/changes");
        Assert.Equal("oneCheck", one.Json.GetProperty("stage").GetString());
        Assert.Equal(0, one.Json.GetProperty("domains").GetArrayLength());

        // A minute on (an access token lasts longer), so the two checks are told apart by when they finished.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await ApiPeople.TakeCheckAsync(app, member, Eased);
        await ApiPeople.TakeCheckAsync(app, partner, Hard);
        var (then, now, theirs) = (Expected(Ordinary), Expected(Eased), Expected(Hard));

        var changes = await member.GetAsync("/api/v1/understand/changes");
        Assert.Equal(HttpStatusCode.OK, changes.Status);
        Assert.Equal("ready", changes.Json.GetProperty("stage").GetString());
        foreach (var row in changes.Json.GetProperty("domains").EnumerateArray())
        {
            var key = row.GetProperty("key").GetString()!;
            Assert.Equal(then.Domains[key], row.GetProperty("then").GetInt32());
            Assert.Equal(now.Domains[key], row.GetProperty("now").GetInt32());
            Assert.Equal(Words(then.Domains[key], now.Domains[key]), row.GetProperty("words").GetString());
        }

        Assert.Equal(Content(app).Domains.Count(), changes.Json.GetProperty("domains").GetArrayLength());
        Assert.Equal(then.Satisfaction, changes.Json.GetProperty("closeness").GetProperty("then").GetInt32());
        Assert.Equal(now.Wellbeing, changes.Json.GetProperty("wellbeing").GetProperty("now").GetInt32());
        Assert.Equal(JsonValueKind.Null, changes.Json.GetProperty("map").ValueKind);

        // Once both shared their latest: the map now, with the partner's shared levels and nothing else of their check.
        Assert.Equal(HttpStatusCode.OK, (await member.PostAsync("/api/v1/understand/map/share", new { })).Status);
        Assert.Equal(JsonValueKind.Null, (await member.GetAsync("/api/v1/understand/changes")).Json.GetProperty("map").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/api/v1/understand/map/share", new { })).Status);
        var shared = await member.GetAsync("/api/v1/understand/changes");
        var map = shared.Json.GetProperty("map");
        Assert.Equal("Ready", map.GetProperty("stage").GetString());
        foreach (var row in map.GetProperty("rows").EnumerateArray())
        {
            var key = row.GetProperty("domain").GetString()!;
            Assert.Equal(now.Domains[key], row.GetProperty("mine").GetInt32());
            Assert.Equal(theirs.Domains[key], row.GetProperty("theirs").GetInt32());
        }

        Assert.DoesNotContain("wellbeing", map.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("satisfaction", map.GetRawText(), StringComparison.OrdinalIgnoreCase);
        // The member's own rows are theirs: none carries the partner's closeness or wellbeing.
        Assert.Equal(now.Satisfaction, shared.Json.GetProperty("closeness").GetProperty("now").GetInt32());
        Assert.NotEqual(theirs.Wellbeing, shared.Json.GetProperty("wellbeing").GetProperty("now").GetInt32());

        // The partner sees their own: about the same, from their own numbers.
        var partners = await partner.GetAsync("/api/v1/understand/changes");
        Assert.All(partners.Json.GetProperty("domains").EnumerateArray(), r =>
            Assert.Equal(theirs.Domains[r.GetProperty("key").GetString()!], r.GetProperty("now").GetInt32())
        );

        // Another couple's member: nothing of this couple, only their own (no check yet).
        var (other, browser, _) = await ApiPeople.MemberAsync(app, "Otto");
        using var _o = other;
        browser.Dispose();
        var theirView = await other.GetAsync("/api/v1/understand/changes");
        Assert.Equal("noCheck", theirView.Json.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, theirView.Json.GetProperty("map").ValueKind);
    }
}

public sealed class ChangesTestsOnSqlite(SqliteApp app) : ChangesTests(app), IClassFixture<SqliteApp>;

public sealed class ChangesTestsOnPostgres(PostgresApp app) : ChangesTests(app), IClassFixture<PostgresApp>;
