using Rekindle.Testing;

namespace Rekindle.Tests.Account;

/// <summary>
/// Passkeys exist only on a secure origin. On a plain-http address (a home server reached as http://192.168.1.20) the
/// passkey pages say so in one plain sentence, instead of a button that never appears. Here without script: the server's
/// guess from the request (the end-to-end test covers the browser's own answer).
/// </summary>
public sealed class PasskeyOriginTests
{
    private const string Note =
        "Passkeys need a secure (https) address. Ask whoever runs this server to set up HTTPS; your password and authenticator still work.";

    private static TestBrowser BrowserAt(RekindleFactory app, string address)
    {
        var jar = new System.Net.CookieContainer();
        return new TestBrowser(app.CreateDefaultClient(new Uri(address), new CookieJar(jar)), jar);
    }

    private static void AssertShown(Page page, bool shown)
    {
        var note = page.Find("[data-insecure-origin]") ?? throw new InvalidOperationException("No note on " + page.Url + ": " + page.Text);
        Assert.Equal(Note, note.TextContent.Trim());
        Assert.Equal(!shown, note.HasAttribute("hidden"));
    }

    [Fact]
    public async Task On_a_plain_http_address_the_passkey_pages_say_https_is_needed()
    {
        await using var app = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?> { ["Rekindle:PublicUrl"] = "http://192.168.1.20" }
        );
        AssertShown(await BrowserAt(app, "http://192.168.1.20").GetAsync("/account/login"), shown: true);

        var (member, _) = await Journeys.MemberAsync(() => BrowserAt(app, "http://192.168.1.20"), app.Mail, "Noor");
        AssertShown(await member.GetAsync("/account/security"), shown: true);
    }

    [Fact]
    public async Task On_a_secure_address_or_this_machine_the_note_stays_hidden()
    {
        // An http public address, so the cookies may travel over http at all (with https they are Secure-only).
        await using var app = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?> { ["Rekindle:PublicUrl"] = "http://localhost" }
        );
        foreach (
            var address in new[]
            {
                "https://rekindle.example.org",
                "https://192.168.1.20",
                "http://localhost",
                "http://127.0.0.1",
                "http://[::1]",
            }
        )
        {
            AssertShown(await BrowserAt(app, address).GetAsync("/account/login"), shown: false);
        }
    }
}
