using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Rekindle.Web.Data;

/// <summary>Healthy when the database answers a query against our own schema (so migrations ran).</summary>
internal sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Couples.AsNoTracking().AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception type only: messages can carry connection details.
            return HealthCheckResult.Unhealthy("The database did not answer: " + ex.GetType().Name);
        }
    }
}
