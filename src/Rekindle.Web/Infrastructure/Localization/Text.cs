using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Infrastructure.Localization;

/// <summary>
/// Interface text made in C# (handler messages, rules' sentences, document text): <c>Text.Of("English
/// key with {0}", value)</c> reads the key in the current UI culture's language and fills it in with
/// the current culture's formats. The key is always a literal, so the resource check can collect it;
/// variable parts go in as arguments, never interpolated into the key.
/// </summary>
/// <remarks>
/// A static localizer rather than an injected one because much of this text is made in pure, static
/// rules (TalkText.Problem, SelfCareRules, StrainText) that pages, handlers and the API share. It reads
/// the same resources as the injected <c>IStringLocalizer&lt;SharedResource&gt;</c> and depends only on
/// the ambient culture, which the request (or a <see cref="CultureScope"/>) sets.
/// </remarks>
public static class Text
{
    private static readonly IStringLocalizer Localizer = new PseudoLocalizerFactory(
        new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }),
            NullLoggerFactory.Instance
        )
    ).Create(typeof(SharedResource));

    /// <summary>The key in the current language, its placeholders filled with <paramref name="arguments"/>.</summary>
    public static string Of(string key, params object?[] arguments) =>
        arguments.Length == 0 ? Localizer[key].Value : Localizer[key, arguments!].Value;
}
