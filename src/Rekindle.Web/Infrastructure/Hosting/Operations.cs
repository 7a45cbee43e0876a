using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>Running behind a reverse proxy: which proxies may tell the app the visitor's address and scheme.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (e.g. 127.0.0.1).</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form (e.g. 10.0.0.0/8 for a container network).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>
/// Metrics, traces and logs over OTLP, only when an endpoint is configured. The standard OTEL_EXPORTER_OTLP_ENDPOINT (with
/// OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES) wins over this section when set.
/// </summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP collector (e.g. http://otel-collector:4318). Empty: nothing is exported.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>HttpProtobuf</c> (port 4318) or <c>Grpc</c> (port 4317).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.HttpProtobuf;

    public string ServiceName { get; set; } = "rekindle";
}

/// <summary>The app's own counters, next to ASP.NET Core's, the HTTP client's and the runtime's.</summary>
public static class RekindleMetrics
{
    public const string MeterName = "Rekindle";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Emails sent by the notice job, by kind (a number, never an address).</summary>
    public static readonly Counter<long> NoticesSent = Meter.CreateCounter<long>(
        "rekindle.notices.sent",
        description: "Notice emails sent"
    );
}

/// <summary>
/// What an operator needs around the app (docs/OPERATIONS.md): forwarded headers from a trusted proxy,
/// and OpenTelemetry metrics, traces (with database spans) and logs when a collector is configured. Traces never carry a query
/// string's values or the calendar feed's secret address.
/// </summary>
public static class OperationsFeature
{
    private const string StandardEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string StandardProtocol = "OTEL_EXPORTER_OTLP_PROTOCOL";

    /// <summary>
    /// OTEL_SERVICE_NAME, or service.name in OTEL_RESOURCE_ATTRIBUTES (both read by the SDK), else Telemetry:ServiceName.
    /// </summary>
    private static void NameService(ResourceBuilder resource, ConfigurationManager configuration, TelemetryOptions telemetry)
    {
        var named =
            !string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])
            || (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "").Split(',').Any(pair => pair.Split('=')[0].Trim() == "service.name");
        if (!named)
        {
            resource.AddService(telemetry.ServiceName);
        }
    }

    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var proxy = builder.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        // Read now, so a mistyped address stops the start with one line (StartupErrors), not a failing first request.
        var proxies = proxy
            .KnownProxies.Select(address =>
                IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new BadSettingException(
                        $"Proxy:KnownProxies has \"{address}\", which is not an IP address (for example 127.0.0.1)."
                    )
            )
            .ToList();
        var networks = proxy
            .KnownNetworks.Select(network =>
                System.Net.IPNetwork.TryParse(network, out var range)
                    ? range
                    : throw new BadSettingException(
                        $"Proxy:KnownNetworks has \"{network}\", which is not a network in CIDR form (for example 172.18.0.0/16)."
                    )
            )
            .ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named here are believed; by default none, so a visitor cannot claim another address.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var address in proxies)
            {
                options.KnownProxies.Add(address);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            options.ForwardLimit = 1;
        });

        var telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        // The standard OTEL_ variables win over the app's Telemetry section: they are what collectors, hosts and their guides set.
        var standardEndpoint = builder.Configuration[StandardEndpoint];
        if (string.IsNullOrWhiteSpace(standardEndpoint) && string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint))
        {
            return builder;
        }

        var otel = builder
            .Services.AddOpenTelemetry()
            .ConfigureResource(resource => NameService(resource, builder.Configuration, telemetry));
        otel.WithMetrics(metrics =>
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(RekindleMetrics.MeterName)
            )
            .WithTracing(tracing =>
                tracing
                    .AddAspNetCoreInstrumentation(options =>
                    {
                        // The feed's address is its secret: such requests are not traced at all.
                        options.Filter = context =>
                            !context.Request.Path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase);
                        options.RecordException = false;
                    })
                    .AddHttpClientInstrumentation()
                    // Each database command is a span (SQLite and PostgreSQL alike). Its text is the SQL EF Core wrote, with
                    // @p placeholders and any literal replaced by the instrumentation; what people wrote only ever travels
                    // as a parameter, and parameter values are never recorded (the instrumentation's default, which this
                    // package exposes no switch to change), sealed or not.
                    .AddEntityFrameworkCoreInstrumentation()
            )
            // The app's ILogger output (ids only, never content) goes to the collector too.
            .WithLogging(logging => { }, options => options.IncludeScopes = false);
        if (!string.IsNullOrWhiteSpace(standardEndpoint))
        {
            // As the OpenTelemetry SDK reads them: endpoint, headers, per-signal endpoints. The protocol defaults to
            // http/protobuf (the specification's default; the .NET exporter's own default is gRPC).
            if (string.IsNullOrWhiteSpace(builder.Configuration[StandardProtocol]))
            {
                builder.Configuration.AddInMemoryCollection([new(StandardProtocol, "http/protobuf")]);
            }

            otel.UseOtlpExporter();
        }
        else
        {
            otel.UseOtlpExporter(telemetry.OtlpProtocol, new Uri(telemetry.OtlpEndpoint!));
        }

        return builder;
    }

    /// <summary>
    /// Forwarded headers only when a proxy is configured: with empty lists the middleware would
    /// believe any sender's X-Forwarded-For (seen in a test), letting a visitor pick the address the
    /// guessing limits count.
    /// </summary>
    public static void UseOperations(this WebApplication app)
    {
        var proxy = app.Configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        if (proxy.KnownProxies.Count > 0 || proxy.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}
