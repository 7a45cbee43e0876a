using System.Globalization;
using System.Text.Json;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>A small gesture one partner can make for the other (Content/spontaneity/gestures.{language}.json).</summary>
public sealed record Gesture(string Id, string Title, string Description, string Cost, int Minutes, string Place, string Kind);

/// <summary>The gestures, checked at start-up: a file with a mistake stops the app with a message naming it.</summary>
public sealed class GestureLibrary
{
    public const int MinimumCount = 120;

    public static readonly string[] Costs = ["free", "low", "medium", "high"];

    /// <summary>"anywhere" means it can be done at home or out.</summary>
    public static readonly string[] Places = ["home", "anywhere", "out"];

    public static readonly string[] Kinds = ["words", "help", "gifts", "time", "touch"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public GestureLibrary(IReadOnlyList<Gesture> gestures)
    {
        if (Problems(gestures) is { Count: > 0 } problems)
        {
            throw new InvalidDataException("The gestures are not usable: " + string.Join("; ", problems) + ".");
        }

        Gestures = gestures;
        ById = gestures.ToDictionary(g => g.Id);
    }

    public IReadOnlyList<Gesture> Gestures { get; }

    public IReadOnlyDictionary<string, Gesture> ById { get; }

    /// <summary>Everything wrong with a list of gestures, one sentence each; empty when it is usable.</summary>
    public static List<string> Problems(IReadOnlyList<Gesture?> gestures)
    {
        var problems = new List<string>();
        if (gestures.Count < MinimumCount)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{gestures.Count} gestures, at least {MinimumCount} needed"));
        }

        if (!Infrastructure.Privacy.AnswerSetText.Fits(gestures.Count))
        {
            // Each member's marks are one sealed set of fixed length (decisions/0026).
            problems.Add(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{gestures.Count} gestures, at most {Infrastructure.Privacy.AnswerSetText.Capacity} fit a member's set of marks"
                )
            );
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < gestures.Count; i++)
        {
            if (gestures[i] is not { } g)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"entry {i + 1} is empty"));
                continue;
            }

            var name = string.IsNullOrWhiteSpace(g.Id) ? string.Create(CultureInfo.InvariantCulture, $"entry {i + 1}") : g.Id;
            if (string.IsNullOrWhiteSpace(g.Id))
            {
                problems.Add($"{name} has no id");
            }
            else if (!seen.Add(g.Id))
            {
                problems.Add($"the id {g.Id} is used twice");
            }

            if (string.IsNullOrWhiteSpace(g.Title) || string.IsNullOrWhiteSpace(g.Description))
            {
                problems.Add($"{name} needs a title and a description");
            }

            Check(problems, name, "cost", g.Cost, Costs);
            Check(problems, name, "place", g.Place, Places);
            Check(problems, name, "kind", g.Kind, Kinds);
            if (g.Minutes is <= 0 or > 1440)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} takes {g.Minutes} minutes (1 to 1440 allowed)"));
            }
        }

        return problems;
    }

    public static GestureLibrary Load(string path)
    {
        using var stream = File.OpenRead(path);
        FileShape? file;
        try
        {
            file = JsonSerializer.Deserialize<FileShape>(stream, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}", e);
        }

        return new GestureLibrary(file?.Gestures ?? throw new InvalidDataException($"{path} has no gestures."));
    }

    private static void Check(List<string> problems, string name, string field, string? value, string[] known)
    {
        if (value is null || !known.Contains(value))
        {
            problems.Add($"{name} has the {field} '{value}' (known: {string.Join(", ", known)})");
        }
    }

    private sealed record FileShape(string Language, List<Gesture> Gestures);
}

/// <summary>Filters on the gesture list; null means any. Unknown query values are simply no filter.</summary>
public sealed record GestureFilter(
    string? Cost = null,
    string? Place = null,
    string? Kind = null,
    int? MaxMinutes = null,
    bool UnmarkedOnly = false
)
{
    public static readonly int[] MinuteChoices = [5, 15, 30, 60];

    public static GestureFilter From(string? cost, string? place, string? kind, string? minutes, string? unmarked) =>
        new(
            GestureLibrary.Costs.Contains(cost) ? cost : null,
            place is "home" or "out" ? place : null,
            GestureLibrary.Kinds.Contains(kind) ? kind : null,
            int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && MinuteChoices.Contains(m) ? m : null,
            unmarked == "1"
        );

    /// <summary>"At home" and "out" both keep the gestures that work anywhere.</summary>
    public bool Keeps(Gesture g) =>
        (Cost is null || g.Cost == Cost)
        && (Place is null || g.Place == Place || g.Place == "anywhere")
        && (Kind is null || g.Kind == Kind)
        && (MaxMinutes is null || g.Minutes <= MaxMinutes);
}
