using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Features.Safety;

public sealed record SafetyTip(string Title, string Text);

public sealed record SafetyService(string Region, string Name, string Phone, string Text, string? Web);

public sealed record SafetyResourceSet(string Language, string Intro, string Emergency, IReadOnlyList<SafetyTip> General, IReadOnlyList<SafetyService> Services);

public sealed class SafetyResourcesOptions
{
    public const string Section = "SafetyResources";

    /// <summary>
    /// A folder of the operator's own <c>safety-resources.{language}.json</c> files (same shape as
    /// Content/support/safety-resources.en.json), for the helplines of their region. Empty: the built-in set.
    /// </summary>
    public string? Folder { get; set; }

    public string Language { get; set; } = "en";
}

/// <summary>Individual safety resources, shown to whoever opens /safety: a member whose safety screen raised a concern is sent there.</summary>
public static class SafetyResources
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Path = "/safety";

    public static WebApplicationBuilder AddSafetyResources(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SafetyResourcesOptions>().BindConfiguration(SafetyResourcesOptions.Section);
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<SafetyResourcesOptions>>().Value;
            var file = $"safety-resources.{options.Language}.json";
            var path = string.IsNullOrWhiteSpace(options.Folder)
                ? System.IO.Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "support", file)
                : System.IO.Path.Combine(System.IO.Path.GetFullPath(options.Folder), file);
            using var stream = File.OpenRead(path);
            var set = JsonSerializer.Deserialize<SafetyResourceSet>(stream, Json);
            if (set is null || string.IsNullOrWhiteSpace(set.Intro) || string.IsNullOrWhiteSpace(set.Emergency))
            {
                throw new InvalidDataException($"{path} needs at least an intro and an emergency line.");
            }

            // Only plain https links to the organisations themselves; anything else is dropped, never rendered.
            return set with { Services = set.Services.Select(s => s with { Web = IsHttps(s.Web) ? s.Web : null }).ToList() };
        });
        return builder;
    }

    private static bool IsHttps(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
