using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Email;

namespace Rekindle.Tests.Mail;

/// <summary>
/// Issue 27, point 2 (decisions/0045): mail through MailKit to a real SMTP server on loopback with TLS on: STARTTLS and
/// implicit TLS with the operator's self-signed certificate pinned by fingerprint, sign-in to the server, and a timeout.
/// A failure never escapes the mailer: it answers false and the mail status keeps the error's type, nothing else.
/// </summary>
public sealed class MailTransportTests
{
    private const string To = "ana@example.org";

    private static RekindleFactory App(TestMailbox mailbox, MailSecurity security, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:SmtpPort"] = mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:SmtpSecurity"] = security.ToString(),
            ["Email:SmtpCertificateSha256"] = TestMailbox.CertificateSha256,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return new RekindleFactory(TestProvider.Sqlite, settings);
    }

    private static Email Sample(string subject) =>
        new(
            To,
            subject,
            "Something is waiting for you.\nhttps://localhost/talk",
            "<p>Something is waiting for you, Zoë.</p>",
            "https://localhost/stop"
        );

    [Fact]
    public async Task Starttls_to_a_server_whose_certificate_is_pinned_delivers_text_and_html()
    {
        await using var mailbox = new TestMailbox(MailboxSecurity.StartTls);
        await using var app = App(mailbox, MailSecurity.StartTls);

        Assert.True(await app.Services.GetRequiredService<IMailer>().SendAsync(Sample("Over STARTTLS")));

        var message = await mailbox.WaitForAsync(To, "Over STARTTLS");
        Assert.Equal("rekindle@example.org", message.From.Mailboxes.Single().Address);
        Assert.Equal("<https://localhost/stop>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var parts = Assert.IsType<MultipartAlternative>(message.Body);
        var text = Assert.IsType<TextPart>(parts[0]);
        var html = Assert.IsType<TextPart>(parts[1]);
        Assert.True(text.IsPlain);
        Assert.True(html.IsHtml);
        // Plain ASCII travels as it is; anything else in quoted-printable, still mostly readable in an .eml file.
        Assert.Equal(ContentEncoding.SevenBit, text.ContentTransferEncoding);
        Assert.Equal(ContentEncoding.QuotedPrintable, html.ContentTransferEncoding);
        Assert.Equal("Something is waiting for you.\nhttps://localhost/talk", message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("Zoë", message.HtmlBody, StringComparison.Ordinal);
        Assert.NotNull(app.Services.GetRequiredService<MailStatus>().LastSentAt);
    }

    [Fact]
    public async Task Implicit_tls_delivers()
    {
        await using var mailbox = new TestMailbox(MailboxSecurity.Tls);
        await using var app = App(mailbox, MailSecurity.Tls);

        Assert.True(await app.Services.GetRequiredService<IMailer>().SendAsync(Sample("Over TLS")));
        await mailbox.WaitForAsync(To, "Over TLS");
    }

    [Theory]
    [InlineData("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF")]
    [InlineData(null)]
    public async Task A_certificate_that_is_not_the_pinned_one_nor_trusted_fails_cleanly(string? pin)
    {
        await using var mailbox = new TestMailbox(MailboxSecurity.StartTls);
        await using var app = App(mailbox, MailSecurity.StartTls, new() { ["Email:SmtpCertificateSha256"] = pin });

        Assert.False(await app.Services.GetRequiredService<IMailer>().SendAsync(Sample("Never sent")));

        var status = app.Services.GetRequiredService<MailStatus>();
        Assert.NotNull(status.LastFailedAt);
        Assert.Equal("SslHandshakeException", status.LastError);
        Assert.Null(status.LastSentAt);
        Assert.Empty(mailbox.All);
        var logged = Assert.Single(app.Logs.Lines, l => l.Contains("could not be sent", StringComparison.Ordinal));
        Assert.DoesNotContain(To, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starttls_is_required_not_hoped_for_a_server_without_it_gets_nothing()
    {
        await using var mailbox = new TestMailbox();
        await using var app = App(mailbox, MailSecurity.StartTls);

        Assert.False(await app.Services.GetRequiredService<IMailer>().SendAsync(Sample("In the clear")));

        Assert.NotNull(app.Services.GetRequiredService<MailStatus>().LastError);
        Assert.Empty(mailbox.All);
    }

    [Theory]
    [InlineData("the right one", true)]
    [InlineData("a wrong one", false)]
    public async Task Signing_in_to_the_server_works_with_the_right_password_only(string password, bool delivered)
    {
        await using var mailbox = new TestMailbox(MailboxSecurity.StartTls, "rekindle", "the right one");
        await using var app = App(
            mailbox,
            MailSecurity.StartTls,
            new() { ["Email:SmtpUserName"] = "rekindle", ["Email:SmtpPassword"] = password }
        );

        Assert.Equal(delivered, await app.Services.GetRequiredService<IMailer>().SendAsync(Sample("Signed in")));

        var status = app.Services.GetRequiredService<MailStatus>();
        if (delivered)
        {
            await mailbox.WaitForAsync(To, "Signed in");
            Assert.Null(status.LastError);
        }
        else
        {
            Assert.Equal("AuthenticationException", status.LastError);
            Assert.Empty(mailbox.All);
        }
    }

    [Fact]
    public async Task A_server_that_never_answers_is_given_up_on_within_the_configured_seconds()
    {
        // Connections are taken (the listen queue) but nobody ever speaks.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var mailbox = new TestMailbox();
        await using var app = App(
            mailbox,
            MailSecurity.None,
            new()
            {
                ["Email:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:SmtpTimeoutSeconds"] = "2",
            }
        );
        var mailer = app.Services.GetRequiredService<IMailer>();

        var clock = Stopwatch.StartNew();
        Assert.False(await mailer.SendAsync(Sample("Into the silence")));
        clock.Stop();

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(8));
        Assert.NotNull(app.Services.GetRequiredService<MailStatus>().LastError);
    }

    [Fact]
    public async Task The_old_SmtpUseTls_setting_still_works_and_says_it_is_deprecated()
    {
        await using var mailbox = new TestMailbox();
        await using var app = App(mailbox, MailSecurity.None, new() { ["Email:SmtpSecurity"] = null, ["Email:SmtpUseTls"] = "false" });

        Assert.True(await app.Services.GetRequiredService<IMailer>().SendAsync(Sample("Old setting")));
        await mailbox.WaitForAsync(To, "Old setting");
        Assert.Single(app.Logs.Lines, l =>
            l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Email:SmtpUseTls is deprecated", StringComparison.Ordinal)
        );
    }
}
