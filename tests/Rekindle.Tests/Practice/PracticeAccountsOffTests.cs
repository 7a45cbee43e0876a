using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Tests.Reliability;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Practice;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Practice;

/// <summary>
/// Practice mode off (the default; decisions/0044, point 1): every professional route is 404 for everyone, and a professional's
/// account cannot sign in: its session ends on the first request, and the sign-in page says why, to them alone.
/// </summary>
public abstract class PracticeAccountsOffTests(RekindleFactory app)
{
    [Fact]
    public async Task A_professional_cannot_sign_in_and_every_professional_route_is_404()
    {
        var email = NewEmail("off-pro");
        using (var scope = app.Services.CreateScope())
        {
            var created = await scope
                .ServiceProvider.GetRequiredService<CreateProfessional>()
                .HandleAsync(new CreateProfessionalInput(email, "Vale", PracticeAdmin: true));
            Assert.True(
                (
                    await scope.ServiceProvider.GetRequiredService<UserManager<Member>>().AddPasswordAsync(created.Value!, GoodPassword)
                ).Succeeded
            );
        }

        var id = await PracticeSeed.MemberIdAsync(app, email);
        using var browser = app.NewBrowser();
        var landed = await SignInAsync(browser, email);
        Assert.Equal("/account/login", landed.Url.AbsolutePath);
        Assert.Equal(
            "Practice mode is off on this server, so counselors' accounts can't sign in here. Please ask the practice that runs it.",
            landed.TextOf("#practice-off")
        );
        Assert.Equal("/account/login", (await browser.GetAsync("/account/security")).Url.AbsolutePath);
        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == id && s.EndedAt == null)));

        // The words are there only when a professional was turned away: a plain sign-in page, or a failed one, says nothing of it.
        using var visitor = app.NewBrowser();
        Assert.Null((await visitor.GetAsync("/account/login")).Find("#practice-off"));
        Assert.Null((await SignInAsync(visitor, email, "not the password at all")).Find("#practice-off"));

        // The API: a token is worth nothing, and its session ends too.
        using (var api = await ApiClient.SignInAsync(app, email))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/me/language")).Status);
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me/language")).Status);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.MemberSessions.CountAsync(s => s.MemberId == id && s.EndedAt == null)));

        var (partner, partnerEmail) = await MemberAsync(app, "Wren");
        foreach (var who in new[] { visitor, partner })
        {
            foreach (var path in new[] { "/pro", "/pro/codes", "/pro/sign-in", "/practice" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync(path)).Status);
            }
        }

        using var partnerApi = await ApiClient.SignInAsync(app, partnerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerApi.GetAsync("/api/v1/professional/connections")).Status);
        using var anonymous = ApiClient.For(app);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/professional/connections")).Status);
    }

    [Fact]
    public async Task The_command_line_adds_no_professional_while_practice_mode_is_off()
    {
        using var scope = app.Services.CreateScope();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var email = NewEmail("off-cli");
        var code = await PracticeAccountsCommands.RunAsync(scope.ServiceProvider, ["professional", "add", email, "Yael"], output, error);
        Assert.Equal(1, code);
        Assert.Equal(
            "Practice mode is off: set Practice:Enabled=true first, or the account could not sign in.",
            error.ToString().TrimEnd()
        );
        Assert.Equal(0, await CountMembersAsync(app, email));
    }
}

public sealed class PracticeAccountsOffTestsOnSqlite(SqliteApp app) : PracticeAccountsOffTests(app), IClassFixture<SqliteApp>;

public sealed class PracticeAccountsOffTestsOnPostgres(PostgresApp app) : PracticeAccountsOffTests(app), IClassFixture<PostgresApp>;

/// <summary>The professional commands as an operator runs them: the app's own process, its exit codes and its email.</summary>
public sealed class PracticeAccountsProcessTests
{
    [Fact]
    public async Task Professional_add_list_and_a_wrong_command_run_as_the_app_process()
    {
        await using var instances = new Instances();
        var settings = instances.Settings(TestProvider.Sqlite);
        settings["Practice:Enabled"] = "true";
        var email = NewEmail("process-pro");

        var add = await new AppProcess(settings).RunCommandAsync("professional", "add", email, "Zola", "--admin");
        Assert.True(add.ExitCode == 0, add.Output);
        Assert.Contains($"Added {email} as a practice admin", add.Output, StringComparison.Ordinal);
        var welcome = await instances.Mail.WaitForAsync(email, "Your practice account on Rekindle");
        Assert.Contains("/account/reset-password?memberId=", welcome.TextBody, StringComparison.Ordinal);

        var list = await new AppProcess(settings).RunCommandAsync("professional", "list");
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains($"{email}\tpractice admin\t0", list.Output, StringComparison.Ordinal);

        var wrong = await new AppProcess(settings).RunCommandAsync("professional", "promote", email);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains(PracticeAccountsCommands.Usage, wrong.Output, StringComparison.Ordinal);
    }
}
