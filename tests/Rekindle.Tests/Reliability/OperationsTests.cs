using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Rekindle.Testing;

namespace Rekindle.Tests.Reliability;

/// <summary>Behind a reverse proxy, and watched by a collector: what docs/OPERATIONS.md promises.</summary>
public sealed class OperationsTests
{
    /// <summary>Three sign-in attempts from the addresses given, with a limit of two per address: which were refused.</summary>
    private static async Task<List<bool>> RefusedAsync(AppProcess server, params string[] forwardedFor)
    {
        var browser = server.NewBrowser();
        var token = (await browser.GetAsync("/account/login")).Find("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = new List<bool>();
        foreach (var address in forwardedFor)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
            {
                Content = new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["__RequestVerificationToken"] = token,
                        ["_handler"] = "login",
                        ["Input.Email"] = "nobody@example.org",
                        ["Input.Password"] = "wrong password here",
                    }
                ),
            };
            request.Headers.Add("X-Forwarded-For", address);
            using var response = await browser.Client.SendAsync(request);
            refused.Add(response.StatusCode == HttpStatusCode.TooManyRequests);
        }

        return refused;
    }

    [Fact]
    public async Task Forwarded_addresses_count_only_from_a_trusted_proxy()
    {
        await using var instances = new Instances();
        var behindProxy = instances.Settings(TestProvider.Sqlite);
        behindProxy["GuessLimits:PermitLimit"] = "2";
        behindProxy["Proxy:KnownProxies:0"] = "127.0.0.1";
        await using (var server = new AppProcess(behindProxy))
        {
            await server.StartAsync();
            // Each visitor the proxy names has a limit of their own.
            Assert.Equal(
                [false, false, true, false],
                await RefusedAsync(server, "203.0.113.7", "203.0.113.7", "203.0.113.7", "198.51.100.9")
            );
        }

        // Without a trusted proxy the header is ignored: a visitor cannot dodge the limit by naming another address.
        var direct = instances.Settings(TestProvider.Sqlite);
        direct["GuessLimits:PermitLimit"] = "2";
        await using (var server = new AppProcess(direct))
        {
            await server.StartAsync();
            Assert.Equal(
                [false, false, true, true],
                await RefusedAsync(server, "203.0.113.7", "203.0.113.8", "203.0.113.9", "198.51.100.9")
            );
        }
    }

    /// <summary>A local OTLP/HTTP collector: it accepts every export and keeps its path and body.</summary>
    private sealed class Collector : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _listening;

        public Collector()
        {
            Port = TestMailbox.FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _listening = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    using var body = new MemoryStream();
                    await context.Request.InputStream.CopyToAsync(body);
                    Received.Add((context.Request.Url!.AbsolutePath, Encoding.Latin1.GetString(body.ToArray())));
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
            });
        }

        public int Port { get; }

        public ConcurrentBag<(string Path, string Body)> Received { get; } = [];

        /// <summary>Waits (up to ten seconds) until every path has been received, then stops listening.</summary>
        public async Task<List<(string Path, string Body)>> StopAfterAsync(params string[] paths)
        {
            for (var i = 0; i < 100 && !paths.All(path => Received.Any(r => r.Path == path)); i++)
            {
                await Task.Delay(100);
            }

            await DisposeAsync();
            return [.. Received];
        }

        public async ValueTask DisposeAsync()
        {
            if (_listener.IsListening)
            {
                _listener.Stop();
                await _listening;
            }

            _listener.Close();
        }
    }

    [Fact]
    public async Task With_a_collector_configured_metrics_and_traces_go_to_it_without_secrets()
    {
        await using var collector = new Collector();
        const string secret = "Feedsecretmarker0123456789abcdef";
        const string code = "INVITECODEMARKER";
        var app = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?>
            {
                ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{collector.Port}",
                ["Telemetry:ServiceName"] = "rekindle-test",
            }
        );
        await using (app)
        {
            var browser = app.NewBrowser();
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).Status);
            await browser.GetAsync($"/calendar/{secret}.ics");
            await browser.GetAsync($"/join?code={code}");
        }

        // Disposing the app flushed both exporters.
        var received = await collector.StopAfterAsync("/v1/traces", "/v1/metrics");
        Assert.Contains(received, r => r.Path == "/v1/traces" && r.Body.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains(received, r =>
            r.Path == "/v1/metrics" && r.Body.Contains("http.server.request.duration", StringComparison.Ordinal)
        );
        Assert.All(received, r => Assert.Contains("rekindle-test", r.Body, StringComparison.Ordinal));
        Assert.All(received, r => Assert.DoesNotContain(secret, r.Body, StringComparison.Ordinal));
        Assert.All(received, r => Assert.DoesNotContain(code, r.Body, StringComparison.Ordinal));
    }

    /// <summary>
    /// Only the standard variables, as a host or a collector's guide sets them (the SDK reads them from configuration, which
    /// environment variables feed): traces with database spans, logs and metrics arrive, named by OTEL_SERVICE_NAME, and no
    /// payload carries an email address, a first name or anything a member wrote.
    /// </summary>
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.Postgres)]
    public async Task The_standard_OTEL_variables_export_database_spans_logs_and_metrics_without_content(TestProvider provider)
    {
        await using var collector = new Collector();
        const string marker = "PRIVATEMARKERotel";
        string[] emails;
        var app = new RekindleFactory(
            provider,
            new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{collector.Port}",
                ["OTEL_SERVICE_NAME"] = "rekindle-standard",
                ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment.name=home",
            }
        );
        await using (app)
        {
            var (ana, anaEmail) = await Journeys.MemberAsync(app, "Anneliese");
            var (ben, benEmail) = await Journeys.MemberAsync(app, "Bartholomew");
            emails = [anaEmail, benEmail];
            await Journeys.JoinAsync(ben, await Journeys.InviteAsync(ana));
            // Saved (sealed) in the database: CheckInAsync fails otherwise.
            await Journeys.CheckInAsync(ana, marker, 4);
        }

        var received = await collector.StopAfterAsync("/v1/traces", "/v1/metrics", "/v1/logs");
        var traces = received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.Contains(traces, r => r.Body.Contains("/talk/check-in", StringComparison.Ordinal));
        // A database command as a span of its own, with its SQL text (placeholders for the values).
        Assert.Contains(traces, r =>
            r.Body.Contains("db.system", StringComparison.Ordinal) && r.Body.Contains("SELECT", StringComparison.Ordinal)
        );
        Assert.Contains(received, r => r.Path == "/v1/logs");
        Assert.Contains(received, r =>
            r.Path == "/v1/metrics" && r.Body.Contains("http.server.request.duration", StringComparison.Ordinal)
        );
        Assert.All(received, r => Assert.Contains("rekindle-standard", r.Body, StringComparison.Ordinal));
        Assert.Contains(received, r => r.Body.Contains("deployment.environment.name", StringComparison.Ordinal));
        foreach (var secret in emails.Concat(["Anneliese", "Bartholomew", marker]))
        {
            Assert.All(received, r => Assert.DoesNotContain(secret, r.Body, StringComparison.OrdinalIgnoreCase));
        }
    }
}
