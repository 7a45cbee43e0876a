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

    [Fact]
    public async Task With_a_collector_configured_metrics_and_traces_go_to_it_without_secrets()
    {
        var port = TestMailbox.FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentBag<(string Path, string Body)>();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.Add((context.Request.Url!.AbsolutePath, Encoding.Latin1.GetString(body.ToArray())));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        const string secret = "Feedsecretmarker0123456789abcdef";
        const string code = "INVITECODEMARKER";
        var app = new RekindleFactory(
            TestProvider.Sqlite,
            new Dictionary<string, string?>
            {
                ["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}",
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
        for (var i = 0; i < 100 && !(received.Any(r => r.Path == "/v1/traces") && received.Any(r => r.Path == "/v1/metrics")); i++)
        {
            await Task.Delay(100);
        }

        collector.Stop();
        await listening;
        Assert.Contains(received, r => r.Path == "/v1/traces" && r.Body.Contains("/account/login", StringComparison.Ordinal));
        Assert.Contains(received, r =>
            r.Path == "/v1/metrics" && r.Body.Contains("http.server.request.duration", StringComparison.Ordinal)
        );
        Assert.All(received, r => Assert.Contains("rekindle-test", r.Body, StringComparison.Ordinal));
        Assert.All(received, r => Assert.DoesNotContain(secret, r.Body, StringComparison.Ordinal));
        Assert.All(received, r => Assert.DoesNotContain(code, r.Body, StringComparison.Ordinal));
    }
}
