using System.Text.Json;

namespace Rekindle.Web.Features.Intimacy;

public sealed record DesireCategory(string Key, string Name, string About);

/// <summary>An item of the desire and boundary list; SafetyNote is shown with it wherever it appears (how to keep it safe,
/// decisions/0031).</summary>
public sealed record DesireItem(
    string Id,
    string Category,
    string Text,
    string? Explanation,
    IReadOnlyList<string> Tags,
    string? SafetyNote = null
);

public sealed record TouchStage(
    string Key,
    string Title,
    string Focus,
    IReadOnlyList<string> Guidance,
    IReadOnlyList<string> Agreements,
    IReadOnlyList<string> SessionIdeas,
    string ReadyWhen
);

public sealed record IntimacyResource(string Name, string Url, string Note, string Category);

/// <summary>
/// The intimacy area's content: the desire and boundary list, the staged touch program, and the
/// resources list (an operator may point <see cref="IntimacyOptions.ResourcesFile"/> at their own).
/// Loaded once at start-up; anything malformed stops the app with a message naming the problem.
/// </summary>
public sealed class IntimacyContent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const int MinimumItems = 100;

    public static readonly string[] ResourceCategories = ["books", "educators", "shops", "organisations"];

    public IntimacyContent(
        IReadOnlyList<DesireCategory> categories,
        IReadOnlyList<DesireItem> items,
        IReadOnlyList<TouchStage> stages,
        IReadOnlyList<IntimacyResource> resources
    )
    {
        var problems = new List<string>();
        if (items.Count < MinimumItems)
        {
            problems.Add($"the list has {items.Count} items; at least {MinimumItems} are needed");
        }

        if (!Infrastructure.Privacy.AnswerSetText.Fits(items.Count + Infrastructure.Privacy.AnswerSetText.CoupleItemCap))
        {
            // Each member's answers are one sealed set of fixed length, with room for the items a couple adds (decisions/0026).
            problems.Add(
                $"the list has {items.Count} items; with the {Infrastructure.Privacy.AnswerSetText.CoupleItemCap} a couple may add, at most {Infrastructure.Privacy.AnswerSetText.Capacity} fit a member's set"
            );
        }

        problems.AddRange(items.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => $"item id {g.Key} is used twice"));
        problems.AddRange(
            items.Where(i => categories.All(c => c.Key != i.Category)).Select(i => $"item {i.Id} has an unknown category '{i.Category}'")
        );
        problems.AddRange(items.Where(i => string.IsNullOrWhiteSpace(i.Text)).Select(i => $"item {i.Id} has no text"));
        problems.AddRange(categories.Where(c => items.All(i => i.Category != c.Key)).Select(c => $"category {c.Key} has no items"));
        if (stages.Count == 0 || stages.Any(s => string.IsNullOrWhiteSpace(s.Title) || s.Guidance.Count == 0))
        {
            problems.Add("the touch program needs stages, each with a title and guidance");
        }

        foreach (var resource in resources)
        {
            if (
                !Uri.TryCreate(resource.Url, UriKind.Absolute, out var url)
                || url.Scheme != Uri.UriSchemeHttps
                || url.Query.Length > 0
                || url.UserInfo.Length > 0
            )
            {
                problems.Add(
                    $"resource '{resource.Name}' needs a plain https address without a query string (no tracking or affiliate parameters)"
                );
            }

            if (!ResourceCategories.Contains(resource.Category))
            {
                problems.Add(
                    $"resource '{resource.Name}' has category '{resource.Category}'; use one of {string.Join(", ", ResourceCategories)}"
                );
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The intimacy content is not usable: " + string.Join("; ", problems) + ".");
        }

        Categories = categories;
        Items = items;
        ById = items.ToDictionary(i => i.Id);
        Stages = stages;
        Resources = resources;
    }

    public IReadOnlyList<DesireCategory> Categories { get; }

    public IReadOnlyList<DesireItem> Items { get; }

    public IReadOnlyDictionary<string, DesireItem> ById { get; }

    public IReadOnlyList<TouchStage> Stages { get; }

    public IReadOnlyList<IntimacyResource> Resources { get; }

    public static IntimacyContent Load(string folder, string? resourcesFile)
    {
        var list = Read<ItemsFile>(Path.Combine(folder, "items.en.json"));
        var program = Read<ProgramFile>(Path.Combine(folder, "touch-program.en.json"));
        var resources = Read<ResourcesFile>(
            string.IsNullOrWhiteSpace(resourcesFile) ? Path.Combine(folder, "resources.en.json") : resourcesFile
        );
        return new IntimacyContent(
            list.Categories ?? [],
            (list.Items ?? []).Select(i => i with { Tags = i.Tags ?? [] }).ToList(),
            program.Stages ?? [],
            resources.Resources ?? []
        );
    }

    private static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new InvalidOperationException($"{path} is empty.");
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            throw new InvalidOperationException($"The intimacy content file {path} could not be read: {ex.Message}", ex);
        }
    }

    private sealed record ItemsFile(List<DesireCategory>? Categories, List<DesireItem>? Items);

    private sealed record ProgramFile(List<TouchStage>? Stages);

    private sealed record ResourcesFile(List<IntimacyResource>? Resources);
}

public sealed class IntimacyOptions
{
    public const string Section = "Intimacy";

    /// <summary>An operator's own resources file (same shape as Content/intimacy/resources.en.json); empty for ours.</summary>
    public string? ResourcesFile { get; set; }
}
