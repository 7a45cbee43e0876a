using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Rekindle.Web.Features.MyData;

namespace Rekindle.Web.Features.Understand;

public sealed class UnderstandOptions
{
    public const string Section = "Understand";

    /// <summary>How long after a finished check the app suggests taking it again.</summary>
    [Range(7, 365)]
    public int RetakeAfterDays { get; set; } = 28;

    /// <summary>The content language (files Content/understand/*.{language}.json).</summary>
    [Required]
    public string Language { get; set; } = "en";

    /// <summary>Whether to suggest taking the check again (the Understand page and the API say so alike).</summary>
    public bool RetakeDue(DateTime completedAt, TimeProvider clock) =>
        completedAt.AddDays(RetakeAfterDays) <= clock.GetUtcNow().UtcDateTime;
}

public static class UnderstandFeature
{
    public static WebApplicationBuilder AddUnderstand(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<UnderstandOptions>()
            .BindConfiguration(UnderstandOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => CheckContent.Load(ContentPath(sp, "check")));
        builder.Services.AddSingleton(sp => PlanSteps.Load(ContentPath(sp, "plan-steps")));
        builder.Services.AddScoped<MyChecks>();
        builder.Services.AddScoped<SaveCheckPart>();
        builder.Services.AddScoped<GetCoupleMap>();
        builder.Services.AddScoped<ShareSummary>();
        builder.Services.AddScoped<StopSharingSummary>();
        builder.Services.AddScoped<GetMyPlan>();
        builder.Services.AddScoped<GetChanges>();
        builder.Services.AddScoped<TickPlanStep>();
        builder.Services.AddScoped<IExportSection, UnderstandExport>();
        builder.Services.AddScoped<Home.IWaitingSource, UnderstandWaiting>();
        return builder;
    }

    /// <summary>Loads the content now, so a broken file stops the start rather than a member's check.</summary>
    public static void LoadUnderstandContent(this WebApplication app)
    {
        app.Services.GetRequiredService<CheckContent>();
        app.Services.GetRequiredService<PlanSteps>();
        app.Services.GetRequiredService<Safety.SafetyResourceSet>();
    }

    private static string ContentPath(IServiceProvider services, string name)
    {
        var language = services.GetRequiredService<IOptions<UnderstandOptions>>().Value.Language;
        var root = services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        return Path.Combine(root, "Content", "understand", $"{name}.{language}.json");
    }
}
