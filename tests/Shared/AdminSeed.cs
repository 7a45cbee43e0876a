using Microsoft.Extensions.DependencyInjection;
using Rekindle.Web.Features.Operator;

namespace Rekindle.Testing;

/// <summary>An operator as a test holds them: signed in, with the authenticator key they turned on (null without one).</summary>
public sealed record AdminUser(TestBrowser Browser, string Email, Guid Id, byte[]? AuthenticatorKey);

/// <summary>The operator of the admin pages (decisions/0045), written once: a member made an operator the way the command line
/// does it (<c>accounts grant-operator</c>), with an authenticator app turned on unless a test wants them without one.</summary>
public static class AdminSeed
{
    public static async Task<AdminUser> OperatorAsync(RekindleFactory app, string name = "Olu", bool secondStep = true)
    {
        var (browser, email) = await Journeys.MemberAsync(app, name);
        var id = await PracticeSeed.MemberIdAsync(app, email);
        await GrantAsync(app, id);
        var key = secondStep ? (await Journeys.EnableAuthenticatorAsync(app, browser)).Key : null;
        return new AdminUser(browser, email, id, key);
    }

    /// <summary>Makes the member an operator through the command line's use case.</summary>
    public static async Task GrantAsync(RekindleFactory app, Guid memberId, bool isOperator = true)
    {
        using var scope = app.Services.CreateScope();
        var granted = await scope.ServiceProvider.GetRequiredService<OperatorGrant>().HandleAsync(memberId, isOperator);
        if (!granted.Succeeded)
        {
            throw new InvalidOperationException("The operator flag was not changed: " + granted.Problem!.Kind);
        }
    }
}
