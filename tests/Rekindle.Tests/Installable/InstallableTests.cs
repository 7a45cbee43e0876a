using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rekindle.Testing;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Installable;

/// <summary>Issue 13, installable: the manifest, our icons, the service worker and the offline page it keeps.</summary>
public sealed partial class InstallableTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_manifest_is_valid_json_with_everything_an_install_needs_in_the_apps_colours()
    {
        using var browser = app.NewBrowser();
        var response = await browser.Client.GetAsync("/manifest.webmanifest");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = manifest.RootElement;
        Assert.Equal("Rekindle", root.GetProperty("name").GetString());
        Assert.Equal("Rekindle", root.GetProperty("short_name").GetString());
        Assert.Equal("/", root.GetProperty("start_url").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());

        // The splash screen is the page's background, the bar is the header's surface: app.css's own tokens.
        var css = await browser.Client.GetStringAsync(StylesheetOf((await browser.GetAsync("/account/login")).Html));
        Assert.Equal(Token(css, "bg"), root.GetProperty("background_color").GetString());
        Assert.Equal(Token(css, "surface"), ExpandHex(root.GetProperty("theme_color").GetString()!));

        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        foreach (var icon in icons)
        {
            var src = icon.GetProperty("src").GetString()!;
            var file = await browser.Client.GetAsync(src);
            Assert.True(file.StatusCode == HttpStatusCode.OK, src + " is missing");
            Assert.Equal(icon.GetProperty("type").GetString(), file.Content.Headers.ContentType?.MediaType);
            if (icon.GetProperty("type").GetString() == "image/png")
            {
                var (width, height) = PngSize(await file.Content.ReadAsByteArrayAsync());
                Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
            }
        }

        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "192x192" && i.GetProperty("type").GetString() == "image/png");
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512" && i.GetProperty("type").GetString() == "image/png");
        Assert.Contains(icons, i => i.GetProperty("purpose").GetString() == "maskable" && i.GetProperty("type").GetString() == "image/png");
        Assert.Contains(icons, i => i.GetProperty("type").GetString() == "image/svg+xml");
    }

    [Fact]
    public async Task Every_page_links_the_manifest_an_apple_touch_icon_and_a_theme_colour_for_each_scheme()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/account/login");
        Assert.Equal("/manifest.webmanifest", page.Find("link[rel=manifest]")?.GetAttribute("href"));
        var touch = page.Find("link[rel=apple-touch-icon]")?.GetAttribute("href");
        Assert.NotNull(touch);
        var (width, height) = PngSize(await browser.Client.GetByteArrayAsync(touch));
        Assert.Equal((180, 180), (width, height));
        var themes = page.Document.QuerySelectorAll("meta[name=theme-color]").Select(m => m.GetAttribute("media")).ToList();
        Assert.Contains("(prefers-color-scheme: light)", themes);
        Assert.Contains("(prefers-color-scheme: dark)", themes);
        Assert.Equal("light dark", page.Find("meta[name=color-scheme]")?.GetAttribute("content"));
        Assert.NotNull(page.Find("script[src*=sw-register]"));
    }

    [Fact]
    public async Task The_service_worker_is_javascript_from_the_root_revalidated_and_keeps_only_the_offline_page_and_its_files()
    {
        var (browser, _) = await MemberAsync(app, "Wren");
        using var _browser = browser;
        var response = await browser.Client.GetAsync("/sw.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache, "sw.js must be revalidated");
        Assert.False(response.Headers.CacheControl?.NoStore);
        var script = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(
            "/*",
            script.Split('\n').Single(l => l.StartsWith("const FILES", StringComparison.Ordinal)),
            StringComparison.Ordinal
        );
        Assert.Matches("const CACHE = \"rekindle-[0-9a-f]{12}\";", script);

        // Exactly the files the offline page loads (fingerprinted as the page links them), each served.
        var files = JsonSerializer.Deserialize<string[]>(FilesLine().Match(script).Groups[1].Value)!;
        var offline = await browser.GetAsync("/offline");
        var linked = offline
            .Document.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .Order()
            .ToArray();
        Assert.Equal(linked, files.Order().ToArray());
        foreach (var file in files)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync(file)).StatusCode);
            Assert.DoesNotMatch("\\.(html?)$|^/(account|couple|talk|understand|repair)", file);
        }
    }

    [Fact]
    public async Task The_offline_page_is_the_same_for_a_member_as_for_anyone_and_holds_nothing_of_theirs()
    {
        using var anonymous = app.NewBrowser();
        var everyone = await anonymous.GetAsync("/offline");
        Assert.Equal(HttpStatusCode.OK, everyone.Status);
        Assert.Equal("You're offline", everyone.TextOf("h1"));

        var (member, email) = await MemberAsync(app, "Saffron");
        using var _member = member;
        var response = await member.Client.GetAsync("/offline");
        Assert.True(response.Headers.CacheControl?.NoCache);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(everyone.Html, html);
        Assert.DoesNotContain("Saffron", html, StringComparison.Ordinal);
        Assert.DoesNotContain(email, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<form", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("__RequestVerificationToken", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign out", html, StringComparison.Ordinal);
    }

    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(
            png.Length > 24 && png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }),
            "not a PNG"
        );
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static string StylesheetOf(string html) => Regex.Match(html, "<link rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;

    // The light token in :root (the first definition in the file).
    private static string Token(string css, string name) =>
        ExpandHex(Regex.Match(css, "--" + name + ":(#[0-9a-fA-F]{3,6})").Groups[1].Value);

    private static string ExpandHex(string hex) =>
        hex.Length == 4 ? "#" + string.Concat(hex[1..].Select(c => $"{c}{c}")) : hex.ToLowerInvariant();

    [GeneratedRegex("const FILES = (\\[[^\\]]*\\]);")]
    private static partial Regex FilesLine();
}
