using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Tests.Platform;

/// <summary>The plain form of a member's answer set (decisions/0026): one length whatever it holds, and nothing lost on the way.</summary>
public sealed class AnswerSetTextTests
{
    private static readonly DateTime At = new(2026, 11, 24, 9, 30, 15, DateTimeKind.Utc);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(113)]
    [InlineData(AnswerSetText.Capacity)]
    public void Every_set_up_to_the_capacity_has_the_one_length_and_reads_back_the_same(int count)
    {
        var entries = Enumerable
            .Range(0, count)
            .ToDictionary(
                i => i % 3 == 0 ? "custom:" + Guid.NewGuid().ToString("N") : $"i{i:000}",
                i => new AnswerEntry(i % 2 == 0 ? "limit" : "no", i % 4 == 0 ? null : At.AddMinutes(i))
            );
        var text = AnswerSetText.Encode(entries);

        Assert.Equal(AnswerSetText.Length, text.Length);
        var back = AnswerSetText.Decode(text);
        Assert.Equal(entries.OrderBy(e => e.Key, StringComparer.Ordinal), back.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Only_old_data_past_the_capacity_takes_the_next_whole_multiple()
    {
        var entries = Enumerable.Range(0, AnswerSetText.Capacity + 1).ToDictionary(i => $"d{i:0000}", _ => new AnswerEntry("love", At));
        var text = AnswerSetText.Encode(entries);
        Assert.Equal(1 + (2 * AnswerSetText.Capacity * AnswerSetText.RecordWidth), text.Length);
        Assert.Equal(entries.Count, AnswerSetText.Decode(text).Count);
    }

    [Theory]
    [InlineData("a key far too long for one record", "yes")]
    [InlineData("~g001", "yes")]
    [InlineData("with space", "yes")]
    [InlineData("i001", "perhaps")]
    [InlineData("i001", "a b")]
    public void Keys_and_words_that_do_not_fit_a_record_are_refused(string key, string value) =>
        Assert.Throws<ArgumentException>(() => AnswerSetText.Encode(new Dictionary<string, AnswerEntry> { [key] = new(value, null) }));

    [Theory]
    [InlineData("")]
    [InlineData("2 unknown format")]
    public void Text_in_an_unknown_format_reads_as_no_answers(string text) => Assert.Empty(AnswerSetText.Decode(text));
}
