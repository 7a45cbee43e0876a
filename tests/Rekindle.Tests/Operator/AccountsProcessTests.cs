using Rekindle.Testing;
using Rekindle.Tests.Reliability;
using Rekindle.Web.Features.Operator;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Operator;

/// <summary>The accounts command as an operator runs it: the app's own process, through its dispatch, with its exit codes.</summary>
public sealed class AccountsProcessTests
{
    [Fact]
    public async Task Accounts_create_list_confirm_and_a_wrong_command_run_as_the_app_process()
    {
        await using var instances = new Instances();
        var settings = instances.Settings(TestProvider.Sqlite);
        var email = NewEmail("process-partner");

        var create = await new AppProcess(settings).RunCommandAsync("accounts", "create", email, "Ilse");
        Assert.True(create.ExitCode == 0, create.Output);
        Assert.Contains($"Made the account {email} (", create.Output, StringComparison.Ordinal);
        var welcome = await instances.Mail.WaitForAsync(email, "Your account on Rekindle");
        Assert.Contains("/account/reset-password?memberId=", welcome.TextBody, StringComparison.Ordinal);

        var list = await new AppProcess(settings).RunCommandAsync("accounts", "list");
        Assert.True(list.ExitCode == 0, list.Output);
        Assert.Contains(email, list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Ilse", list.Output, StringComparison.Ordinal);

        var confirmed = await new AppProcess(settings).RunCommandAsync("accounts", "confirm", email);
        Assert.Equal(1, confirmed.ExitCode);
        Assert.Contains("This email is already confirmed.", confirmed.Output, StringComparison.Ordinal);

        var wrong = await new AppProcess(settings).RunCommandAsync("accounts", "promote", email);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains(AccountsCommands.Usage, wrong.Output, StringComparison.Ordinal);
    }
}
