using System.Text.RegularExpressions;
using Rekindle.Tests.Localization;

namespace Rekindle.Tests.Platform;

/// <summary>
/// Decision 0032 held by the tree itself: pages bind typed request records instead of reading the posted form, endpoints
/// decide by a problem's kind and field and never by its words, and pages show a handler's message as it comes.
/// </summary>
public sealed partial class OneWayTests
{
    /// <summary>A read of a problem's or outcome's words: <c>outcome.Error</c>, <c>problem.Message</c> (a method named Message is
    /// fine).</summary>
    [GeneratedRegex(@"\.(Error|Message)\b(?!\s*\()")]
    private static partial Regex MessageRead();

    /// <summary>A handler's message passed through the localizer again: <c>T[outcome.Error!]</c>, <c>T[problem.Message]</c>.</summary>
    [GeneratedRegex(@"\bT\[[^\]""]*\.(Error|Message)\b")]
    private static partial Regex TranslatedAgain();

    [Fact]
    public void No_page_reads_the_posted_form_itself()
    {
        var found = SourceTree.Files("*.razor").Where(f => File.ReadAllText(f).Contains("Request.Form", StringComparison.Ordinal));
        Assert.Empty(found.Select(SourceTree.Relative));
    }

    [Fact]
    public void No_endpoint_decides_by_reading_a_message()
    {
        var found = SourceTree
            .Files("*Api.cs")
            .Concat(
                SourceTree
                    .Files("*.cs")
                    .Where(f => f.Contains("Infrastructure" + Path.DirectorySeparatorChar + "Api", StringComparison.Ordinal))
            )
            .Where(f => !f.EndsWith("ApiResults.cs", StringComparison.Ordinal))
            .Distinct()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)).Where(l => MessageRead().IsMatch(l.line)))
            .Select(l => $"{SourceTree.Relative(l.f)}:{l.i + 1}: {l.line.Trim()}");
        Assert.Empty(found);
    }

    [Fact]
    public void No_page_translates_a_handler_message_again()
    {
        var found = SourceTree
            .Files("*.razor")
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)).Where(l => TranslatedAgain().IsMatch(l.line)))
            .Select(l => $"{SourceTree.Relative(l.f)}:{l.i + 1}: {l.line.Trim()}");
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("var field = outcome.Error!.StartsWith(\"That item\", StringComparison.Ordinal) ? \"key\" : \"answer\";", true)]
    [InlineData("return Invalid(\"title\", problem.Message);", true)]
    [InlineData("var message = ProfessionalSummary.Message(problem!.Code, problem.Part, choices);", false)]
    [InlineData("return ApiResults.From(outcome, Dto);", false)]
    public void The_message_check_finds_reads_of_the_words(string line, bool read) => Assert.Equal(read, MessageRead().IsMatch(line));

    [Theory]
    [InlineData("(_message, _error) = (T[outcome.Error!], true);", true)]
    [InlineData("_message = T[\"Saved.\"];", false)]
    public void The_translation_check_finds_a_message_translated_again(string line, bool again) =>
        Assert.Equal(again, TranslatedAgain().IsMatch(line));
}
