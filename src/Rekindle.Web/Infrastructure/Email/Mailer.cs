using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Email;

/// <summary>
/// An email to one person. Callers put no partner-written content in it: only that something is waiting, and a link.
/// <paramref name="OneClickUnsubscribe"/>: the https address of RFC 8058's one-click "stop these emails", sent as
/// List-Unsubscribe with List-Unsubscribe-Post; null only for emails about the account's safety, which are always sent.
/// </summary>
public sealed record Email(string To, string Subject, string Text, string Html, string? OneClickUnsubscribe = null);

public interface IMailer
{
    /// <summary>Sends, or says it could not. A failure never undoes what the caller already saved.</summary>
    Task<bool> SendAsync(Email email, CancellationToken cancellationToken = default);
}

/// <summary>What became of one email: written to a file (no SMTP host), sent (both null), or the failure.</summary>
public sealed record MailResult(string? WrittenTo, Exception? Failure)
{
    public bool Done => Failure is null;
}

/// <summary>Builds the message once (MimeKit), then sends it by SMTP (MailKit) or drops it in the pickup folder.</summary>
public sealed class Mailer(
    IOptions<EmailOptions> options,
    InstancePaths paths,
    MailStatus status,
    TimeProvider clock,
    ILogger<Mailer> logger
) : IMailer
{
    private readonly EmailOptions _options = options.Value;

    public async Task<bool> SendAsync(Email email, CancellationToken cancellationToken = default) =>
        (await TrySendAsync(email, cancellationToken)).Done;

    /// <summary>As <see cref="SendAsync"/>, keeping the failure for an operator's command to show.</summary>
    public async Task<MailResult> TrySendAsync(Email email, CancellationToken cancellationToken = default)
    {
        try
        {
            var written = await DeliverAsync(email, cancellationToken);
            status.Sent(clock.GetUtcNow().UtcDateTime);
            return new MailResult(written, null);
        }
        catch (Exception ex) when (IsSendFailure(ex, cancellationToken))
        {
            // The type only: SMTP errors can quote addresses.
            logger.LogWarning("An email could not be sent ({Error})", ex.GetType().Name);
            status.Failed(clock.GetUtcNow().UtcDateTime, ex.GetType().Name);
            return new MailResult(null, ex);
        }
    }

    /// <summary>What the network, the server or an address can do wrong; the caller's own cancellation still escapes.</summary>
    private static bool IsSendFailure(Exception ex, CancellationToken cancellationToken) =>
        ex
            is CommandException
                or ProtocolException
                or MailKit.Security.AuthenticationException
                or SslHandshakeException
                or System.Security.Authentication.AuthenticationException
                or IOException
                or SocketException
                or TimeoutException
                or NotSupportedException
                or InvalidOperationException
                or FormatException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<string?> DeliverAsync(Email email, CancellationToken cancellationToken)
    {
        using var message = Compose(email);
        if (_options.UsesSmtp)
        {
            await SendBySmtpAsync(message, cancellationToken);
            return null;
        }

        var folder = _options.PickupFolderIn(paths);
        var file = await WriteAsync(message, folder, cancellationToken);
        // The path only: the message itself holds a sign-in link and stays out of the log.
        logger.LogInformation("Email written to {Path} (no SMTP server configured)", file);
        return file;
    }

    private MimeMessage Compose(Email email)
    {
        var message = new MimeMessage
        {
            Date = clock.GetUtcNow(),
            // From the sender's domain, not this machine's name.
            MessageId = MimeUtils.GenerateMessageId(_options.From[(_options.From.LastIndexOf('@') + 1)..]),
            Subject = email.Subject,
        };
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        if (email.OneClickUnsubscribe is { } stop)
        {
            message.Headers.Add("List-Unsubscribe", $"<{stop}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        message.Body = new MultipartAlternative { Part("plain", email.Text), Part("html", email.Html) };
        return message;
    }

    private static TextPart Part(string subtype, string body)
    {
        var part = new TextPart(subtype) { ContentTransferEncoding = Readable(body) };
        part.SetText(System.Text.Encoding.UTF8, body);
        return part;
    }

    /// <summary>Plain ASCII stays readable as it is in the .eml files of the pickup folder (and in any client).</summary>
    private static ContentEncoding Readable(string body) =>
        body.All(c => c < 128 && (c >= ' ' || c is '\n' or '\r' or '\t')) && body.Split('\n').All(line => line.Length < 990)
            ? ContentEncoding.SevenBit
            : ContentEncoding.QuotedPrintable;

    private async Task SendBySmtpAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(_options.SmtpTimeoutSeconds);
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        if (_options.PinnedCertificate is { } pinned)
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, _) => IsPinned(certificate, pinned);
        }

        // The client's timeout covers each read and write; this covers the whole exchange, a server that trickles included.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(
                _options.SmtpHost!.Trim(),
                _options.Port,
                _options.Security switch
                {
                    MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                    MailSecurity.None => SecureSocketOptions.None,
                    _ => SecureSocketOptions.StartTls,
                },
                deadline.Token
            );
            if (!string.IsNullOrEmpty(_options.SmtpUserName))
            {
                await client.AuthenticateAsync(_options.SmtpUserName, _options.SmtpPassword ?? "", deadline.Token);
            }

            await client.SendAsync(message, deadline.Token);
            await client.DisconnectAsync(quit: true, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The SMTP server did not finish within {_options.SmtpTimeoutSeconds} seconds (Email:SmtpTimeoutSeconds)."
            );
        }
    }

    /// <summary>Exactly the one certificate the operator named, whatever signed it and whatever name it carries.</summary>
    private static bool IsPinned(X509Certificate? certificate, string pinned) =>
        certificate is not null
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(certificate.GetCertHashString(HashAlgorithmName.SHA256)),
            System.Text.Encoding.ASCII.GetBytes(pinned)
        );

    /// <summary>
    /// One file a message, readable by its owner only (it holds a sign-in link), named so the newest sorts last, and
    /// moved into place whole so nobody opens half of one.
    /// </summary>
    private async Task<string> WriteAsync(MimeMessage message, string folder, CancellationToken cancellationToken)
    {
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, ownerOnly | UnixFileMode.UserExecute);
        }

        var name = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}";
        var partial = Path.Combine(folder, name + ".partial");
        var file = Path.Combine(folder, name + ".eml");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = ownerOnly;
        }

        await using (var stream = new FileStream(partial, create))
        {
            await message.WriteToAsync(stream, cancellationToken);
        }

        File.Move(partial, file);
        return file;
    }
}

public static class EmailFeature
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailStatus>();
        builder.Services.AddSingleton<Mailer>();
        builder.Services.AddSingleton<IMailer>(sp => sp.GetRequiredService<Mailer>());
        builder.Services.AddHostedService<MailStartupWarning>();
        return builder;
    }
}
