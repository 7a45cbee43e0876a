using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Jobs;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Platform;

/// <summary>Links in emails the notice job sends, outside any request, point at the instance's public address.</summary>
public sealed class PublicAddressTests
{
    [Fact]
    public async Task A_job_email_links_to_the_configured_public_address()
    {
        await using var app = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?> { ["Rekindle:PublicUrl"] = "https://rekindle.example.org/" }
        );
        var message = await PartnerNoticeAsync(app, app.NewBrowser);

        Assert.Contains("https://rekindle.example.org/talk", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://rekindle.example.org/talk\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_development_without_an_address_a_job_email_links_where_the_members_opened_rekindle()
    {
        await using var app = new DevelopmentApp();
        var message = await PartnerNoticeAsync(app, () =>
        {
            var jar = new System.Net.CookieContainer();
            return new TestBrowser(app.CreateDefaultClient(new Uri("https://rekindle.lan:8443"), new CookieJar(jar)), jar);
        });

        Assert.Contains("https://rekindle.lan:8443/talk", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", message.TextBody + message.HtmlBody, StringComparison.Ordinal);
    }

    private static async Task<MimeKit.MimeMessage> PartnerNoticeAsync(RekindleFactory app, Func<TestBrowser> newBrowser)
    {
        var (a, _) = await MemberAsync(newBrowser, app.Mail, "Ada");
        var (b, bEmail) = await MemberAsync(newBrowser, app.Mail, "Bo");
        await JoinAsync(b, await InviteAsync(a));
        var prefs = await b.GetAsync("/account/notifications");
        await b.SubmitAsync(
            prefs,
            "preferences",
            new Dictionary<string, string>
            {
                ["timeZone"] = "UTC",
                ["noticeAnswered"] = "yes",
                ["quietFrom"] = "0",
                ["quietTo"] = "0",
            }
        );
        var talk = await a.GetAsync("/talk");
        await a.SubmitAsync(talk, "daily", new Dictionary<string, string> { ["text"] = "An answer", ["go"] = "answer" });

        using var scope = app.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<SendDueNotices>().HandleAsync();
        Assert.True(result.Sent >= 1);
        return await app.Mail.WaitForAsync(bEmail, "their turn");
    }

    /// <summary>The app as `dotnet run` starts it: Development, no public address configured.</summary>
    private sealed class DevelopmentApp()
        : RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { ["Rekindle:PublicUrl"] = "" })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }
}
