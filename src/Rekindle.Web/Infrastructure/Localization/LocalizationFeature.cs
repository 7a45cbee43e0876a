using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure.Localization;

public static class LocalizationFeature
{
    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");

        // The resources' text, or the pseudo-language's when a test configured it and it is the request's (PseudoLanguage).
        builder.Services.Replace(
            ServiceDescriptor.Singleton<IStringLocalizerFactory>(sp => new PseudoLocalizerFactory(
                ActivatorUtilities.CreateInstance<ResourceManagerStringLocalizerFactory>(sp)
            ))
        );
        builder
            .Services.AddOptions<LanguageOptions>()
            .BindConfiguration(LanguageOptions.Section)
            .Validate(o => LanguageOptions.Problem(o.Languages) is null, "Localization:Languages is not valid.")
            .ValidateOnStart();

        // The message names the unknown cultures: checked here too, so start-up stops with it.
        var configured = builder.Configuration.GetSection(LanguageOptions.Section).Get<LanguageOptions>() ?? new LanguageOptions();
        if (LanguageOptions.Problem(configured.Languages) is { } problem)
        {
            throw new OptionsValidationException(LanguageOptions.Section, typeof(LanguageOptions), [problem]);
        }

        builder.Services.AddSingleton(sp => new Languages(sp.GetRequiredService<IOptions<LanguageOptions>>().Value.Languages));
        return builder;
    }

    /// <summary>
    /// The request's culture: the signed-in member's choice, else the browser's Accept-Language
    /// limited to the configured list, else the default. Runs after authentication so it knows the member.
    /// </summary>
    public static WebApplication UseLanguages(this WebApplication app)
    {
        var languages = app.Services.GetRequiredService<Languages>();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(languages.Default),
            SupportedCultures = [.. languages.All],
            SupportedUICultures = [.. languages.All],

            // "en" from a browser does not pick "en-US" by itself: only listed cultures, by exact name.
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(new MemberCultureProvider(languages));
        options.RequestCultureProviders.Add(new AcceptLanguageHeaderRequestCultureProvider { MaximumAcceptLanguageHeaderValuesToTry = 5 });

        // One query for both: the member's language (for the culture) and time zone (for MemberTime).
        app.Use(
            async (context, next) =>
            {
                var reader = await MemberCultureProvider.ReaderAsync(context);
                using var zone = MemberTime.Use(
                    reader is null ? TimeZoneInfo.Utc : Features.Account.MemberPreferences.FindZone(reader.TimeZone ?? "UTC")
                );
                await next(context);
            }
        );
        app.UseRequestLocalization(options);
        return app;
    }
}

/// <summary>The signed-in member's own choice of language, when they made one that is still offered.</summary>
internal sealed class MemberCultureProvider(Languages languages) : RequestCultureProvider
{
    internal sealed record Reader(string? Language, string? TimeZone);

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(
            httpContext.Items[typeof(Reader)] is Reader reader && languages.Find(reader.Language) is { } culture
                ? new ProviderCultureResult(culture.Name)
                : null
        );

    /// <summary>The signed-in member's language and zone, read once per request; null for visitors.</summary>
    internal static async Task<Reader?> ReaderAsync(HttpContext context)
    {
        if (!Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var memberId))
        {
            return null;
        }

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var reader = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == memberId)
            .Select(u => new Reader(
                u.Language,
                db.MemberPreferences.Where(p => p.MemberId == u.Id).Select(p => p.TimeZone).FirstOrDefault()
            ))
            .FirstOrDefaultAsync(context.RequestAborted);
        context.Items[typeof(Reader)] = reader;
        return reader;
    }
}
