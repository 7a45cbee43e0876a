namespace Rekindle.Web.Features.Progress;

/// <summary>The progress page: it reads what the other areas keep and stores nothing of its own (so it adds no export).</summary>
public static class ProgressFeature
{
    public static WebApplicationBuilder AddProgress(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GetProgress>();
        return builder;
    }
}
