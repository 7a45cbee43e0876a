using Microsoft.Extensions.Options;

namespace Rekindle.Web.Features.Support;

public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>
    /// The operator's own directory file (same shape as Content/support/directory.en.json), for the
    /// professionals and services of their region. Empty: the built-in national list.
    /// </summary>
    public string? DirectoryFile { get; set; }
}

public static class SupportFeature
{
    public static WebApplicationBuilder AddSupport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.Section);
        builder.Services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<SupportOptions>>().Value.DirectoryFile;
            var path = string.IsNullOrWhiteSpace(file)
                ? Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "support", "directory.en.json")
                : Path.GetFullPath(file);
            return SupportDirectory.Load(path);
        });
        builder.Services.AddScoped<GetMySupport>();
        return builder;
    }

    /// <summary>Loads the directory now, so a broken file stops the start rather than a member's visit.</summary>
    public static void LoadSupportContent(this WebApplication app) => app.Services.GetRequiredService<SupportDirectory>();
}
