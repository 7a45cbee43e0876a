using System.ComponentModel.DataAnnotations;

namespace Rekindle.Web.Infrastructure.Email;

/// <summary>
/// How the instance sends email. With no SMTP host, emails are written as .eml files to a folder
/// (development, or a home server whose owners read them there) and the path is logged.
/// </summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>Use TLS (STARTTLS) to the SMTP server. Only turn off for a server on loopback.</summary>
    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    [Required]
    [EmailAddress]
    public string From { get; set; } = "rekindle@localhost";

    public string FromName { get; set; } = "Rekindle";

    /// <summary>Folder for .eml files when there is no SMTP host. Empty: <c>mail</c> under the data folder.</summary>
    public string? PickupFolder { get; set; }

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(SmtpUserName) && string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("Email:SmtpPassword is required with Email:SmtpUserName.", [nameof(SmtpPassword)]);
        }
    }
}
