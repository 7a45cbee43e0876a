using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Keys;

public static class KeysFeature
{
    public static WebApplicationBuilder AddKeys(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<KeyOptions>().BindConfiguration(KeyOptions.Section);
        builder.Services.AddSingleton(sp =>
            MasterKey.Load(
                sp.GetRequiredService<IOptions<KeyOptions>>().Value,
                sp.GetRequiredService<InstancePaths>().DataPath,
                sp.GetRequiredService<IWebHostEnvironment>().IsDevelopment()
            )
        );
        // Cookie and token keys live in the key store, sealed with the master key: sign-ins survive a
        // restart, and every server sharing the key store agrees on them (decisions/0020).
        builder.Services.AddDataProtection().SetApplicationName("Rekindle");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new KeyStoreXmlRepository(sp.GetRequiredService<IServiceScopeFactory>());
            options.XmlEncryptor = new MasterKeyXmlEncryptor(sp.GetRequiredService<MasterKey>());
        }));
        return builder;
    }

    /// <summary>Loads the master key now, so a missing or broken key stops the start instead of failing a request later.</summary>
    public static void LoadKeys(this WebApplication app)
    {
        var key = app.Services.GetRequiredService<MasterKey>();
        if (key.Created)
        {
            // The only copy: without it nothing sealed opens again, so say so where the operator is looking.
            app.Logger.LogWarning(
                "A new master key was created at {Source}. Copy it somewhere safe, apart from the database and its backups: without it nothing sealed can be opened again.",
                key.Source
            );
            return;
        }

        app.Logger.LogInformation("Master key loaded from {Source}", key.Source);
    }
}
