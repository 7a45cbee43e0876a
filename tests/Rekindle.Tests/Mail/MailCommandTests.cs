using System.Globalization;
using MimeKit;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Email;

namespace Rekindle.Tests.Mail;

/// <summary>
/// Issue 27, point 2 (decisions/0045): <c>Rekindle.Web send-test-email ADDRESS</c>, run as a real process the way an
/// operator runs it, says in one line what happened, with exit code 0 (sent or written), 1 (could not send) or 2 (usage).
/// </summary>
public sealed class MailCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("rekindle-mail-").FullName;

    private Dictionary<string, string?> Settings(Dictionary<string, string?> email)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Rekindle:DataPath"] = _data,
            ["Keys:CreateIfMissing"] = "true",
            ["Email:From"] = "rekindle@example.org",
        };
        foreach (var (key, value) in email)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The lines the process printed, its own answer among them.</summary>
    private static string[] Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Send_test_email_sends_one_plain_email_over_starttls_with_sign_in_and_says_so()
    {
        await using var mailbox = new TestMailbox(MailboxSecurity.StartTls, "rekindle", "a long secret");
        var port = mailbox.Port.ToString(CultureInfo.InvariantCulture);
        var process = new AppProcess(
            Settings(
                new()
                {
                    ["Email:SmtpHost"] = "127.0.0.1",
                    ["Email:SmtpPort"] = port,
                    ["Email:SmtpSecurity"] = "StartTls",
                    ["Email:SmtpCertificateSha256"] = TestMailbox.CertificateSha256,
                    ["Email:SmtpUserName"] = "rekindle",
                    ["Email:SmtpPassword"] = "a long secret",
                }
            )
        );

        var (exitCode, output) = await process.RunCommandAsync(SendTestEmail.Name, "ana@example.org");

        Assert.True(exitCode == 0, output);
        Assert.Contains($"Sent to ana@example.org through 127.0.0.1:{port} (StartTls).", Lines(output));
        var message = await mailbox.WaitForAsync("ana@example.org", "A test from Rekindle");
        Assert.Equal(SendTestEmail.Sentence, message.TextBody!.Trim());
        Assert.Single(mailbox.All);
    }

    [Fact]
    public async Task Send_test_email_without_an_smtp_server_writes_the_file_and_names_it()
    {
        var folder = Path.Combine(_data, "outbox");
        var process = new AppProcess(Settings(new() { ["Email:SmtpHost"] = "", ["Email:PickupFolder"] = folder }));

        var (exitCode, output) = await process.RunCommandAsync(SendTestEmail.Name, "ana@example.org");

        Assert.True(exitCode == 0, output);
        var file = Assert.Single(Directory.GetFiles(folder));
        Assert.Contains($"Written to {file} (no SMTP server is set).", Lines(output));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("ana@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal(SendTestEmail.Sentence, message.TextBody!.Trim());
        // A command never serves, so the start-up warning is not for it.
        Assert.DoesNotContain("No email server is set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_test_email_says_in_one_line_why_it_could_not_send_and_how_to_use_it()
    {
        var nobody = TestMailbox.FreePort().ToString(CultureInfo.InvariantCulture);
        var settings = Settings(
            new()
            {
                ["Email:SmtpHost"] = "127.0.0.1",
                ["Email:SmtpPort"] = nobody,
                ["Email:SmtpSecurity"] = "None",
            }
        );

        var (exitCode, output) = await new AppProcess(settings).RunCommandAsync(SendTestEmail.Name, "ana@example.org");

        Assert.True(exitCode == 1, output);
        // The console also carries the app's own warning lines (types only); the command's answer is one line of them.
        var line = Assert.Single(Lines(output), l => l.StartsWith("Could not send: ", StringComparison.Ordinal));
        Assert.True(line.Length > "Could not send: ".Length + 5, line);

        var (usageCode, usage) = await new AppProcess(settings).RunCommandAsync(SendTestEmail.Name, "not an address");
        Assert.Equal(2, usageCode);
        Assert.Contains("usage: send-test-email <address>", Lines(usage));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException) { }
    }
}
