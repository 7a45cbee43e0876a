using System.ComponentModel.DataAnnotations;
using System.Net;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Email;

/// <summary>How the connection to the SMTP server is protected (decisions/0045).</summary>
public enum MailSecurity
{
    /// <summary>Plain at first, then STARTTLS before anything is sent; refused if the server does not offer it. Port 587.</summary>
    StartTls,

    /// <summary>TLS from the first byte ("implicit TLS", SMTPS). Port 465.</summary>
    Tls,

    /// <summary>No encryption: only for a server on this machine. Port 25.</summary>
    None,
}

/// <summary>
/// How the instance sends email. With no SMTP host, emails are written as .eml files to a folder
/// (development, or a home server whose owners read them there) and the start-up log says where.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    /// <summary>Empty: 465 for Tls, 25 for None, else 587 (also with the deprecated SmtpUseTls, as before).</summary>
    [Range(1, 65535)]
    public int? SmtpPort { get; set; }

    /// <summary>Empty: <see cref="MailSecurity.StartTls"/>, or what the deprecated <see cref="SmtpUseTls"/> says.</summary>
    public MailSecurity? SmtpSecurity { get; set; }

    /// <summary>Deprecated alias from before MailKit: <c>true</c> is StartTls, <c>false</c> is None (SmtpSecurity wins).</summary>
    public bool? SmtpUseTls { get; set; }

    /// <summary>How long to wait for the server, for the connection and each step after it, and for a whole email at most.</summary>
    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// The SHA-256 fingerprint of the SMTP server's own certificate (hex, colons allowed): when set, that one certificate is
    /// trusted and no other, for an operator's server with a self-signed certificate. Empty: normal certificate validation.
    /// </summary>
    public string? SmtpCertificateSha256 { get; set; }

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    [Required]
    [EmailAddress]
    public string From { get; set; } = "rekindle@localhost";

    public string FromName { get; set; } = "Rekindle";

    /// <summary>Folder for .eml files when there is no SMTP host. Empty: <c>mail</c> under the data folder.</summary>
    public string? PickupFolder { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public MailSecurity Security => SmtpSecurity ?? (SmtpUseTls == false ? MailSecurity.None : MailSecurity.StartTls);

    public int Port =>
        SmtpPort
        ?? SmtpSecurity switch
        {
            MailSecurity.Tls => 465,
            MailSecurity.None => 25,
            _ => 587,
        };

    /// <summary>The pinned fingerprint as the runtime writes one (upper-case hex, no separators), or null.</summary>
    public string? PinnedCertificate =>
        string.IsNullOrWhiteSpace(SmtpCertificateSha256)
            ? null
            : new string([.. SmtpCertificateSha256.Where(c => c is not (':' or ' ' or '-'))]).ToUpperInvariant();

    public string PickupFolderIn(InstancePaths paths) =>
        string.IsNullOrWhiteSpace(PickupFolder) ? paths.Combine("mail") : Path.GetFullPath(PickupFolder);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SmtpUserName) && string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("Email:SmtpPassword is required with Email:SmtpUserName.", [nameof(SmtpPassword)]);
        }

        if (UsesSmtp && Security == MailSecurity.None && !IsThisMachine(SmtpHost!))
        {
            yield return new ValidationResult(
                $"Email:SmtpSecurity is None, which sends mail and passwords unencrypted, so it is only allowed for a server on this machine (localhost, 127.0.0.1 or ::1), not {SmtpHost!.Trim()}: use StartTls or Tls.",
                [nameof(SmtpSecurity)]
            );
        }

        if (PinnedCertificate is { } pin && (pin.Length != 64 || !pin.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult(
                "Email:SmtpCertificateSha256 must be a SHA-256 fingerprint: 64 hexadecimal characters, colons allowed, as `openssl x509 -noout -fingerprint -sha256` prints it.",
                [nameof(SmtpCertificateSha256)]
            );
        }
    }

    /// <summary>By name or address only: a name that resolves to this machine elsewhere is not trusted to stay so.</summary>
    private static bool IsThisMachine(string host)
    {
        var name = host.Trim().TrimStart('[').TrimEnd(']');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
