using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Rekindle.Testing;

namespace Rekindle.Tests.Platform;

/// <summary>
/// An https instance reached over plain http (a phone on the machine's own address, or a proxy the app does not trust):
/// sent to the public address, or a plain 400 and one log line saying what to set, never a 500 from a Secure-only form
/// cookie (decisions/0045; found by following the README on two phones).
/// </summary>
public sealed class HttpsOnlyTests : IAsyncLifetime
{
    private readonly RekindleFactory app = new(TestProvider.Sqlite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await app.DisposeAsync();

    private HttpClient At(string address) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(address), AllowAutoRedirect = false });

    [Fact]
    public async Task A_page_opened_on_another_address_over_http_is_sent_to_the_public_https_address()
    {
        using var client = At("http://192.0.2.2:8080");
        using var page = await client.GetAsync("/account/register?return=%2Fjoin");

        Assert.Equal(HttpStatusCode.TemporaryRedirect, page.StatusCode);
        Assert.Equal("https://localhost/account/register?return=%2Fjoin", page.Headers.Location?.AbsoluteUri);

        using var form = await client.PostAsync("/account/login", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
    }

    [Fact]
    public async Task Plain_http_under_the_public_name_gets_a_plain_answer_and_one_log_line_instead_of_an_error()
    {
        using var client = At("http://localhost");
        foreach (var path in new[] { "/account/register", "/account/login", "/" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(
                "This Rekindle server answers on https://localhost only, over https.",
                (await response.Content.ReadAsStringAsync()).Trim()
            );
        }

        var warning = Assert.Single(app.Logs.Lines, l => l.Contains("A request came over plain http", StringComparison.Ordinal));
        Assert.Contains("Proxy:KnownProxies", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_probes_answer_over_http_and_pages_over_https_as_before()
    {
        using var probe = At("http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/healthz/details")).StatusCode);

        using var secure = At("https://localhost");
        Assert.Equal(HttpStatusCode.OK, (await secure.GetAsync("/account/register")).StatusCode);
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("A request came over plain http", StringComparison.Ordinal));
    }
}
