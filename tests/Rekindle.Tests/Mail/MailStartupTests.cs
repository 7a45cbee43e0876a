using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Email;

namespace Rekindle.Tests.Mail;

/// <summary>
/// Issue 27, points 1 and 2 (decisions/0045): mail settings that cannot be right stop the start with one line naming the
/// setting; with no SMTP server the app says once, as it starts serving, where emails go and how to confirm the first account.
/// </summary>
public sealed class MailStartupTests
{
    private const string NoServer = "No email server is set (Email:SmtpHost)";

    [Theory]
    [InlineData("mail.example.org", "None", null, null, "Email:SmtpSecurity is None, which sends mail and passwords unencrypted")]
    // The old setting's "false" means None, and is held to the same rule.
    [InlineData("192.168.1.20", null, "false", null, "Email:SmtpSecurity is None, which sends mail and passwords unencrypted")]
    [InlineData("mail.example.org", "StartTls", null, "not-a-fingerprint", "Email:SmtpCertificateSha256 must be a SHA-256 fingerprint")]
    public async Task A_mail_setting_that_cannot_be_right_stops_the_start_with_one_line(
        string host,
        string? security,
        string? useTls,
        string? pin,
        string expected
    )
    {
        await using var wrong = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?>
            {
                ["Email:SmtpHost"] = host,
                ["Email:SmtpSecurity"] = security,
                ["Email:SmtpUseTls"] = useTls,
                ["Email:SmtpCertificateSha256"] = pin,
            }
        );

        wrong.AssertStartRefused(expected);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task Unencrypted_mail_to_this_machine_is_allowed(string host)
    {
        await using var app = new RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { ["Email:SmtpHost"] = host });
        Assert.Equal(
            MailSecurity.None,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EmailOptions>>().Value.Security
        );
    }

    [Fact]
    public async Task Without_an_smtp_server_the_start_says_once_where_emails_go_and_how_to_confirm_the_first_account()
    {
        await using var app = new RekindleFactory(TestProvider.Sqlite, new Dictionary<string, string?> { ["Email:SmtpHost"] = "" });
        using var client = app.CreateClient();
        var folder = Path.Combine(app.DataPath, "mail");

        var warning = Assert.Single(app.Logs.Lines, l => l.Contains(NoServer, StringComparison.Ordinal));
        Assert.StartsWith("Warning", warning, StringComparison.Ordinal);
        Assert.Contains($"emails are written to {folder}.", warning, StringComparison.Ordinal);
        Assert.Contains(
            "docker compose exec rekindle dotnet Rekindle.Web.dll accounts confirm you@example.org",
            warning,
            StringComparison.Ordinal
        );

        // And they are there: one readable .eml file a message, for its owner's eyes only.
        Assert.True(
            await app
                .Services.GetRequiredService<IMailer>()
                .SendAsync(new Email("bo@example.org", "Into the folder", "Hello.", "<p>Hello.</p>"))
        );
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        Assert.Equal("Into the folder", (await MimeMessage.LoadAsync(file)).Subject);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        // Still once: sending, or another request, says nothing more.
        await client.GetAsync("/");
        Assert.Single(app.Logs.Lines, l => l.Contains(NoServer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_an_smtp_server_the_start_says_nothing_about_mail()
    {
        await using var app = new RekindleFactory(TestProvider.Sqlite);
        using var client = app.CreateClient();
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("Email:", StringComparison.Ordinal));
    }
}
