using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Operator;
using Rekindle.Web.Infrastructure;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Operator;

/// <summary>Its own instance with an allow-list in the settings, to show the settings' and the operator's lists together.</summary>
public sealed class OperatorUseCaseSqliteApp()
    : RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { ["Registration:AllowedEmails:0"] = "@settings.example.org" });

public sealed class OperatorUseCasePostgresApp()
    : RekindleFactory(
        TestProvider.Postgres,
        new Dictionary<string, string?> { ["Registration:AllowedEmails:0"] = "@settings.example.org" }
    );

/// <summary>
/// The operator's use cases as the admin page calls them (decisions/0045): the kinds they answer with, an operator kept from
/// turning off or resetting themselves, the account list's content-blind rows, and the allow-list's rules.
/// </summary>
public abstract class OperatorUseCaseTests(RekindleFactory app)
{
    [Fact]
    public async Task Actions_answer_not_found_conflict_and_invalid_for_an_operator_acting_on_themselves()
    {
        var (_, email) = await MemberAsync(app, "Ash");
        var id = await IdOfAsync(email);
        var unknown = Guid.NewGuid();

        Assert.Equal(ProblemKind.NotFound, (await Use<OperatorDisable>().HandleAsync(unknown, id)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Use<OperatorEnable>().HandleAsync(unknown, id)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Use<OperatorConfirmEmail>().HandleAsync(unknown, id)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Use<OperatorResendConfirmation>().HandleAsync(unknown, id)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Use<OperatorResetSecondFactor>().HandleAsync(unknown, id)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Use<OperatorGrant>().HandleAsync(unknown, true)).Problem!.Kind);
        Assert.Equal(ProblemKind.NotFound, (await Use<OperatorFindAccount>().HandleAsync(NewEmail("nobody"))).Problem!.Kind);

        var themselves = (await Use<OperatorDisable>().HandleAsync(id, byOperator: id)).Problem!;
        Assert.Equal((ProblemKind.Invalid, "memberId"), (themselves.Kind, themselves.Field));
        Assert.Equal(ProblemKind.Invalid, (await Use<OperatorResetSecondFactor>().HandleAsync(id, byOperator: id)).Problem!.Kind);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisabledAt).FirstAsync()));

        Assert.Equal(ProblemKind.Conflict, (await Use<OperatorResendConfirmation>().HandleAsync(id, Guid.NewGuid())).Problem!.Kind);
        Assert.Equal(ProblemKind.Conflict, (await Use<OperatorEnable>().HandleAsync(id, Guid.NewGuid())).Problem!.Kind);
    }

    [Fact]
    public async Task A_resent_confirmation_link_confirms_and_is_written_in_the_members_log()
    {
        using var browser = app.NewBrowser();
        var email = NewEmail("resend");
        await RegisterAsync(browser, "Bea", email);
        await app.Mail.WaitForAsync(email, "Confirm your email");
        var id = await IdOfAsync(email);

        var resent = await Use<OperatorResendConfirmation>().HandleAsync(id, Guid.NewGuid());
        Assert.True(resent.Value);
        await WaitForMailsAsync(email, 2);
        var link = TestMailbox.LinkIn(
            app.Mail.All.Last(m => m.To.ToString().Contains(email, StringComparison.Ordinal)),
            "/account/confirm-email"
        );
        await browser.GetAsync(link);
        Assert.Contains("Hello, Bea", (await SignInAsync(browser, email)).Text, StringComparison.Ordinal);
        Assert.Contains(
            SecurityEventKind.ConfirmationResentByOperator,
            await app.WithDbAsync(db => db.SecurityEvents.Where(e => e.MemberId == id).Select(e => e.Kind).ToListAsync())
        );
    }

    [Fact]
    public async Task The_account_list_tells_the_state_of_each_account_and_nothing_anyone_wrote()
    {
        var (first, firstEmail) = await MemberAsync(app, "Cleo");
        var (second, secondEmail) = await MemberAsync(app, "Dev");
        await JoinAsync(second, await InviteAsync(first));
        var (_, aloneEmail) = await MemberAsync(app, "Eli");

        var rows = await Use<OperatorAccountList>().HandleAsync();
        var cleo = rows.Single(r => r.Email == firstEmail);
        Assert.True(cleo is { Confirmed: true, InCouple: true, Disabled: false, Operator: false, SecondFactor: false, Passkey: false });
        Assert.NotNull(cleo.LastSignInAt);
        Assert.True(rows.Single(r => r.Email == secondEmail).InCouple);
        Assert.False(rows.Single(r => r.Email == aloneEmail).InCouple);
        Assert.Equal([.. rows.Select(r => r.Email).Order(StringComparer.OrdinalIgnoreCase)], rows.Select(r => r.Email).ToList());
    }

    [Fact]
    public async Task The_allow_list_keeps_lower_case_addresses_or_domains_and_joins_the_settings_list()
    {
        var allow = Use<OperatorAllowEmail>();
        var email = NewEmail("listed");
        var added = await allow.AddAsync("  " + email.ToUpperInvariant() + " ");
        Assert.True(added.Succeeded, added.Error);
        Assert.Equal(ProblemKind.Conflict, (await allow.AddAsync(email)).Problem!.Kind);
        foreach (var bad in new[] { "", "@", "name@", "@nodot", "two words@example.org", new string('a', 250) + "@example.org" })
        {
            var refused = (await allow.AddAsync(bad)).Problem!;
            Assert.Equal((ProblemKind.Invalid, "address"), (refused.Kind, refused.Field));
        }

        var state = await Use<RegistrationNow>().GetAsync();
        Assert.Equal(["@settings.example.org"], state.AllowedFromSettings);
        Assert.Contains(email, state.AllowedAdded);
        Assert.True(state.Allows(email.ToUpperInvariant()));
        Assert.True(state.Allows("someone@settings.example.org"));
        Assert.False(state.Allows(NewEmail("other")));

        Assert.True((await allow.RemoveAsync(added.Value)).Succeeded);
        Assert.Equal(ProblemKind.NotFound, (await allow.RemoveAsync(added.Value)).Problem!.Kind);
        Assert.DoesNotContain(email, (await Use<RegistrationNow>().GetAsync()).AllowedAdded);
    }

    private T Use<T>()
        where T : notnull => app.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private Task<Guid> IdOfAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());

    private async Task WaitForMailsAsync(string to, int count)
    {
        for (var i = 0; i < 100 && app.Mail.All.Count(m => m.To.ToString().Contains(to, StringComparison.Ordinal)) < count; i++)
        {
            await Task.Delay(50);
        }
    }
}

public sealed class OperatorUseCaseTestsOnSqlite(OperatorUseCaseSqliteApp app)
    : OperatorUseCaseTests(app),
        IClassFixture<OperatorUseCaseSqliteApp>;

public sealed class OperatorUseCaseTestsOnPostgres(OperatorUseCasePostgresApp app)
    : OperatorUseCaseTests(app),
        IClassFixture<OperatorUseCasePostgresApp>;
