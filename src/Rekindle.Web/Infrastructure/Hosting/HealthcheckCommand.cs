using System.Globalization;
using System.Net;

namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>
/// <c>Rekindle.Web healthcheck [address]</c>: asks a running Rekindle for <c>/healthz</c> and says in one line what it
/// answered; exit code 0 for 200, 1 otherwise, 2 for a usage error. For a container's health check (the runtime image has
/// no curl). Program runs it before the host is built: no settings, no database, no keys, so it answers in a moment.
/// Without an address it asks http://127.0.0.1 on the first port in ASPNETCORE_HTTP_PORTS (8080 when unset, as in the
/// image).
/// </summary>
public static class HealthcheckCommand
{
    public const string Name = "healthcheck";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var address =
            args.Length <= 2 ? Address(args.ElementAtOrDefault(1), Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")) : null;
        if (address is null)
        {
            await output.WriteLineAsync("usage: healthcheck [http://127.0.0.1:8080/healthz]");
            return 2;
        }

        using var client = new HttpClient { Timeout = Timeout };
        try
        {
            using var response = await client.GetAsync(address, HttpCompletionOption.ResponseHeadersRead);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                await output.WriteLineAsync($"healthy: {address} answered 200.");
                return 0;
            }

            await output.WriteLineAsync($"unhealthy: {address} answered {(int)response.StatusCode}.");
            return 1;
        }
        catch (HttpRequestException e)
        {
            await output.WriteLineAsync($"unhealthy: no answer from {address} ({e.HttpRequestError}).");
            return 1;
        }
        catch (TaskCanceledException)
        {
            await output.WriteLineAsync($"unhealthy: no answer from {address} within {Timeout.TotalSeconds:0} seconds.");
            return 1;
        }
    }

    /// <summary>The address to ask: the one given (its /healthz when it names no path), else the loopback on the app's port.</summary>
    internal static Uri? Address(string? given, string? httpPorts)
    {
        if (given is not null)
        {
            if (
                !Uri.TryCreate(given, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            )
            {
                return null;
            }

            return uri.AbsolutePath == "/" ? new Uri(uri, "/healthz") : uri;
        }

        var first = (httpPorts ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault();
        var port = int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : 8080;
        return new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/healthz");
    }
}
