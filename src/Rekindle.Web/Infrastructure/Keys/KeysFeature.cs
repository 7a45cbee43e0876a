using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Keys;

public static class KeysFeature
{
    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section);
        builder.Services.AddSingleton(sp => MasterKey.Load(
            sp.GetRequiredService<IOptions<KeyOptions>>().Value,
            sp.GetRequiredService<InstancePaths>().DataPath,
            sp.GetRequiredService<IWebHostEnvironment>().IsDevelopment()));
        // Cookie and token keys live with the instance's data, so sign-ins survive a restart and
        // every server behind one data folder agrees on them.
        var dataPath = new InstancePaths(builder.Environment.ContentRootPath,
            builder.Configuration.GetSection(InstanceOptions.Section).Get<InstanceOptions>() ?? new InstanceOptions()).DataPath;
        builder.Services.AddDataProtection()
            .SetApplicationName("Rekindle")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys", "data-protection")));
        return builder;
    }

    /// <summary>Loads the master key now, so a missing or broken key stops the start instead of failing a request later.</summary>
    public static void LoadKeys(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<MasterKey>();
        app.Logger.LogInformation("Master key loaded from {Source}", key.Source);
    }
}
