using System.Text.Json;
using Rekindle.Web.Features.Guided;
using Rekindle.Web.Features.Talk;

namespace Rekindle.Tests.ContentChecks;

/// <summary>
/// Every daily question file (Content/talk/questions*.en.json, all files together), checked against the
/// content rules of decision 0039 (<see cref="Readability"/>): enough questions that a couple sees no repeat
/// within a year, enough for each root cause, tags from the known lists, one short question each, a reading
/// grade of 8 or below, no near-duplicates across files, and few yes/no questions.
/// </summary>
public sealed class QuestionContentTests
{
    private const int MinQuestions = 400;
    private const int MinPerRootCause = 25;
    private const int MaxLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] Depths = Enum.GetNames<Depth>().Select(d => d.ToLowerInvariant()).ToArray();

    private static readonly Lazy<List<Item>> Questions = new(Load);

    private sealed record Item(string Id, string Area, string Depth, List<string>? RootCauses, string Text);

    private sealed record FileShape(string Language, List<Item> Questions);

    private static List<Item> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Content", "talk");
        var all = new List<Item>();
        foreach (var file in Directory.EnumerateFiles(folder, "questions*.en.json").Order(StringComparer.Ordinal))
        {
            var shape = JsonSerializer.Deserialize<FileShape>(File.ReadAllText(file), Json);
            Assert.True(shape?.Questions is not null, $"{Path.GetFileName(file)} has no questions list");
            all.AddRange(shape!.Questions);
        }

        Assert.NotEmpty(all);
        return all;
    }

    private static void NoneOf(IEnumerable<string> offending, string what)
    {
        var list = offending.ToList();
        Assert.True(list.Count == 0, $"{list.Count} question(s) {what}: {string.Join(", ", list)}");
    }

    [Fact]
    public void There_are_at_least_400_questions_in_all()
    {
        var count = Questions.Value.Count;
        Assert.True(
            count >= MinQuestions,
            $"{count} questions; at least {MinQuestions} are needed so a couple sees no repeat within a year"
        );
    }

    [Fact]
    public void Each_root_cause_has_at_least_25_questions()
    {
        var counts = Lessons.RootCauseKeys.ToDictionary(k => k, k => Questions.Value.Count(q => q.RootCauses?.Contains(k) == true));
        var below = counts.Where(c => c.Value < MinPerRootCause).Select(c => $"{c.Key} {c.Value}").ToList();
        Assert.True(
            below.Count == 0,
            $"at least {MinPerRootCause} questions per root cause are needed; short: {string.Join(", ", below)} "
                + $"(all: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))})"
        );
    }

    [Fact]
    public void Every_question_has_one_to_three_known_root_causes() =>
        NoneOf(
            Questions
                .Value.Where(q =>
                    q.RootCauses is null
                    || q.RootCauses.Count is < 1 or > 3
                    || q.RootCauses.Distinct().Count() != q.RootCauses.Count
                    || q.RootCauses.Any(r => !Lessons.RootCauseKeys.Contains(r))
                )
                .Select(q => $"{q.Id} [{string.Join(",", q.RootCauses ?? [])}]"),
            $"need one to three different root causes from: {string.Join(", ", Lessons.RootCauseKeys)}"
        );

    [Fact]
    public void Every_question_has_a_known_area_and_depth() =>
        NoneOf(
            Questions
                .Value.Where(q => !Lessons.Areas.Contains(q.Area) || !Depths.Contains(q.Depth))
                .Select(q => $"{q.Id} ({q.Area}, {q.Depth})"),
            "have an unknown area or depth"
        );

    [Fact]
    public void Every_id_is_used_once() =>
        NoneOf(
            Questions
                .Value.GroupBy(q => q.Id)
                .Where(g => string.IsNullOrWhiteSpace(g.Key) || g.Count() > 1)
                .Select(g => $"'{g.Key}' x{g.Count()}"),
            "have a missing or repeated id"
        );

    [Fact]
    public void Every_text_is_one_question_of_at_most_200_characters() =>
        NoneOf(
            Questions
                .Value.Where(q =>
                    string.IsNullOrWhiteSpace(q.Text) || q.Text.Length > MaxLength || !q.Text.EndsWith('?') || q.Text != q.Text.Trim()
                )
                .Select(q => q.Id),
            $"need a text of at most {MaxLength} characters ending with '?'"
        );

    [Fact]
    public void Every_question_reads_at_grade_8_or_below() =>
        NoneOf(
            Questions
                .Value.Where(q => Readability.Grade(q.Text) > Readability.MaxGrade)
                .Select(q => $"{q.Id} ({Readability.Grade(q.Text):0.0})"),
            $"read above grade {Readability.MaxGrade}"
        );

    [Fact]
    public void No_two_questions_in_any_files_are_near_duplicates()
    {
        var all = Questions.Value;
        var pairs = new List<string>();
        for (var i = 0; i < all.Count; i++)
        {
            for (var j = i + 1; j < all.Count; j++)
            {
                if (Readability.NearDuplicates(all[i].Text, all[j].Text))
                {
                    pairs.Add($"{all[i].Id}/{all[j].Id}");
                }
            }
        }

        NoneOf(pairs, "pairs are near-duplicates (reword one of each pair)");
    }

    [Fact]
    public void Few_questions_can_be_answered_with_yes_or_no()
    {
        var yesNo = Questions.Value.Where(q => Readability.IsYesNo(q.Text)).Select(q => q.Id).ToList();
        var share = (double)yesNo.Count / Questions.Value.Count;
        Assert.True(
            share <= Readability.MaxYesNoShare,
            $"{yesNo.Count} of {Questions.Value.Count} questions are yes/no ({share:P1}, at most {Readability.MaxYesNoShare:P0}): {string.Join(", ", yesNo)}"
        );
    }

    [Fact]
    public void Every_depth_has_questions()
    {
        var missing = Depths.Where(d => !Questions.Value.Any(q => q.Depth == d)).ToList();
        Assert.True(missing.Count == 0, $"no questions of depth: {string.Join(", ", missing)}");
    }
}
