using System.Text.Json;

namespace Rekindle.Web.Features.Repair;

public sealed record Feeling(string Key, string Label);

/// <summary>A few feelings under one name, so the choice fits on a phone screen as small groups rather than one long column.</summary>
public sealed record FeelingGroup(string Label, IReadOnlyList<string> Feelings);

public sealed record Avoid(string Name, string Instead);

public sealed record Choice(string Key, string Label);

/// <summary>
/// One step's wording: a prompt, the labels of its one or two text boxes, our guidance and what not to do.
/// An optional step (only "own") also has the label of its "leave it for now" button and the neutral words
/// both partners see in its place once the step is revealed (decisions/0031).
/// </summary>
public sealed record StepContent(
    string Key,
    string Title,
    string Prompt,
    string? TextLabel,
    string? SecondLabel,
    IReadOnlyList<string> Guidance,
    string? Dont,
    string? SkipLabel = null,
    string? Skipped = null
);

public sealed record FollowUpContent(string Prompt, string TextLabel, IReadOnlyList<Choice> Choices, string StillHurtsNote);

public sealed record LettingGoContent(
    string Intro,
    string NotExcusing,
    string Safety,
    IReadOnlyList<Choice> Decisions,
    IReadOnlyList<StepContent> Steps
);

public sealed record ApologyContent(
    string Intro,
    string DidLabel,
    string DidHint,
    string EffectLabel,
    string EffectHint,
    string WillLabel,
    string WillHint,
    IReadOnlyList<string> Avoid,
    string SentNote
);

/// <summary>
/// Repair's own words (Content/repair/repair.{language}.json): the steps of a repair and of letting
/// go, the feelings list, what to avoid, how to take a break, the follow-up and the apology frame.
/// Checked at start-up against the steps the rules know, so a broken file stops the start.
/// </summary>
public sealed record RepairContent(
    string Language,
    string Intro,
    string CalmNote,
    string PauseNote,
    IReadOnlyList<string> BreakGuide,
    IReadOnlyList<Avoid> Avoid,
    IReadOnlyList<Feeling> Feelings,
    IReadOnlyList<FeelingGroup> FeelingGroups,
    IReadOnlyList<StepContent> Steps,
    FollowUpContent FollowUp,
    LettingGoContent LettingGo,
    ApologyContent Apology,
    string Resting
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public StepContent Step(RepairStep step) => Steps.First(s => s.Key == RepairRules.KeyOf(step));

    public StepContent GrudgeStep(GrudgeStep step) => LettingGo.Steps[(int)step];

    /// <summary>The feelings of one group, in the group's order.</summary>
    public IEnumerable<Feeling> FeelingsIn(FeelingGroup group) => group.Feelings.Select(key => Feelings.First(f => f.Key == key));

    public string FeelingLabel(string key) => Feelings.FirstOrDefault(f => f.Key == key)?.Label ?? key;

    public static RepairContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var content = JsonSerializer.Deserialize<RepairContent>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return content.Problem() is { } problem ? throw new InvalidDataException($"{path}: {problem}") : content;
    }

    /// <summary>What is wrong with the file, or null: every step the rules walk through, in order, with words in it.</summary>
    public string? Problem()
    {
        var expected = RepairRules.Steps.Select(RepairRules.KeyOf).ToList();
        if (!Steps.Select(s => s.Key).SequenceEqual(expected))
        {
            return $"repair steps must be {string.Join(", ", expected)}, in that order";
        }

        if (
            Steps.Any(s =>
                string.IsNullOrWhiteSpace(s.Prompt)
                || string.IsNullOrWhiteSpace(s.TextLabel)
                || s.Guidance.Count == 0
                || string.IsNullOrWhiteSpace(s.Dont)
            )
        )
        {
            return "every repair step needs a prompt, a text label, guidance and a \"don't\"";
        }

        if (
            Steps
                .Zip(RepairRules.Steps)
                .Any(p =>
                    RepairRules.MayLeaveForNow(p.Second)
                    != (!string.IsNullOrWhiteSpace(p.First.SkipLabel) && !string.IsNullOrWhiteSpace(p.First.Skipped))
                )
        )
        {
            return "\"your part\" (and only it) is optional: it needs a skip label and the words shown when it was left for now";
        }

        if (Feelings.Count < 12 || Feelings.Select(f => f.Key).Distinct().Count() != Feelings.Count)
        {
            return "at least 12 feelings, each with its own key";
        }

        var grouped = FeelingGroups.SelectMany(g => g.Feelings).ToList();
        if (
            FeelingGroups.Any(g => string.IsNullOrWhiteSpace(g.Label) || g.Feelings.Count == 0)
            || grouped.Count != Feelings.Count
            || !grouped.Order(StringComparer.Ordinal).SequenceEqual(Feelings.Select(f => f.Key).Order(StringComparer.Ordinal))
        )
        {
            return "every feeling belongs to exactly one named group";
        }

        if (Avoid.Count < 4 || BreakGuide.Count == 0)
        {
            return "what to avoid (blame, contempt, defensiveness, withdrawing) and how to take a break";
        }

        if (!FollowUp.Choices.Select(c => c.Key).SequenceEqual(RepairRules.FollowUpChoices))
        {
            return $"follow-up choices must be {string.Join(", ", RepairRules.FollowUpChoices)}";
        }

        if (
            LettingGo.Steps.Count != Enum.GetValues<GrudgeStep>().Length
            || !LettingGo.Decisions.Select(d => d.Key).SequenceEqual(LettingGoRules.Decisions)
        )
        {
            return "letting go needs its five steps and its three decisions";
        }

        return
            string.IsNullOrWhiteSpace(LettingGo.NotExcusing)
            || string.IsNullOrWhiteSpace(LettingGo.Safety)
            || string.IsNullOrWhiteSpace(Resting)
            ? "letting go must say that forgiving is not excusing or reconciling, and what to do when not safe"
            : null;
    }
}
