using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Keys;

/// <summary>
/// Healthy when the key store answers and this instance's master key unwraps a data key from it (one row, no key is kept
/// or shown). An empty key store (no member yet) is healthy: there is nothing to open. Unhealthy with a wrong master key,
/// which would leave every sealed value shut.
/// </summary>
internal sealed class KeyStoreHealthCheck(KeyStoreDbContext keys, MasterKey master) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await keys.DataKeys.AsNoTracking().OrderBy(k => k.Id).FirstOrDefaultAsync(cancellationToken);
            return row is null || KeyRing.Opens(master, row)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The master key does not open the key store's keys.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception type only: messages can carry connection details.
            return HealthCheckResult.Unhealthy("The key store did not answer: " + ex.GetType().Name);
        }
    }
}
