using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Account;

public sealed class InviteOnlyApp()
    : RekindleFactory(
        TestProvider.Sqlite,
        new Dictionary<string, string?> { ["Registration:Mode"] = "InviteOnly", ["Registration:AllowedEmails:0"] = "@clinic.example.org" }
    );

public sealed class InviteOnlyRegistrationTests(InviteOnlyApp app) : IClassFixture<InviteOnlyApp>
{
    [Fact]
    public async Task Only_the_first_account_invited_partners_and_listed_addresses_may_register()
    {
        // The instance's first person can always get in, so a couple can set up their own server.
        var (first, _) = await MemberAsync(app, "First");

        using var stranger = app.NewBrowser();
        var email = NewEmail("stranger");
        var refused = await RegisterAsync(stranger, "Stranger", email);
        Assert.Contains("open by invitation only", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await CountMembersAsync(app, email));

        var code = await InviteAsync(first);
        using var partner = app.NewBrowser();
        var partnerEmail = NewEmail("partner");
        await RegisterAsync(partner, "Partner", partnerEmail, invite: code.Replace("-", "", StringComparison.Ordinal));
        Assert.Equal(1, await CountMembersAsync(app, partnerEmail));

        using var client = app.NewBrowser();
        var clientEmail = $"client-{Guid.NewGuid():N}@clinic.example.org";
        Assert.Contains(
            "Use the email address you were invited with",
            (await client.GetAsync("/account/register")).Text,
            StringComparison.Ordinal
        );
        await RegisterAsync(client, "Client", clientEmail);
        Assert.Equal(1, await CountMembersAsync(app, clientEmail));
    }
}

public sealed class ClosedApp()
    : RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { ["Registration:Mode"] = "InviteOnly" });

public sealed class ClosedRegistrationTests(ClosedApp app) : IClassFixture<ClosedApp>
{
    [Fact]
    public async Task Without_a_list_or_an_invite_the_form_is_not_offered_once_someone_exists()
    {
        await MemberAsync(app, "Owner");
        using var stranger = app.NewBrowser();
        var closed = await stranger.GetAsync("/account/register");
        Assert.Contains("open by invitation only", closed.Text, StringComparison.Ordinal);
        Assert.Null(closed.Find("input[name=_handler][value='register']"));
    }
}
