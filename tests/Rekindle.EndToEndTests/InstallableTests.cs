using System.Text.Json;
using Microsoft.Playwright;
using Rekindle.Testing;

namespace Rekindle.EndToEndTests;

/// <summary>Issue 13, installable: the service worker registers, shows the offline page without a network, and keeps no member's
/// page.</summary>
public sealed class InstallableTests(ChromiumApp chromium) : IClassFixture<ChromiumApp>
{
    private const string CachedEntries = """
        async () => {
            const found = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) {
                    const response = await cache.match(request);
                    found.push({ cache: name, path: new URL(request.url).pathname, type: response.headers.get('content-type') || '' });
                }
            }
            return found;
        }
        """;

    [Fact]
    public async Task The_service_worker_registers_and_without_a_network_any_page_shows_the_offline_page()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        Assert.Equal("/", await page.EvaluateAsync<string>("async () => new URL((await navigator.serviceWorker.ready).scope).pathname"));
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");

        await context.SetOfflineAsync(true);
        foreach (var path in new[] { "/talk", "/account/register", "/" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You're offline");
            Assert.EndsWith(path, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        }

        // Styled from the kept stylesheet: the page's background is app.css's, not the browser's white.
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal(
            "auto",
            await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.querySelector('.brand')).fontWeight === '700' ? 'auto' : 'unstyled'"
            )
        );

        await context.SetOfflineAsync(false);
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("You're offline");
    }

    [Fact]
    public async Task After_a_member_uses_private_pages_the_cache_holds_no_page_but_the_offline_one()
    {
        await using var context = await chromium.NewContextAsync();
        var page = await context.NewPageAsync();
        await chromium.RegisterAndSignInAsync(page, "Cato", Journeys.NewEmail("cato"));
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        foreach (
            var path in new[] { "/", "/couple", "/talk", "/self-care", "/account/security", "/account/data", "/understand", "/repair" }
        )
        {
            await page.GotoAsync(path);
        }

        var entries = (await page.EvaluateAsync<JsonElement>(CachedEntries))
            .EnumerateArray()
            .Select(e =>
                (
                    Cache: e.GetProperty("cache").GetString()!,
                    Path: e.GetProperty("path").GetString()!,
                    Type: e.GetProperty("type").GetString()!
                )
            )
            .ToList();
        Assert.Contains(entries, e => e.Path == "/offline");
        var pages = entries.Where(e => e.Type.StartsWith("text/html", StringComparison.Ordinal)).Select(e => e.Path).ToList();
        Assert.Equal(["/offline"], pages);
        Assert.All(entries, e =>
            Assert.True(
                e.Path == "/offline"
                    || e.Path.StartsWith("/css/", StringComparison.Ordinal)
                    || e.Path.StartsWith("/js/", StringComparison.Ordinal)
                    || e.Path.StartsWith("/favicon", StringComparison.Ordinal),
                e.Path
            )
        );
        Assert.Single(entries.Select(e => e.Cache).Distinct()); // one versioned cache; older ones deleted on activate
    }
}
