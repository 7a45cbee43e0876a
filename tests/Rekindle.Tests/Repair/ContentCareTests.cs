using Rekindle.Web.Features.Intimacy;
using Rekindle.Web.Features.Repair;
using Rekindle.Web.Features.Spontaneity;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Tests.Repair;

/// <summary>
/// Content that could hurt, read as a couples therapist would (decisions/0031): nothing assumes forgiveness
/// will come or is owed, nothing presses one partner to give way, the touch program keeps its agreement,
/// risky items carry a safety note, and care is offered rather than imposed. Ids stay as they were:
/// stored answers and marks refer to them.
/// </summary>
public sealed class ContentCareTests
{
    private static string Folder(string area) => Path.Combine(AppContext.BaseDirectory, "Content", area);

    private static readonly string[] NotedToo = ["i071", "i073", "i076", "i077"];

    private static readonly RepairContent Repair = RepairContent.Load(Path.Combine(Folder("repair"), "repair.en.json"));

    [Fact]
    public void The_touch_program_keeps_the_no_intercourse_agreement_until_the_last_stage()
    {
        var stages = IntimacyContent.Load(Folder("intimacy"), null).Stages;
        Assert.Equal(6, stages.Count);
        foreach (var stage in stages.SkipLast(1))
        {
            Assert.True(
                stage.Agreements.Any(a => a.Contains("no intercourse", StringComparison.OrdinalIgnoreCase)),
                $"{stage.Key} does not keep the no-intercourse agreement"
            );
            foreach (var line in stage.Guidance.Concat(stage.Agreements))
            {
                Assert.DoesNotContain("something more happens", line, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("no expectation of intercourse", line, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Contains("stays off the table", string.Join(" ", stages[4].Guidance), StringComparison.Ordinal);
    }

    [Fact]
    public void The_scarves_item_carries_a_safety_note()
    {
        var items = IntimacyContent.Load(Folder("intimacy"), null).Items;
        var scarves = items.Single(i => i.Id == "i086");
        Assert.Contains("scarves", scarves.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(scarves.SafetyNote);
        foreach (var must in new[] { "never around the neck", "quick-release", "stop word", "scissors" })
        {
            Assert.Contains(must, scarves.SafetyNote, StringComparison.OrdinalIgnoreCase);
        }

        // The blindfold, leading and photos carry theirs too.
        Assert.All(NotedToo, id => Assert.False(string.IsNullOrWhiteSpace(items.Single(i => i.Id == id).SafetyNote)));
        Assert.True(items.Count >= IntimacyContent.MinimumItems);
    }

    [Fact]
    public void The_paperwork_gesture_is_offered_with_consent_rather_than_going_through_their_mail()
    {
        var gestures = GestureLibrary.Load(Path.Combine(Folder("spontaneity"), "gestures.en.json")).Gestures;
        var paperwork = gestures.Single(g => g.Id == "g041");
        var words = paperwork.Title + " " + paperwork.Description;
        Assert.DoesNotContain("go through the mail", words, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("offer", words, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("if they'd like", words, StringComparison.Ordinal);

        // Nothing else has a partner going through their things or handling their devices unasked.
        Assert.All(gestures, g =>
            Assert.DoesNotMatch(
                @"(?i)go(ing)? through (the|their) (mail|post|paperwork|phone|messages)|their (phone|screen)\b",
                g.Title + " " + g.Description
            )
        );
        Assert.True(gestures.Count >= 120);
    }

    [Fact]
    public void No_daily_question_assumes_forgiveness_or_presses_one_partner_to_soften_first()
    {
        var questions = QuestionBank.Load(Folder("talk"), "en").Questions;
        Assert.True(questions.Count >= 240);
        foreach (var question in questions)
        {
            foreach (
                var phrase in new[]
                {
                    "when forgiveness finally",
                    "forgiveness arrives",
                    "fully forgiven",
                    "soften first",
                    "softening first",
                    "willing to do it anyway",
                    "turn back toward your partner",
                }
            )
            {
                Assert.DoesNotContain(phrase, question.Text, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The ids the rewrites kept.
        Assert.Contains("forgive", questions.Single(q => q.Id == "b093").Text, StringComparison.Ordinal);
        Assert.Contains("whether or not", questions.Single(q => q.Id == "b093").Text, StringComparison.Ordinal);
        Assert.Contains("isn't always the same one of us", questions.Single(q => q.Id == "b100").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Your_part_is_optional_and_letting_go_says_forgiving_is_not_reconciling_and_never_owed()
    {
        Assert.Null(Repair.Problem());
        var own = Repair.Step(RepairStep.Own);
        Assert.Contains("optional", own.Prompt, StringComparison.Ordinal);
        Assert.Contains("don't owe", own.Prompt, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(own.SkipLabel));
        Assert.False(string.IsNullOrWhiteSpace(own.Skipped));
        Assert.All(RepairRules.Steps.Where(s => s != RepairStep.Own), s => Assert.Null(Repair.Step(s).SkipLabel));

        // A translation that drops the way out of "your part" does not start.
        var steps = Repair.Steps.Select(s => s.Key == "own" ? s with { SkipLabel = null } : s).ToList();
        Assert.NotNull((Repair with { Steps = steps }).Problem());

        Assert.Contains("isn't reconciling", Repair.LettingGo.NotExcusing, StringComparison.Ordinal);
        Assert.Contains("never owed to someone who hurt you", Repair.LettingGo.NotExcusing, StringComparison.Ordinal);
        Assert.DoesNotContain("instant forgiveness", Repair.Apology.SentNote, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet,", string.Join(" ", Repair.LettingGo.Decisions.Select(d => d.Label)), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_feeling_sits_in_exactly_one_small_named_group()
    {
        Assert.InRange(Repair.FeelingGroups.Count, 4, 8);
        Assert.All(Repair.FeelingGroups, g => Assert.InRange(g.Feelings.Count, 2, 7));
        Assert.Equal(
            Repair.Feelings.Select(f => f.Key).Order(StringComparer.Ordinal),
            Repair.FeelingGroups.SelectMany(g => g.Feelings).Order(StringComparer.Ordinal)
        );

        // A file with a feeling left out of every group, or in two, does not start.
        var dropped = Repair.FeelingGroups.Select((g, i) => i == 0 ? g with { Feelings = g.Feelings.Skip(1).ToList() } : g).ToList();
        Assert.NotNull((Repair with { FeelingGroups = dropped }).Problem());
        var twice = Repair
            .FeelingGroups.Select((g, i) => i == 1 ? g with { Feelings = [.. g.Feelings, Repair.FeelingGroups[0].Feelings[0]] } : g)
            .ToList();
        Assert.NotNull((Repair with { FeelingGroups = twice }).Problem());
    }
}
