using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Pairing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Pairing;

public abstract class PairingTests(RekindleFactory app)
{
    [Fact]
    public async Task Partners_pair_with_a_code_see_each_others_first_name_and_one_leaves_alone()
    {
        var (ana, _) = await MemberAsync(app, "Ana");
        var (ben, _) = await MemberAsync(app, "Ben");

        var code = await InviteAsync(ana);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", code);
        var waiting = await ana.GetAsync("/");
        Assert.Contains("Waiting for your partner", waiting.Text, StringComparison.Ordinal);

        var preview = await ben.GetAsync("/join?code=" + code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        Assert.Contains("Ana invited you", preview.Text, StringComparison.Ordinal);
        var joined = await ben.SubmitAsync(preview, "join");
        Assert.Contains("You and Ana", joined.Text, StringComparison.Ordinal);
        Assert.Contains("You and Ben", (await ana.GetAsync("/")).Text, StringComparison.Ordinal);
        Assert.Equal("Ben", (await ana.GetAsync("/couple")).TextOf("#partner-name"));

        var unconfirmed = await ana.SubmitAsync(await ana.GetAsync("/couple"), "leave", new Dictionary<string, string>());
        Assert.Contains("Tick the box", unconfirmed.Text, StringComparison.Ordinal);

        var left = await ben.SubmitAsync(await ben.GetAsync("/couple"), "leave", new Dictionary<string, string> { ["confirm"] = "true" });
        Assert.Contains("You've left the couple space", left.Text, StringComparison.Ordinal);
        Assert.Contains("Invite your partner", (await ben.GetAsync("/")).Text, StringComparison.Ordinal);
        var anaHome = await ana.GetAsync("/");
        Assert.Contains("Your partner left the couple space", anaHome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ben", anaHome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_can_fix_their_first_name_and_the_partner_sees_the_new_one()
    {
        var (kim, _) = await MemberAsync(app, "Kym");
        var (lou, _) = await MemberAsync(app, "Lou");
        await JoinAsync(lou, await InviteAsync(kim));

        var security = await kim.GetAsync("/account/security");
        var refused = await kim.SubmitAsync(security, "rename", new Dictionary<string, string> { ["firstName"] = "  " });
        Assert.Contains("Please tell us your first name", refused.Text, StringComparison.Ordinal);
        var saved = await kim.SubmitAsync(refused, "rename", new Dictionary<string, string> { ["firstName"] = "Kim" });
        Assert.Contains("Your name is saved", saved.Text, StringComparison.Ordinal);
        Assert.Contains("You and Kim", (await lou.GetAsync("/")).Text, StringComparison.Ordinal);
        Assert.Contains("Hello, Kim", (await kim.GetAsync("/")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_joining_partner_can_register_through_the_invite_link()
    {
        var (cai, caiEmail) = await MemberAsync(app, "Cai");
        var code = await InviteAsync(cai);
        var link = (await cai.GetAsync("/couple")).Html.Length > 0 ? "/join?code=" + code.Replace("-", "", StringComparison.Ordinal) : "";

        using var dana = app.NewBrowser();
        var landing = await dana.GetAsync(link);
        Assert.Contains("Cai invited you", landing.Text, StringComparison.Ordinal);
        var email = NewEmail("dana");
        var register = await dana.GetAsync(landing.Find("a.button")!.GetAttribute("href")!);
        await dana.SubmitAsync(
            register,
            "register",
            new Dictionary<string, string>
            {
                ["Input.FirstName"] = "Dana",
                ["Input.Email"] = email,
                ["Input.Password"] = GoodPassword,
                ["Input.ConfirmPassword"] = GoodPassword,
            }
        );
        var confirmed = await ConfirmAsync(app, dana, email);
        // Signing in right on the confirmation page keeps the way back to the invite.
        Assert.Equal(email, confirmed.Find("#confirm-sign-in input[name='Input.Email']")!.GetAttribute("value"));
        var back = await dana.SubmitAsync(confirmed, "login", new Dictionary<string, string> { ["Input.Password"] = GoodPassword });
        Assert.Equal("/join", back.Url.AbsolutePath);
        var home = await dana.SubmitAsync(back, "join");
        Assert.Contains("You and Cai", home.Text, StringComparison.Ordinal);

        var note = await app.Mail.WaitForAsync(caiEmail, "Your partner joined you");
        Assert.DoesNotContain("Dana", note.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invite_works_once_and_a_third_person_is_refused()
    {
        var (eli, _) = await MemberAsync(app, "Eli");
        var (fox, _) = await MemberAsync(app, "Fox");
        var (gus, gusEmail) = await MemberAsync(app, "Gus");
        var code = await InviteAsync(eli);
        await JoinAsync(fox, code);

        var third = await JoinAsync(gus, code);
        Assert.Contains("already has two people in it", third.Text, StringComparison.Ordinal);
        Assert.Contains("Invite your partner", (await gus.GetAsync("/")).Text, StringComparison.Ordinal);
        var gusId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == gusEmail).Select(u => u.Id).SingleAsync());
        Assert.False(await app.WithDbAsync(db => db.CoupleMembers.AnyAsync(m => m.MemberId == gusId)));
    }

    [Fact]
    public async Task Expired_revoked_unknown_and_malformed_codes_each_get_a_clear_message()
    {
        var (hal, _) = await MemberAsync(app, "Hal");
        var (ivy, _) = await MemberAsync(app, "Ivy");

        var revokedCode = await InviteAsync(hal);
        var couple = await hal.GetAsync("/couple");
        var revoked = await hal.SubmitAsync(couple, "revoke");
        Assert.Contains("The invite is cancelled", revoked.Text, StringComparison.Ordinal);
        Assert.Contains("This invite was cancelled", (await JoinAsync(ivy, revokedCode)).Text, StringComparison.Ordinal);

        // A new invite replaces the old one.
        var first = await InviteAsync(hal);
        var second = await InviteAsync(hal);
        Assert.Contains("This invite was cancelled", (await JoinAsync(ivy, first)).Text, StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        Assert.Contains("This invite has expired", (await JoinAsync(ivy, second)).Text, StringComparison.Ordinal);

        Assert.Contains("We couldn't find an invite", (await JoinAsync(ivy, "ABCD-EFGH")).Text, StringComparison.Ordinal);
        Assert.Contains("doesn't look like an invite code", (await JoinAsync(ivy, "nope<script>")).Text, StringComparison.Ordinal);
        Assert.Contains("Invite your partner", (await ivy.GetAsync("/")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partner_who_stays_gets_a_fresh_space_and_cannot_join_their_own_invite()
    {
        var (lea, leaEmail) = await MemberAsync(app, "Lea");
        var (max, _) = await MemberAsync(app, "Max");
        var code = await InviteAsync(lea);
        Assert.Contains("This is your own invite", (await lea.GetAsync("/join?code=" + code)).Text, StringComparison.Ordinal);
        await JoinAsync(max, code);

        var leaId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == leaEmail).Select(u => u.Id).SingleAsync());
        var before = await app.WithDbAsync(db => db.CoupleMembers.Where(m => m.MemberId == leaId).Select(m => m.CoupleId).SingleAsync());
        await max.SubmitAsync(await max.GetAsync("/couple"), "leave", new Dictionary<string, string> { ["confirm"] = "true" });
        var after = await app.WithDbAsync(db => db.CoupleMembers.Where(m => m.MemberId == leaId).Select(m => m.CoupleId).SingleAsync());
        Assert.NotEqual(before, after);
        Assert.False(await app.WithDbAsync(db => db.Couples.AnyAsync(c => c.Id == before)));
        Assert.False(await app.WithDbAsync(db => db.CoupleInvites.AnyAsync(i => i.CoupleId == before)));

        // Lea can invite someone new into her fresh space.
        var (ned, _) = await MemberAsync(app, "Ned");
        await JoinAsync(ned, await InviteAsync(lea));
        Assert.Contains("You and Ned", (await lea.GetAsync("/")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Both_partners_leaving_at_once_leave_no_empty_space()
    {
        var (oli, _) = await MemberAsync(app, "Oli");
        var (pat, _) = await MemberAsync(app, "Pat");
        await JoinAsync(pat, await InviteAsync(oli));
        var countBefore = await app.WithDbAsync(db => db.Couples.CountAsync());
        var forms = await Task.WhenAll(oli.GetAsync("/couple"), pat.GetAsync("/couple"));
        await Task.WhenAll(
            oli.SubmitAsync(forms[0], "leave", new Dictionary<string, string> { ["confirm"] = "true" }),
            pat.SubmitAsync(forms[1], "leave", new Dictionary<string, string> { ["confirm"] = "true" })
        );
        Assert.False(await app.WithDbAsync(db => db.Couples.AnyAsync(c => !db.CoupleMembers.Any(m => m.CoupleId == c.Id))));
        Assert.True(await app.WithDbAsync(db => db.Couples.CountAsync()) <= countBefore);
    }

    [Fact]
    public async Task Invite_codes_are_stored_only_as_keyed_hashes()
    {
        var (jo, _) = await MemberAsync(app, "Jo");
        var code = (await InviteAsync(jo)).Replace("-", "", StringComparison.Ordinal);
        var hashes = await app.WithDbAsync(db => db.CoupleInvites.Select(i => i.CodeHash).ToListAsync());
        Assert.All(hashes, h => Assert.Equal(32, h.Length));
        Assert.DoesNotContain(hashes, h => System.Text.Encoding.ASCII.GetString(h).Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(hashes, h =>
            h.SequenceEqual(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(code)))
        );
    }

    [Fact]
    public async Task Racing_joiners_cannot_make_a_third_member()
    {
        var (kit, _) = await MemberAsync(app, "Kit");
        var code = await InviteAsync(kit);
        var joiners = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var email = NewEmail("racer");
            var browser = app.NewBrowser();
            await RegisterAsync(browser, "Racer", email);
            joiners.Add(await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync()));
        }

        var results = await Task.WhenAll(
            joiners.Select(id =>
                Task.Run(async () =>
                {
                    using var scope = app.Services.CreateScope();
                    var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
                    accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext
                    {
                        // Joining tells the inviter by email, whose link needs the request's services.
                        RequestServices = scope.ServiceProvider,
                        User = new System.Security.Claims.ClaimsPrincipal(
                            new System.Security.Claims.ClaimsIdentity(
                                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, id.ToString())],
                                "test"
                            )
                        ),
                    };
                    return await scope.ServiceProvider.GetRequiredService<JoinCouple>().HandleAsync(new JoinRequest(code));
                })
            )
        );

        Assert.Single(results, r => r.Succeeded);
        var coupleId = results.Single(r => r.Succeeded).Value;
        Assert.Equal(2, await app.WithDbAsync(db => db.CoupleMembers.CountAsync(m => m.CoupleId == coupleId)));
    }
}

public sealed class PairingTestsOnSqlite(SqliteApp app) : PairingTests(app), IClassFixture<SqliteApp>;

public sealed class PairingTestsOnPostgres(PostgresApp app) : PairingTests(app), IClassFixture<PostgresApp>;
