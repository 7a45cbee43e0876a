using Rekindle.Web.Features.Talk;

namespace Rekindle.Tests.Talk;

/// <summary>
/// The soft start-up helper (decisions/0030), case by case: each kind of pattern, the sentences it used to call kind,
/// kind sentences with tricky words, the context rules that live in the content file, and when it is unsure.
/// </summary>
public sealed class ToneTests
{
    internal static readonly SoftStartup Soft = SoftStartup.Load(
        Path.Combine(AppContext.BaseDirectory, "Content", "talk", "soft-startup.en.json")
    );

    private static ToneReading Read(string text) => Soft.Read(text)!;

    [Theory]
    [InlineData("Whatever. Fine. Do what you want.", "stonewalling")]
    [InlineData("I'm done talking about this.", "stonewalling")]
    [InlineData("I'm sorry you feel that way", "non-apology")]
    [InlineData("I'm sorry if I was harsh", "non-apology")]
    [InlineData("I shouted, but only because you ignored me", "defensiveness")]
    public void The_five_sentences_it_called_kind_are_flagged_for_what_they_are(string text, string kind)
    {
        var reading = Read(text);
        Assert.Equal(ToneVerdict.Harsh, reading.Verdict);
        Assert.False(reading.ReadsKindly);
        var finding = reading.Findings.First(f => f.Kind == kind);
        Assert.False(string.IsNullOrWhiteSpace(finding.Note));
        Assert.False(string.IsNullOrWhiteSpace(finding.Kinder));
        Assert.Contains(finding.Phrase, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("criticism", "You're so selfish with the car.", "You're so selfish")]
    [InlineData("criticism", "What is wrong with you?", "What is wrong with you")]
    [InlineData("criticism", "Why can't you just call when you're late?", "Why can't you just")]
    [InlineData("criticism", "Honestly you are such a slob.", "you are such a slob")]
    [InlineData("contempt", "Oh great, the car's empty again. Typical.", "Oh great")]
    [InlineData("contempt", "Nice of you to finally notice.", "Nice of you to finally")]
    [InlineData("contempt", "Do you want a medal for that?", "Do you want a medal")]
    [InlineData("defensiveness", "You started it.", "You started it")]
    [InlineData("defensiveness", "It's not my fault the tickets sold out.", "It's not my fault")]
    [InlineData("defensiveness", "What about the time you forgot my birthday?", "What about the time you")]
    [InlineData("stonewalling", "Forget it.", "Forget it")]
    [InlineData("stonewalling", "Just leave me alone.", "leave me alone")]
    [InlineData("stonewalling", "You're overreacting.", "You're overreacting")]
    [InlineData("absolutes", "You always leave the dishes.", "You always")]
    [InlineData("absolutes", "YOU NEVER listen", "YOU NEVER")]
    [InlineData("absolutes", "Not once have you asked.", "Not once have")]
    [InlineData("blame", "It's your fault we're broke.", "It's your fault")]
    [InlineData("blame", "You make me so angry.", "You make me")]
    [InlineData("blame", "You ruined the evening.", "You ruined the")]
    [InlineData("comparison", "You're just like your mother.", "You're just like your mother")]
    [InlineData("comparison", "My ex would never have done that.", "My ex would")]
    [InlineData("threat", "If you do that again, I'm leaving.", "If you do that again, I'm leaving")]
    [InlineData("threat", "Don't make me tell everyone.", "Don't make me")]
    [InlineData("threat", "We're done.", "We're done.")]
    [InlineData("non-apology", "Sorry, but you were rude first.", "Sorry, but")]
    [InlineData("non-apology", "Mistakes were made.", "Mistakes were made")]
    [InlineData("non-apology", "I apologise if anyone was offended.", "apologise if")]
    public void Each_kind_is_named_with_the_words_as_written(string kind, string text, string phrase)
    {
        var reading = Read(text);
        Assert.Equal(ToneVerdict.Harsh, reading.Verdict);
        Assert.Contains(reading.Findings, f => f.Kind == kind && f.Phrase == phrase);
    }

    [Theory]
    [InlineData("I always love our Sunday walks.")]
    [InlineData("You always make me laugh when I'm down.")]
    [InlineData("You never judge me, and I love that.")]
    [InlineData("It's not your fault the train was late.")]
    [InlineData("I'm sorry. But I also want to tell you how scared I was.")]
    [InlineData("I'm sorry I raised my voice. It wasn't fair to you.")]
    [InlineData("It's my fault we were late, and I'm sorry.")]
    [InlineData("I'm done with the washing up, want to sit together?")]
    [InlineData("Whatever happens with the job, I'm with you.")]
    [InlineData("Let's do whatever you want this weekend.")]
    [InlineData("I just need a hug.")]
    [InlineData("I'll never forget our first trip to the sea.")]
    [InlineData("I need a little time to calm down, then I'd like to talk.")]
    [InlineData("I'll leave the light on for you.")]
    [InlineData("Selfishness isn't the word; I was tired.")]
    [InlineData("You make me feel safe.")]
    [InlineData("You're just like your dad when you laugh, it's lovely.")]
    public void Kind_sentences_with_tricky_words_are_not_flagged(string text)
    {
        var reading = Read(text);
        Assert.False(reading.Flagged, string.Join(", ", reading.Findings.Select(f => f.Kind + ": " + f.Phrase)));
    }

    [Theory]
    [InlineData("whats your problem", "criticism", "whats your problem")]
    [InlineData("i dont care", "stonewalling", "i dont care")]
    [InlineData("youll regret this", "threat", "youll regret")]
    [InlineData("WHATS UR PROBLEM", "criticism", "WHATS UR PROBLEM")]
    [InlineData("cba with this conversation", "stonewalling", "cba with this")]
    [InlineData("keep it up and ill leave", "threat", "ill leave")]
    [InlineData("sorry ur so upset i guess", "non-apology", "sorry ur so upset")]
    [InlineData("you're way too sensitive", "criticism", "you're way too sensitive")]
    [InlineData("if you loved me you'd stop seeing her", "threat", "if you loved me you'd")]
    [InlineData("late again, as usual", "contempt", "as usual")]
    [InlineData("wow, thanks for all the help", "contempt", "wow, thanks")]
    [InlineData("this whole mess is on you mate", "blame", "this whole mess is on you mate")]
    [InlineData("its ur fault we're late", "blame", "ur fault")]
    [InlineData("oh sorry, am i interrupting your precious game", "contempt", "your precious game")]
    public void Texting_spellings_and_sarcasm_markers_are_read_and_named_in_the_words_as_written(string text, string kind, string phrase)
    {
        var reading = Read(text);
        Assert.Equal(ToneVerdict.Harsh, reading.Verdict);
        Assert.Contains(reading.Findings, f => f.Kind == kind && f.Phrase == phrase);
    }

    [Theory]
    [InlineData("oh great news about your promotion, so happy for you")]
    [InlineData("congratulations on the new job, you earned it")]
    [InlineData("must be nice to have a day off finally, enjoy it")]
    [InlineData("i want to grow up a bit with money, can you help me make a budget")]
    [InlineData("who cares what the neighbours think, i love our messy garden")]
    [InlineData("ugh my day was awful, can i have a cuddle")]
    [InlineData("you did nothing wrong, i was just tired")]
    [InlineData("you could never disappoint me")]
    [InlineData("thanks for putting up with my singing lol")]
    [InlineData("I feel ill, leave the dishes for me.")]
    [InlineData("no, you're not being dramatic, that sounds really scary")]
    [InlineData("wow, you fixed the shelf! thank you")]
    [InlineData("typical me, i forgot my keys again, can you let me in lol")]
    public void Sarcasm_markers_in_kind_uses_are_not_flagged(string text)
    {
        var reading = Read(text);
        Assert.False(reading.Flagged, string.Join(", ", reading.Findings.Select(f => f.Kind + ": " + f.Phrase)));
    }

    [Theory]
    [InlineData("must I do everything myself", "criticism", "must I do everything")]
    [InlineData("I shouldn't have to remind you", "criticism", "I shouldn't have to remind")]
    [InlineData("spare me the lecture", "contempt", "spare me")]
    [InlineData("you've got the attention span of a goldfish", "contempt", "you've got the attention span of a")]
    [InlineData("don't bother explaining", "stonewalling", "don't bother explaining")]
    public void Rhetorical_frames_idioms_and_dismissive_imperatives_are_named(string text, string kind, string phrase)
    {
        var reading = Read(text);
        Assert.Equal(ToneVerdict.Harsh, reading.Verdict);
        Assert.Contains(reading.Findings, f => f.Kind == kind && f.Phrase == phrase);
    }

    [Theory]
    [InlineData("you're not lazy, you're exhausted")]
    [InlineData("I was being selfish, I'm sorry")]
    [InlineData("don't bother cooking tonight, I'll bring dinner home")]
    [InlineData("can you spare me a minute after work")]
    [InlineData("I thought you wouldn't understand, so I kept quiet, and that was wrong")]
    [InlineData("I'll stop nagging, I promise")]
    public void Kind_uses_of_the_same_words_are_not_flagged(string text)
    {
        var reading = Read(text);
        Assert.False(reading.Flagged, string.Join(", ", reading.Findings.Select(f => f.Kind + ": " + f.Phrase)));
    }

    [Theory]
    [InlineData("I feel lonely in the evenings, and I need us to have one night a week.")]
    [InlineData("I'm sorry I forgot to call. I know you were waiting.")]
    [InlineData("Could we plan a date night this month?")]
    public void It_says_a_text_reads_kindly_only_when_it_has_a_kind_shape(string text)
    {
        var reading = Read(text);
        Assert.Equal(ToneVerdict.Kind, reading.Verdict);
        Assert.Empty(reading.LookAt);
    }

    [Theory]
    [InlineData("Ok.")]
    [InlineData("The bins.")]
    [InlineData("Dinner was at eight and the car was gone.")]
    [InlineData("I'm sorry. But I also want to tell you how scared I was.")]
    [InlineData("PLEASE ANSWER YOUR PHONE")]
    public void When_it_cannot_tell_it_says_what_to_look_at_instead_of_reads_kindly(string text)
    {
        var reading = Read(text);
        Assert.Equal(ToneVerdict.Unsure, reading.Verdict);
        Assert.False(reading.ReadsKindly);
        Assert.NotEmpty(reading.LookAt);
    }

    [Fact]
    public void A_sorry_then_but_across_sentences_is_pointed_out_as_needing_care()
    {
        var reading = Read("I'm sorry. But I also want to tell you how scared I was.");
        Assert.Contains(reading.LookAt, l => l.Contains("\"but\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_come_in_the_order_they_appear_each_phrase_once_and_blank_text_gives_no_reading()
    {
        var reading = Read("You never call, you idiot, and you always forget.");
        Assert.Equal(["absolutes", "criticism", "absolutes"], reading.Findings.Select(f => f.Kind));
        Assert.Equal(["You never", "idiot", "you always"], reading.Findings.Select(f => f.Phrase));
        Assert.Null(Soft.Read("   "));
        Assert.Equal(ToneVerdict.Unsure, Soft.Nothing.Verdict);
        Assert.Contains("I feel", Soft.Frame, StringComparison.Ordinal);
    }

    [Fact]
    public void Curly_apostrophes_and_line_breaks_read_as_plain_ones()
    {
        Assert.Contains(Read("what’s wrong with you").Findings, f => f.Kind == "criticism");
        Assert.Contains(Read("Why can't  you just\ncall?").Findings, f => f.Kind == "criticism");
    }

    [Fact]
    public void Every_kind_the_issue_names_is_in_the_content_file()
    {
        Assert.Equal(
            ["criticism", "contempt", "defensiveness", "stonewalling", "absolutes", "blame", "comparison", "threat", "non-apology"],
            Soft.Kinds
        );
    }

    [Fact]
    public void The_code_knows_no_language_the_patterns_come_from_the_file()
    {
        // A file in another language, with its own words, drives the same code.
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(folder.FullName, "soft-startup.xx.json");
            File.WriteAllText(
                path,
                """
                {
                  "language": "xx", "frame": "Ik voel … en ik heb … nodig", "frameExample": "Ik voel me alleen.", "minWords": 3,
                  "lookAt": ["Kijk nog eens."], "kindShapes": ["ik voel"], "terms": { "jij": "jij|je" },
                  "kinds": [ { "kind": "absolutes", "title": "Altijd", "note": "n", "kinder": "k",
                    "groups": [ { "match": ["%jij% altijd"], "unlessAfter": ["^\\s*lief"] } ] } ],
                  "care": []
                }
                """
            );
            var other = SoftStartup.Load(path);
            Assert.True(other.Read("Jij altijd met je telefoon")!.Flagged);
            Assert.False(other.Read("Je altijd lief bent")!.Flagged);
            Assert.True(other.Read("Ik voel me vandaag moe")!.ReadsKindly);
            Assert.False(other.Read("You always forget")!.Flagged);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_pattern_naming_a_term_the_file_lacks_stops_the_load()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(folder.FullName, "soft-startup.xx.json");
            File.WriteAllText(
                path,
                """
                { "language": "xx", "frame": "f", "frameExample": "e", "minWords": 3, "lookAt": ["l"], "kindShapes": ["k"], "terms": {},
                  "kinds": [ { "kind": "blame", "title": "t", "note": "n", "kinder": "k",
                               "groups": [ { "match": ["%missing% x"] } ] } ], "care": [] }
                """
            );
            Assert.Throws<InvalidDataException>(() => SoftStartup.Load(path));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
