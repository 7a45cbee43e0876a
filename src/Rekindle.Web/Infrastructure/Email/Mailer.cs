using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;
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

/// <summary>Builds the message once, then sends it by SMTP or drops it in the pickup folder.</summary>
public sealed class Mailer(
    IOptions<EmailOptions> options,
    InstancePaths paths,
    MailStatus status,
    TimeProvider clock,
    ILogger<Mailer> logger
) : IMailer
{
    private readonly EmailOptions _options = options.Value;

    public async Task<bool> SendAsync(Email email, CancellationToken cancellationToken = default)
    {
        try
        {
            await DeliverAsync(email, cancellationToken);
            status.Sent(clock.GetUtcNow().UtcDateTime);
            return true;
        }
        catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            // The type only: SMTP errors can quote addresses.
            logger.LogWarning("An email could not be sent ({Error})", ex.GetType().Name);
            status.Failed(clock.GetUtcNow().UtcDateTime, ex.GetType().Name);
            return false;
        }
    }

    private async Task DeliverAsync(Email email, CancellationToken cancellationToken)
    {
        using var message = new MailMessage
        {
            From = new MailAddress(_options.From, _options.FromName),
            Subject = email.Subject,
            Body = email.Text,
            IsBodyHtml = false,
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
            // Plain ASCII stays readable in the .eml files of the pickup folder (and in any client).
            BodyTransferEncoding = Readable(email.Text),
        };
        message.To.Add(new MailAddress(email.To));
        if (email.OneClickUnsubscribe is { } stop)
        {
            message.Headers.Add("List-Unsubscribe", $"<{stop}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        var html = AlternateView.CreateAlternateViewFromString(email.Html, System.Text.Encoding.UTF8, "text/html");
        html.TransferEncoding = Readable(email.Html);
        message.AlternateViews.Add(html);

        using var client = new SmtpClient();
        if (_options.UsesSmtp)
        {
            client.Host = _options.SmtpHost!;
            client.Port = _options.SmtpPort;
            client.EnableSsl = _options.SmtpUseTls;
            client.DeliveryMethod = SmtpDeliveryMethod.Network;
            if (!string.IsNullOrEmpty(_options.SmtpUserName))
            {
                client.Credentials = new NetworkCredential(_options.SmtpUserName, _options.SmtpPassword);
            }

            await client.SendMailAsync(message, cancellationToken);
            return;
        }

        var folder = string.IsNullOrWhiteSpace(_options.PickupFolder) ? paths.Combine("mail") : Path.GetFullPath(_options.PickupFolder);
        Directory.CreateDirectory(folder);
        var before = Directory.GetFiles(folder).ToHashSet();
        client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
        client.PickupDirectoryLocation = folder;
        await client.SendMailAsync(message, cancellationToken);
        var written = Directory.GetFiles(folder).Except(before).FirstOrDefault() ?? folder;
        // The path only: the message itself holds a sign-in link and stays out of the log.
        logger.LogInformation("Email written to {Path} (no SMTP server configured)", written);
    }

    private static TransferEncoding Readable(string body) =>
        body.All(c => c < 128 && (c >= ' ' || c is '\n' or '\r' or '\t')) && body.Split('\n').All(line => line.Length < 990)
            ? TransferEncoding.SevenBit
            : TransferEncoding.QuotedPrintable;
}

public static class EmailFeature
{
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailStatus>();
        builder.Services.AddSingleton<IMailer, Mailer>();
        return builder;
    }
}
