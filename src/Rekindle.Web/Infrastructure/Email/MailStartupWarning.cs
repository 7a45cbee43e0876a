using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Email;

/// <summary>
/// Once the app serves, one plain line on the console when it cannot send email, saying where emails go and how the first
/// account is confirmed without them (decisions/0045); and one when the deprecated Email:SmtpUseTls is still set. Commands
/// (backup, accounts, send-test-email) never serve, so they never print it.
/// </summary>
internal sealed class MailStartupWarning(
    IOptions<EmailOptions> options,
    InstancePaths paths,
    IHostApplicationLifetime lifetime,
    ILogger<MailStartupWarning> logger
) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Warn);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Warn()
    {
        var email = options.Value;
        if (!email.UsesSmtp)
        {
            logger.LogWarning(
                "No email server is set (Email:SmtpHost), so emails are written to {Folder}. To confirm the first account without email, run the app's command accounts confirm you@example.org (in the container: docker compose exec rekindle dotnet Rekindle.Web.dll accounts confirm you@example.org), or open the newest .eml file there.",
                email.PickupFolderIn(paths)
            );
        }

        if (email.SmtpUseTls is not null)
        {
            logger.LogWarning(
                "Email:SmtpUseTls is deprecated and will be removed: set Email:SmtpSecurity to {Security} instead (StartTls, Tls or None).",
                email.Security
            );
        }
    }
}
