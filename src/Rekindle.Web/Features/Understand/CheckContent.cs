using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rekindle.Web.Features.Understand;

public enum SectionKind
{
    Domain,
    Satisfaction,
    Wellbeing,
    Safety,
}

public sealed record CheckScale(IReadOnlyList<string> Labels);

public sealed record CheckSection(string Key, SectionKind Kind, string Name, string About, string? StrainedNote, string? GapQuestion);

/// <summary>
/// One question. <paramref name="ConcernAt"/>: on a safety item, the answer from which it raises a concern.
/// <paramref name="CrisisAt"/>: on a wellbeing item about hopelessness, the answer from which the member is
/// shown, privately, where to talk to someone now.
/// </summary>
public sealed record CheckItem(string Id, string Section, string Text, string Scale, bool Reverse, int? ConcernAt, int? CrisisAt = null);

/// <summary>
/// The Rough Patch Check's items (Content/understand/check.{language}.json): sections in the order
/// they are asked, each item with its scale and whether it is reverse-scored. Loaded and checked
/// once at start-up, so a broken content file stops the app instead of a member's check.
/// </summary>
public sealed class CheckContent
{
    public const int MaxAnswer = 4;

    /// <summary>Stored for each item of a part left for later (only the safety part may be): answered, but by no one's choice of
    /// answer.</summary>
    public const int Skipped = -1;

    /// <summary>The fewest items the check may have (docs/PRODUCT.md: 50), and the fewest safety items (8).</summary>
    public const int LeastItems = 50;

    public const int LeastSafetyItems = 8;

    public static readonly string[] DomainKeys =
    [
        "work-stress",
        "money",
        "personal-problems",
        "communication",
        "time-together",
        "health-and-desire",
        "unresolved-conflict",
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public CheckContent(
        string language,
        IReadOnlyDictionary<string, CheckScale> scales,
        IReadOnlyList<CheckSection> sections,
        IReadOnlyList<CheckItem> items
    )
    {
        Language = language;
        Scales = scales;
        Sections = sections;
        Items = items;
        ItemsBySection = sections.ToDictionary(s => s.Key, s => (IReadOnlyList<CheckItem>)items.Where(i => i.Section == s.Key).ToList());
        ItemsById = items.ToDictionary(i => i.Id);
        Validate();
    }

    public string Language { get; }

    public IReadOnlyDictionary<string, CheckScale> Scales { get; }

    public IReadOnlyList<CheckSection> Sections { get; }

    public IReadOnlyList<CheckItem> Items { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<CheckItem>> ItemsBySection { get; }

    public IReadOnlyDictionary<string, CheckItem> ItemsById { get; }

    public IEnumerable<CheckSection> Domains => Sections.Where(s => s.Kind == SectionKind.Domain);

    public CheckSection Section(string key) => Sections.First(s => s.Key == key);

    public static CheckContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return new CheckContent(file.Language, file.Scales, file.Sections, file.Items);
    }

    private void Validate()
    {
        var problems = new List<string>();
        if (Items.Count < LeastItems)
        {
            problems.Add($"at least {LeastItems} items are needed, found {Items.Count}");
        }

        foreach (var key in DomainKeys)
        {
            if (!ItemsBySection.TryGetValue(key, out var items) || items.Count < 4)
            {
                problems.Add($"the domain '{key}' needs at least 4 items");
            }
        }

        foreach (
            var (kind, least) in new[] { (SectionKind.Satisfaction, 6), (SectionKind.Wellbeing, 4), (SectionKind.Safety, LeastSafetyItems) }
        )
        {
            if (Sections.Where(s => s.Kind == kind).Sum(s => ItemsBySection[s.Key].Count) < least)
            {
                problems.Add($"{kind} needs at least {least} items");
            }
        }

        problems.AddRange(
            Items
                .Where(i => !Scales.TryGetValue(i.Scale, out var scale) || scale.Labels.Count != MaxAnswer + 1)
                .Select(i => $"item '{i.Id}' needs a scale of {MaxAnswer + 1} labels")
        );
        problems.AddRange(Items.Where(i => !ItemsBySection.ContainsKey(i.Section)).Select(i => $"item '{i.Id}' names an unknown section"));
        problems.AddRange(
            Items
                .Where(i => Section(i.Section).Kind == SectionKind.Safety && i.ConcernAt is not (>= 1 and <= MaxAnswer))
                .Select(i => $"safety item '{i.Id}' needs concernAt between 1 and {MaxAnswer}")
        );
        problems.AddRange(
            Items
                .Where(i =>
                    i.CrisisAt is not null
                    && (Section(i.Section).Kind != SectionKind.Wellbeing || i.CrisisAt is not (>= 1 and <= MaxAnswer))
                )
                .Select(i => $"item '{i.Id}' may have crisisAt (between 1 and {MaxAnswer}) only in a wellbeing part")
        );
        if (!Items.Any(i => i.CrisisAt is not null))
        {
            problems.Add("a wellbeing item about hopelessness (with crisisAt) is needed");
        }

        if (Items.Select(i => i.Id).Distinct().Count() != Items.Count)
        {
            problems.Add("item ids must be unique");
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("The Rough Patch Check content is not usable: " + string.Join("; ", problems) + ".");
        }
    }

    private sealed record FileShape(
        string Language,
        Dictionary<string, CheckScale> Scales,
        List<CheckSection> Sections,
        List<CheckItem> Items
    );
}
