using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Email;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Features.Operator;

/// <summary>One registered health check as the admin page shows it: its name and status, never its description (a
/// description can carry connection details).</summary>
public sealed record AdminCheck(string Name, HealthStatus Status);

/// <summary>
/// The server's health for the admin page (decisions/0045): the release, each registered health check, the database
/// provider, and how mail goes out with how the last send went. Times and an error's type only: nothing of a message.
/// </summary>
public sealed record AdminHealthView(
    string Version,
    IReadOnlyList<AdminCheck> Checks,
    DatabaseProvider Database,
    string? SmtpHost,
    string? PickupFolder,
    DateTime? LastSentAt,
    DateTime? LastFailedAt,
    string? LastError
);

/// <summary>Reads the server's health as <see cref="AdminHealthView"/>; the checks run now, as /healthz runs them.</summary>
public sealed class AdminHealth(
    HealthCheckService checks,
    IOptions<DatabaseOptions> database,
    IOptions<EmailOptions> email,
    InstancePaths paths,
    MailStatus mail
)
{
    public async Task<AdminHealthView> HandleAsync(CancellationToken cancellationToken = default)
    {
        var report = await checks.CheckHealthAsync(cancellationToken);
        var options = email.Value;
        return new AdminHealthView(
            AppVersion.Current,
            [.. report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new AdminCheck(e.Key, e.Value.Status))],
            database.Value.Provider,
            options.UsesSmtp ? options.SmtpHost : null,
                // Where the mailer writes .eml files when there is no SMTP host (Mailer picks the same folder).
                options.UsesSmtp
                    ? null
                : string.IsNullOrWhiteSpace(options.PickupFolder) ? paths.Combine("mail")
                : Path.GetFullPath(options.PickupFolder),
            mail.LastSentAt,
            mail.LastFailedAt,
            mail.LastError
        );
    }
}
