using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rekindle.Web.Infrastructure.Email;

/// <summary>
/// Mail from what the app already knows, never by connecting to the SMTP server on a probe: healthy while the last send
/// did not fail after the last success (emails go by SMTP, or to the pickup folder when no host is set), degraded when the
/// last send failed. A probe stays 200 when degraded: the app still serves (docs/OPERATIONS.md, Monitoring).
/// </summary>
internal sealed class MailHealthCheck(MailStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            status.LastFailedAt is { } failed && (status.LastSentAt is not { } sent || failed > sent)
                // The error's type only, which MailStatus keeps: never an address or a server's reply.
                ? HealthCheckResult.Degraded("The last email could not be sent: " + status.LastError)
                : HealthCheckResult.Healthy()
        );
}
