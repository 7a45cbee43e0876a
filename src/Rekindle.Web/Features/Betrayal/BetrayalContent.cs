using System.Text.Json;
using Rekindle.Web.Features.Repair;

namespace Rekindle.Web.Features.Betrayal;

public sealed record HurtFirstContent(
    string Title,
    IReadOnlyList<string> Guidance,
    string FeelingsLabel,
    string TextLabel,
    string QuestionsLabel,
    string WaitingForHurt,
    string NotYours
);

public sealed record AcknowledgmentContent(
    string Title,
    IReadOnlyList<string> Guidance,
    string TextLabel,
    string SecondLabel,
    string WaitingForBroke
);

public sealed record LimitsContent(
    string Title,
    string Intro,
    IReadOnlyList<Choice> Choices,
    string OwnLabel,
    string ShareLabel,
    string Waiting
);

public sealed record QuestionsContent(
    string Title,
    string ForHurt,
    string ForBroke,
    string AskLabel,
    string AnswerLabel,
    string LaterLabel,
    string Later,
    string Paused
);

public sealed record AgreementsContent(string Title, string Intro, IReadOnlyList<Choice> Choices, string OwnLabel, string Ended);

public sealed record StepsContent(
    string Title,
    string ForBroke,
    string ForHurt,
    string StepLabel,
    IReadOnlyList<Choice> Marks,
    string MarkNoteLabel,
    string ShareMarkLabel,
    string Forgiveness,
    string ForBrokeForgiveness
);

/// <summary>
/// The path's own words (Content/repair/betrayal.{language}.json), checked at start-up against the keys the rules know, so a
/// broken file stops the start. The feelings are the path's own: repair's list is for both partners of an everyday hurt (it
/// offers "defensive", "guilty", "relieved it came out") and lacks "betrayed", "shocked" and "humiliated".
/// </summary>
public sealed record BetrayalContent(
    string Language,
    IReadOnlyList<string> Intro,
    string NotFor,
    string Counselor,
    IReadOnlyList<Choice> Kinds,
    IReadOnlyList<Choice> Roles,
    string Invite,
    IReadOnlyList<Choice> Feelings,
    HurtFirstContent HurtFirst,
    AcknowledgmentContent Acknowledgment,
    LimitsContent Limits,
    QuestionsContent Questions,
    AgreementsContent Agreements,
    StepsContent Steps,
    string Ending,
    string Resting
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string LabelOf(IReadOnlyList<Choice> choices, string key) => choices.FirstOrDefault(c => c.Key == key)?.Label ?? key;

    public static BetrayalContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var content = JsonSerializer.Deserialize<BetrayalContent>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return content.Problem() is { } problem ? throw new InvalidDataException($"{path}: {problem}") : content;
    }

    /// <summary>What is wrong with the file, or null.</summary>
    public string? Problem()
    {
        if (!Kinds.Select(k => k.Key).SequenceEqual(BetrayalRules.Kinds))
        {
            return $"kinds must be {string.Join(", ", BetrayalRules.Kinds)}";
        }

        if (!Roles.Select(k => k.Key).SequenceEqual([BetrayalRules.Hurt, BetrayalRules.Broke]))
        {
            return "roles must be hurt, broke";
        }

        if (!Steps.Marks.Select(k => k.Key).SequenceEqual(BetrayalRules.Marks))
        {
            return $"marks must be {string.Join(", ", BetrayalRules.Marks)}";
        }

        foreach (var list in new[] { Feelings, Limits.Choices, Agreements.Choices })
        {
            if (
                list.Count < 4
                || list.Select(c => c.Key).Distinct().Count() != list.Count
                || list.Any(c => string.IsNullOrWhiteSpace(c.Label))
            )
            {
                return "feelings, limits and agreements need at least four choices each, each with its own key and a label";
            }
        }

        return
            Intro.Count == 0
            || new[] { NotFor, Counselor, Invite, Ending, Resting, Steps.Forgiveness, HurtFirst.NotYours }.Any(string.IsNullOrWhiteSpace)
            ? "the intro, the safety line, the counselor line, the forgiveness line and the resting note are needed"
            : null;
    }
}
