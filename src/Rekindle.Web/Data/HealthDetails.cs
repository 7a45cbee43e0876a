using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Data;

/// <summary>
/// <c>/healthz/details</c>: the overall status, the running version and each check's status as JSON, for an operator after an
/// upgrade or a monitor that reads more than the status code. Names and statuses only: never a check's description, an
/// exception's message or a path (<c>/healthz</c> itself stays plain text for probes).
/// </summary>
public static class HealthDetails
{
    public const string Path = "/healthz/details";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["version"] = AppVersion.Current,
            ["checks"] = report
                .Entries.OrderBy(e => e.Key, StringComparer.Ordinal)
                .ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    public static HealthCheckOptions Options { get; } = new() { ResponseWriter = WriteAsync };
}
