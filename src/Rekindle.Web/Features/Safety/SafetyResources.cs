using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Rekindle.Web.Features.Safety;

public sealed record SafetyTip(string Title, string Text);

/// <summary>A country or nation a member can pick: its lines are shown first.</summary>
public sealed record SafetyCountry(string Code, string Name);

/// <summary>
/// One line to call. <see cref="Region"/> names, in words, the country or nation it serves;
/// <see cref="Serves"/> lists the same as country codes, for choosing. <see cref="Kind"/> is one of <see cref="HelplineKinds"/>.
/// </summary>
public sealed record SafetyService(
    string Region,
    string Name,
    string Phone,
    string Text,
    string? Web,
    string Kind = "",
    IReadOnlyList<string>? Serves = null
)
{
    public bool IsFor(string country) => Serves?.Contains(country, StringComparer.OrdinalIgnoreCase) == true;
}

/// <summary>What a line is for, in the order the safety page shows them.</summary>
public static class HelplineKinds
{
    public const string Emergency = "emergency";
    public const string DomesticAbuse = "domestic-abuse";
    public const string SexualViolence = "sexual-violence";
    public const string Crisis = "crisis";
    public const string OwnBehaviour = "own-behaviour";

    public static IReadOnlyList<string> All { get; } = [Emergency, DomesticAbuse, SexualViolence, Crisis, OwnBehaviour];
}

/// <summary>The safety page's content: <c>Checked</c> is the day its numbers were last checked against each service's own published
/// number.</summary>
public sealed record SafetyResourceSet(
    string Language,
    string Intro,
    string Emergency,
    IReadOnlyList<SafetyTip> General,
    IReadOnlyList<SafetyService> Services,
    IReadOnlyList<SafetyCountry>? Countries = null,
    DateOnly? Checked = null
)
{
    /// <summary>Shows every country's lines, one after another.</summary>
    public const string AllCountries = "all";

    public SafetyCountry? Country(string? code) =>
        Countries?.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>A country of this set or <see cref="AllCountries"/>, as the set spells it; anything else is null.</summary>
    public string? Known(string? code) =>
        string.Equals(code, AllCountries, StringComparison.OrdinalIgnoreCase) ? AllCountries : Country(code)?.Code;

    /// <summary>The lines of one kind for a country (every country's, in the file's order, for <see cref="AllCountries"/>).</summary>
    public IReadOnlyList<SafetyService> Lines(string country, string kind) =>
        Services
            .Where(s => s.Kind == kind && (country == AllCountries || s.IsFor(country)))
            .DistinctBy(s => (s.Name, s.Phone, s.Region))
            .ToList();
}

public sealed class SafetyResourcesOptions
{
    public const string Section = "SafetyResources";

    /// <summary>
    /// A folder of the operator's own <c>safety-resources.{language}.json</c> files (same shape as
    /// Content/support/safety-resources.en.json), for the helplines of their region. Empty: the built-in set.
    /// </summary>
    public string? Folder { get; set; }

    public string Language { get; set; } = "en";

    /// <summary>
    /// The country whose lines a visitor sees first until a member picks their own: a code from the
    /// file's countries, or "all". Empty: every country's lines. Checked against the file at start-up.
    /// </summary>
    public string? DefaultCountry { get; set; }
}

/// <summary>Individual safety resources, shown to whoever opens /safety: a member whose safety screen raised a concern is sent
/// there.</summary>
public static class SafetyResources
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Path = "/safety";

    /// <summary>Where a member whose answers point to hopelessness is sent: the crisis lines of their country.</summary>
    public const string CrisisPath = "/safety#crisis";

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
            var set = Load(path);
            if (!string.IsNullOrWhiteSpace(options.DefaultCountry) && set.Known(options.DefaultCountry.Trim()) is null)
            {
                // One line an operator can act on: what was given, and what would do.
                throw new OptionsValidationException(
                    SafetyResourcesOptions.Section,
                    typeof(SafetyResourcesOptions),
                    [
                        $"SafetyResources:DefaultCountry \"{options.DefaultCountry}\" is not a country in {file}; "
                            + $"use one of: {string.Join(", ", set.Countries!.Select(c => c.Code))}, {SafetyResourceSet.AllCountries}.",
                    ]
                );
            }

            return set;
        });
        builder.Services.AddScoped<HelplineCountry>();
        builder.Services.AddScoped<SaveHelplineCountry>();
        builder.Services.AddScoped<MyData.IExportSection, SafetyExport>();
        return builder;
    }

    /// <summary>Reads and checks a safety file: a broken one stops the start, with a message saying what is wrong.</summary>
    public static SafetyResourceSet Load(string path)
    {
        SafetyResourceSet? set;
        using (var stream = File.OpenRead(path))
        {
            try
            {
                set = JsonSerializer.Deserialize<SafetyResourceSet>(stream, Json);
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
            }
        }

        if (set is null || string.IsNullOrWhiteSpace(set.Intro) || string.IsNullOrWhiteSpace(set.Emergency))
        {
            throw new InvalidDataException($"{path} needs at least an intro and an emergency line.");
        }

        if (set.Checked is null)
        {
            throw new InvalidDataException($"{path} needs \"checked\": the day its numbers were last checked (yyyy-MM-dd).");
        }

        var countries = set.Countries ?? [];
        if (
            countries.Count == 0
            || countries.Any(c =>
                string.IsNullOrWhiteSpace(c.Code)
                || string.IsNullOrWhiteSpace(c.Name)
                || c.Code.Length > MaxCodeLength
                || string.Equals(c.Code, SafetyResourceSet.AllCountries, StringComparison.OrdinalIgnoreCase)
            )
            || countries.DistinctBy(c => c.Code.ToUpperInvariant()).Count() != countries.Count
        )
        {
            throw new InvalidDataException(
                $"{path} needs a list of countries, each with its own code (at most {MaxCodeLength} characters, not \"all\") and a name."
            );
        }

        foreach (var service in set.Services)
        {
            var problem =
                string.IsNullOrWhiteSpace(service.Name)
                || string.IsNullOrWhiteSpace(service.Region)
                || string.IsNullOrWhiteSpace(service.Text)
                    ? "a name, the country or nation it serves (region) and a text"
                : !HelplineKinds.All.Contains(service.Kind) ? "a kind: " + string.Join(", ", HelplineKinds.All)
                : service.Serves is not { Count: > 0 } || service.Serves.Any(code => set.Country(code) is null)
                    ? "serves: the codes of the countries it serves"
                : string.IsNullOrWhiteSpace(service.Phone)
                || !service.Phone.Any(char.IsAsciiDigit)
                || service.Phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '-' or '+' or '(' or ')'))
                    ? "a phone number (digits, spaces, + - ( ))"
                : null;
            if (problem is not null)
            {
                throw new InvalidDataException($"{path}: the line \"{service.Name}\" needs {problem}.");
            }
        }

        if (countries.FirstOrDefault(c => set.Lines(c.Code, HelplineKinds.Emergency).Count == 0) is { } without)
        {
            throw new InvalidDataException($"{path}: {without.Name} has no emergency number.");
        }

        // Only plain https links to the organisations themselves; anything else is dropped, never rendered.
        return set with
        {
            Services = set.Services.Select(s => s with { Web = IsHttps(s.Web) ? s.Web : null }).ToList(),
        };
    }

    public const int MaxCodeLength = 16;

    private static bool IsHttps(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
