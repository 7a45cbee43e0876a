using Rekindle.Web.Features.Guided;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Features.TimeTogether;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Practice;

/// <summary>One thing a professional can assign: its key within its kind (empty for kinds with one item) and its title.</summary>
public sealed record HomeworkChoice(string Key, string Title);

/// <summary>
/// What a professional assigns from (decisions/0044): the app's own lessons, program weeks, conversation questions (never the
/// intimacy area's, nor a couple's own), date ideas, and the repair steps, the weekly check-in and a week of gestures. Reads
/// content only. A lesson that assumes safety (sex, repair, conflict, trust) counts as work for two, like every other kind:
/// none of it is offered for one person alone, nor while the couple rests (decisions/0027).
/// </summary>
public sealed class HomeworkLibrary(Lessons lessons, ByLanguage<QuestionBank> questions, DateIdeaLibrary ideas)
{
    public const int MaxSearchLength = 100;

    /// <summary>The kinds in the order the picker shows them, each with the name the form and the API use.</summary>
    public static readonly IReadOnlyList<(HomeworkKind Kind, string Name)> Kinds =
    [
        (HomeworkKind.Lesson, "lesson"),
        (HomeworkKind.Session, "session"),
        (HomeworkKind.Topic, "topic"),
        (HomeworkKind.DateIdea, "date-idea"),
        (HomeworkKind.Repair, "repair"),
        (HomeworkKind.CheckIn, "check-in"),
        (HomeworkKind.GestureWeek, "gestures"),
    ];

    public static HomeworkKind? KindOf(string? name) =>
        Kinds.Where(k => k.Name == name).Select(k => (HomeworkKind?)k.Kind).FirstOrDefault();

    public static string NameOf(HomeworkKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <summary>Kinds with one item only: nothing to pick after the kind.</summary>
    public static bool HasOneItem(HomeworkKind kind) => kind is HomeworkKind.Repair or HomeworkKind.CheckIn or HomeworkKind.GestureWeek;

    public static string KindTitle(HomeworkKind kind) =>
        kind switch
        {
            HomeworkKind.Lesson => Text.Of("A lesson"),
            HomeworkKind.Session => Text.Of("A week of the program"),
            HomeworkKind.Topic => Text.Of("A question to talk about"),
            HomeworkKind.DateIdea => Text.Of("A date idea"),
            HomeworkKind.Repair => Text.Of("Working through a hurt"),
            HomeworkKind.CheckIn => Text.Of("The weekly check-in"),
            _ => Text.Of("A week of small gestures"),
        };

    /// <summary>Whether the item is work for two (or assumes safety): never for one person alone, and resting while the couple
    /// rests.</summary>
    public bool ForTwo(HomeworkKind kind, string key) =>
        kind != HomeworkKind.Lesson || !lessons.ByKey.TryGetValue(key, out var lesson) || lesson.AssumesSafety;

    /// <summary>The kinds a professional may assign now: only lessons for one, for one person alone or while the couple rests.</summary>
    public static IReadOnlyList<HomeworkKind> KindsFor(bool onlyForOne) =>
        onlyForOne ? [HomeworkKind.Lesson] : [.. Kinds.Select(k => k.Kind)];

    /// <summary>The items of a kind, those whose every word of <paramref name="search"/> appears in the title.</summary>
    public IReadOnlyList<HomeworkChoice> Items(HomeworkKind kind, bool onlyForOne, string? search = null)
    {
        var all = kind switch
        {
            HomeworkKind.Lesson => lessons
                .All.Where(l => !onlyForOne || !l.AssumesSafety)
                .Select(l => new HomeworkChoice(l.Key, l.Title))
                .ToList(),
            HomeworkKind.Session => Enumerable
                .Range(1, ProgramRules.Weeks)
                .Select(w => new HomeworkChoice(w.ToString(System.Globalization.CultureInfo.InvariantCulture), WeekTitle(w)))
                .ToList(),
            HomeworkKind.Topic => questions
                .Current.Questions.Where(q => q.Area is not (QuestionBank.IntimacyArea or QuestionBank.OwnArea))
                .Select(q => new HomeworkChoice(q.Id, q.Text))
                .ToList(),
            HomeworkKind.DateIdea => ideas.Ideas.Select(i => new HomeworkChoice(i.Id, i.Title)).ToList(),
            _ => [new HomeworkChoice("", KindTitle(kind))],
        };
        if (kind == HomeworkKind.Lesson || !onlyForOne)
        {
            var words = Clean(search).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return [.. all.Where(c => words.All(w => c.Title.Contains(w, StringComparison.CurrentCultureIgnoreCase)))];
        }

        return [];
    }

    /// <summary>The item with this key, or null: an unknown key, or a question of the intimacy area or a couple's own.</summary>
    public HomeworkChoice? Find(HomeworkKind kind, string? key)
    {
        key ??= "";
        return kind switch
        {
            HomeworkKind.Lesson => lessons.ByKey.TryGetValue(key, out var l) ? new HomeworkChoice(l.Key, l.Title) : null,
            HomeworkKind.Session => int.TryParse(
                key,
                System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture,
                out var w
            )
            && w is >= 1 and <= ProgramRules.Weeks
            && key == w.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? new HomeworkChoice(key, WeekTitle(w))
                : null,
            HomeworkKind.Topic => questions.Current.ById.TryGetValue(key, out var q)
            && q.Area is not (QuestionBank.IntimacyArea or QuestionBank.OwnArea)
                ? new HomeworkChoice(q.Id, q.Text)
                : null,
            HomeworkKind.DateIdea => ideas.ById.TryGetValue(key, out var i) ? new HomeworkChoice(i.Id, i.Title) : null,
            _ => key.Length == 0 ? new HomeworkChoice("", KindTitle(kind)) : null,
        };
    }

    /// <summary>The item's title for a list; a key the content no longer has reads as its kind.</summary>
    public string Title(HomeworkKind kind, string key) => Find(kind, key)?.Title ?? KindTitle(kind);

    /// <summary>Where the item opens in the app.</summary>
    public static string Link(HomeworkKind kind, string key) =>
        kind switch
        {
            HomeworkKind.Lesson => "/program/lessons/" + Uri.EscapeDataString(key),
            HomeworkKind.Session => "/program/week/" + Uri.EscapeDataString(key),
            HomeworkKind.Topic => "/talk/conversation",
            HomeworkKind.DateIdea => "/time-together/plan?idea=" + Uri.EscapeDataString(key),
            HomeworkKind.Repair => "/repair",
            HomeworkKind.CheckIn => "/talk/check-in",
            _ => "/spontaneity/gestures",
        };

    public static string Clean(string? search)
    {
        var clean = new string((search ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        return clean.Length > MaxSearchLength ? clean[..MaxSearchLength] : clean;
    }

    private static string WeekTitle(int week) => Text.Of("Week {0} of the program", week);
}
