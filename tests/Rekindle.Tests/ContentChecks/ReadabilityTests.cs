namespace Rekindle.Tests.ContentChecks;

/// <summary>The content rules themselves, on known texts, so a change to them shows.</summary>
public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("make", 1)]
    [InlineData("the", 1)]
    [InlineData("appreciation", 4)]
    [InlineData("don't", 1)]
    public void Syllables_follow_the_vowel_runs(string word, int expected) => Assert.Equal(expected, Readability.Syllables(word));

    [Fact]
    public void Short_plain_sentences_read_at_a_low_grade_and_long_ones_high()
    {
        Assert.True(Readability.Grade("We sat down. We had tea. It was a good day.") < 2);
        Assert.True(
            Readability.Grade(
                "Communication difficulties frequently originate in unacknowledged expectations regarding responsibilities, "
                    + "particularly considering professional obligations and organisational uncertainty."
            ) > 14
        );
    }

    [Fact]
    public void Reworded_questions_are_near_duplicates_and_different_ones_are_not()
    {
        Assert.True(
            Readability.NearDuplicates(
                "When you share a worry, do you usually want ideas, comfort or just a listening ear?",
                "When you share a problem, do you usually want solutions, comfort, or just a listener?"
            )
        );
        Assert.False(
            Readability.NearDuplicates(
                "Which memory of us still makes you laugh?",
                "What would help you feel less alone with money worries?"
            )
        );
    }

    [Theory]
    [InlineData("Do you like mornings?", true)]
    [InlineData("Is there a song that reminds you of us?", true)]
    [InlineData("What made you smile today?", false)]
    [InlineData("Which small treat lifts your mood?", false)]
    public void Yes_no_questions_are_told_by_their_first_word(string question, bool expected) =>
        Assert.Equal(expected, Readability.IsYesNo(question));
}
