using System.Globalization;

namespace Rekindle.Web.Infrastructure.Localization;

/// <summary>
/// One kind of content (questions, check-in prompts...) in every language it has a file for
/// (<c>kind.language.json</c>), read at start-up; <see cref="Current"/> is the one for the request's
/// language, else the fallback language's.
/// </summary>
public sealed class ByLanguage<T>
    where T : class
{
    private readonly IReadOnlyDictionary<string, T> _byLanguage;

    public ByLanguage(IReadOnlyDictionary<string, T> byLanguage, string fallback)
    {
        if (!byLanguage.ContainsKey(fallback))
        {
            throw new InvalidDataException($"{typeof(T).Name}: no content in the fallback language \"{fallback}\".");
        }

        _byLanguage = byLanguage;
        Fallback = fallback;
    }

    public string Fallback { get; }

    public IReadOnlyCollection<string> Languages => [.. _byLanguage.Keys];

    public T For(CultureInfo culture) => _byLanguage[ContentLanguages.Pick(_byLanguage.Keys, culture, Fallback)];

    /// <summary>The content in the current UI culture's language (the request's, or a <see cref="CultureScope"/>'s).</summary>
    public T Current => For(CultureInfo.CurrentUICulture);
}

public static class ContentLanguages
{
    /// <summary>
    /// The content language for a culture: its full name when there is a file for it ("pt-BR"), else its
    /// language ("pt"), else the fallback. Matched without regard to case.
    /// </summary>
    public static string Pick(IEnumerable<string> available, CultureInfo culture, string fallback)
    {
        var list = available.ToList();
        return list.FirstOrDefault(l => l.Equals(culture.Name, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(l => l.Equals(culture.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase))
            ?? fallback;
    }

    /// <summary>The languages of the files in <paramref name="folder"/> matching <paramref name="pattern"/> (e.g.
    /// "checkin.*.json").</summary>
    public static IReadOnlyList<string> In(string folder, string pattern) =>
        [
            .. Directory
                .EnumerateFiles(folder, pattern)
                .Select(f => Path.GetFileName(f).Split('.'))
                .Where(p => p.Length >= 3)
                .Select(p => p[^2])
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Order(StringComparer.Ordinal),
        ];

    /// <summary>
    /// Registers <typeparamref name="T"/> per request in the request's language: every language found
    /// by <paramref name="pattern"/> in <paramref name="folder"/> is loaded once (a broken file stops
    /// start-up when <see cref="ByLanguage{T}"/> is first resolved), with <paramref name="fallback"/> for the rest.
    /// </summary>
    public static IServiceCollection AddContentByLanguage<T>(
        this IServiceCollection services,
        Func<IServiceProvider, string> folder,
        string pattern,
        Func<IServiceProvider, string> fallback,
        Func<string, string, T> load
    )
        where T : class
    {
        services.AddSingleton(sp =>
        {
            var where = folder(sp);
            return new ByLanguage<T>(
                In(where, pattern).ToDictionary(l => l, l => load(where, l), StringComparer.OrdinalIgnoreCase),
                fallback(sp)
            );
        });
        services.AddScoped(sp => sp.GetRequiredService<ByLanguage<T>>().Current);
        return services;
    }
}
