using System.Text.Json;
using Microsoft.Playwright;
using Rekindle.Testing;

namespace Rekindle.EndToEndTests;

/// <summary>
/// axe-core, the accessibility engine, run inside Chromium on a page. The file comes from npm
/// (package.json here; scripts/test.sh runs npm ci) and is copied beside the tests at build time:
/// a test-only tool, never part of the app or its wwwroot.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new SkipTestException(
                "Needs axe-core: run `npm ci` in tests/Rekindle.EndToEndTests (Node and npm; scripts/test.sh does), " + "then build again."
            );
    });

    public sealed record Violation(string Page, string Id, string Impact, string Help, string[] Targets)
    {
        public override string ToString() => $"{Page}: {Id} ({Impact}) {Help} at {string.Join(" | ", Targets)}";
    }

    /// <summary>
    /// Every axe violation on the page as it is now. The context needs BypassCSP, because axe arrives as an
    /// inline script the app's CSP would refuse.
    /// </summary>
    public static async Task<IReadOnlyList<Violation>> CheckAsync(IPage page, string? onlyRule = null)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        }

        var options = onlyRule is null ? "{ resultTypes: ['violations'] }" : $"{{ resultTypes: ['violations'], runOnly: ['{onlyRule}'] }}";
        var found = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, "
                + options
                + ")).violations.map(v => ({ id: v.id, impact: v.impact || '', help: v.help, targets: v.nodes.map(n => n.target.join(' ')) }))"
        );
        var path = new Uri(page.Url).PathAndQuery;
        return found
            .EnumerateArray()
            .Select(v => new Violation(
                path,
                v.GetProperty("id").GetString()!,
                v.GetProperty("impact").GetString()!,
                v.GetProperty("help").GetString()!,
                v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!).ToArray()
            ))
            .ToList();
    }
}
