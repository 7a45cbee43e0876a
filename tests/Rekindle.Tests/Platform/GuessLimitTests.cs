using System.Net;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Platform;

public sealed class TightLimitsApp()
    : RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { ["GuessLimits:PermitLimit"] = "5" });

public sealed class GuessLimitTests(TightLimitsApp app) : IClassFixture<TightLimitsApp>
{
    [Fact]
    public async Task Guessing_invite_codes_from_one_address_is_slowed_with_a_clear_429()
    {
        using var browser = app.NewBrowser();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/join?code=ABCD-EFG" + "HJKMN"[i])).Status);
        }

        var limited = await browser.GetAsync("/join?code=ABCD-EFGP");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Contains("many attempts from here", limited.Text, StringComparison.Ordinal);
        Assert.True(limited.Response.Headers.RetryAfter is not null);

        // Reading pages is never limited; sign-in attempts share the address's budget.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/join")).Status);
        var form = await browser.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var attempt = await browser.SubmitAsync(
            form,
            "login",
            new Dictionary<string, string> { ["Input.Email"] = NewEmail("x"), ["Input.Password"] = "whatever it is" }
        );
        Assert.Equal(HttpStatusCode.TooManyRequests, attempt.Status);
    }
}
