using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rekindle.Web.Features.Guided;

/// <summary>
/// The lesson library (/program/lessons, decisions/0043): every lesson of the guided program, searchable and readable on
/// its own. It reads content only and stores nothing, so it adds no export. The <see cref="Lessons"/> singleton is the
/// program's; it is registered here too (TryAdd) so the library stands on its own.
/// </summary>
public static class LibraryFeature
{
    public static WebApplicationBuilder AddLibrary(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(sp =>
            Lessons.Load(
                Path.Combine(sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath, "Content", "program"),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Understand.UnderstandOptions>>().Value.Language
            )
        );
        builder.Services.AddScoped<SearchLessons>();
        builder.Services.AddScoped<ReadLesson>();
        return builder;
    }
}
