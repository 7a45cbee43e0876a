using System.Net;
using Rekindle.Testing;
using Rekindle.Tests.Api;

namespace Rekindle.Tests.Pairing;

/// <summary>Pairing through the API: invite, preview, join, cancel and leave, with the couple page's rules.</summary>
public abstract class PairingApiTests(RekindleFactory app)
{
    [Fact]
    public async Task An_invite_is_made_previewed_and_used_and_leaving_needs_the_confirmation()
    {
        var (ana, _, anaEmail) = await ApiPeople.MemberAsync(app, "Ana");
        var (ben, _, _) = await ApiPeople.MemberAsync(app, "Ben");
        using var _a = ana;
        using var _b = ben;
        Assert.Equal("Alone", (await ana.GetAsync("/api/v1/couple")).Json.GetProperty("stage").GetString());

        var first = await ana.PostAsync("/api/v1/couple/invite", new { });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var firstCode = first.Json.GetProperty("code").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", first.Json.GetProperty("displayCode").GetString()!);
        Assert.EndsWith("/join?code=" + firstCode, first.Json.GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal("Waiting", first.Json.GetProperty("couple").GetProperty("stage").GetString());

        // A new invite cancels the earlier one, as on the page.
        var second = await ana.PostAsync("/api/v1/couple/invite", new { });
        var code = second.Json.GetProperty("displayCode").GetString()!;
        var old = await ben.GetAsync("/api/v1/invites/preview?code=" + firstCode);
        Assert.Equal("Revoked", old.Json.GetProperty("state").GetString());
        Assert.False(old.Json.GetProperty("canJoin").GetBoolean());

        var own = await ana.GetAsync("/api/v1/invites/preview?code=" + Uri.EscapeDataString(code));
        Assert.Equal("OwnInvite", own.Json.GetProperty("state").GetString());
        var preview = await ben.GetAsync("/api/v1/invites/preview?code=" + Uri.EscapeDataString(code.ToLowerInvariant()));
        Assert.True(preview.Json.GetProperty("canJoin").GetBoolean());
        Assert.Equal("Ana", preview.Json.GetProperty("inviterFirstName").GetString());

        var bad = await ben.PostAsync("/api/v1/couple/join", new { code = "nope" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("application/problem+json", bad.ContentType);
        Assert.True(bad.Json.GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal("Alone", (await ben.GetAsync("/api/v1/couple")).Json.GetProperty("stage").GetString());

        var joined = await ben.PostAsync("/api/v1/couple/join", new { code });
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.Equal("Ana", joined.Json.GetProperty("partnerFirstName").GetString());
        Assert.Equal("Ben", (await ana.GetAsync("/api/v1/couple")).Json.GetProperty("partnerFirstName").GetString());
        var full = await ana.PostAsync("/api/v1/couple/invite", new { });
        Assert.Equal(HttpStatusCode.Conflict, full.Status);
        Assert.Equal("application/problem+json", full.ContentType);

        // The inviter is told by email, as when joining through the page.
        await app.Mail.WaitForAsync(anaEmail, "Your partner joined");

        var unconfirmed = await ben.PostAsync("/api/v1/couple/leave", new { confirm = false });
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.Status);
        Assert.True(unconfirmed.Json.GetProperty("errors").TryGetProperty("confirm", out _));
        Assert.Equal("Together", (await ben.GetAsync("/api/v1/couple")).Json.GetProperty("stage").GetString());

        var left = await ben.PostAsync("/api/v1/couple/leave", new { confirm = true });
        Assert.Equal(HttpStatusCode.OK, left.Status);
        Assert.Equal("Alone", left.Json.GetProperty("stage").GetString());
        var stays = await ana.GetAsync("/api/v1/couple");
        Assert.Equal("Waiting", stays.Json.GetProperty("stage").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, stays.Json.GetProperty("partnerLeftAt").ValueKind);
        Assert.DoesNotContain("Ben", stays.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ben.PostAsync("/api/v1/couple/leave", new { confirm = true })).Status);
    }

    [Fact]
    public async Task A_cancelled_invite_stops_working_and_another_couple_cannot_join_a_full_space()
    {
        var (ana, ben) = await ApiPeople.CoupleAsync(app, "Cai", "Dan");
        using var _a = ana;
        using var _b = ben;
        var (eve, _, _) = await ApiPeople.MemberAsync(app, "Eve");
        using var _e = eve;

        Assert.Equal(HttpStatusCode.NotFound, (await ApiResponse.ReadAsync(await eve.Client.DeleteAsync("/api/v1/couple/invite"))).Status);
        var invite = await eve.PostAsync("/api/v1/couple/invite", new { });
        var code = invite.Json.GetProperty("code").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await ApiResponse.ReadAsync(await eve.Client.DeleteAsync("/api/v1/couple/invite"))).Status);
        Assert.Equal("Revoked", (await ana.GetAsync("/api/v1/invites/preview?code=" + code)).Json.GetProperty("state").GetString());

        // Someone already in a couple cannot join another with a live code: a field error, and nothing moves.
        var live = (await eve.PostAsync("/api/v1/couple/invite", new { })).Json.GetProperty("code").GetString();
        var refused = await ana.PostAsync("/api/v1/couple/join", new { code = live });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.True(refused.Json.GetProperty("errors").TryGetProperty("code", out _));
        Assert.Equal("Dan", (await ana.GetAsync("/api/v1/couple")).Json.GetProperty("partnerFirstName").GetString());
        Assert.Equal("Waiting", (await eve.GetAsync("/api/v1/couple")).Json.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Each_refusal_names_its_kind_and_field()
    {
        var (sam, _, _) = await ApiPeople.MemberAsync(app, "Sam");
        ApiProblems.AssertProblem(
            await sam.PostAsync("/api/v1/couple/join", new { code = "nope" }),
            HttpStatusCode.BadRequest,
            "invalid",
            "code"
        );
        ApiProblems.AssertProblem(
            await sam.PostAsync("/api/v1/couple/leave", new { confirm = false }),
            HttpStatusCode.BadRequest,
            "invalid",
            "confirm"
        );
        ApiProblems.AssertProblem(await sam.PostAsync("/api/v1/couple/leave", new { confirm = true }), HttpStatusCode.NotFound, "notFound");
        ApiProblems.AssertProblem(
            await ApiResponse.ReadAsync(await sam.Client.DeleteAsync("/api/v1/couple/invite")),
            HttpStatusCode.NotFound,
            "notFound"
        );

        // A couple of two has no one left to invite: the member's own state.
        var (kim, _) = await ApiPeople.CoupleAsync(app, "Kim", "Lee");
        ApiProblems.AssertProblem(await kim.PostAsync("/api/v1/couple/invite", new { }), HttpStatusCode.Conflict, "conflict");
    }
}

public sealed class PairingApiTestsOnSqlite(SqliteApp app) : PairingApiTests(app), IClassFixture<SqliteApp>;

public sealed class PairingApiTestsOnPostgres(PostgresApp app) : PairingApiTests(app), IClassFixture<PostgresApp>;
