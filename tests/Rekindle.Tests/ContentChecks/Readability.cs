using System.Text.RegularExpressions;

namespace Rekindle.Tests.ContentChecks;

/// <summary>
/// The content rules of decision 0039, in one place for every content test (as described in
/// docs/decisions/0039): a simple Flesch-Kincaid grade, the near-duplicate rule
/// for questions, and what counts as a yes/no question.
/// </summary>
public static partial class Readability
{
    /// <summary>The highest grade a lesson body or a question may have.</summary>
    public const double MaxGrade = 8.0;

    /// <summary>Near-duplicates share at least this many content words...</summary>
    public const int MinSharedWords = 3;

    /// <summary>...and at least this Jaccard similarity of their content-word sets.</summary>
    public const double NearDuplicateFrom = 0.4;

    /// <summary>At most this share of all questions may be answerable with yes or no.</summary>
    public const double MaxYesNoShare = 0.05;

    private static readonly HashSet<string> Stop = new(
        """
        a an the and or but if of to in on at for with from by about as into than then so that this these those it its
        is are was were be been being am do does did done have has had having i you we they he she me us our ours your yours my mine
        their them what which who whom whose when where why how would could should will can may might must shall there here one ones
        some any each every most more much many very just also too not no yes ever never something anything someone anyone thing
        things s t ll re ve d m don didn isn
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal
    );

    private static readonly string[] YesNoStarts =
    [
        "is",
        "are",
        "do",
        "does",
        "did",
        "have",
        "has",
        "can",
        "could",
        "would",
        "will",
        "should",
        "was",
        "were",
        "am",
    ];

    /// <summary>
    /// 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Words are runs of letters (an
    /// apostrophe inside a word kept); sentences are the pieces between runs of . ! ? that hold a word;
    /// a word's syllables are its runs of vowels (a, e, i, o, u, y) after dropping a final "e" that does
    /// not end "le" (words of more than two letters), at least one.
    /// </summary>
    public static double Grade(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        var sentences = Math.Max(1, SentenceEnd().Split(text).Count(p => Word().IsMatch(p)));
        var syllables = words.Sum(Syllables);
        return 0.39 * words.Count / sentences + 11.8 * syllables / words.Count - 15.59;
    }

    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal);
        if (w.Length > 2 && w.EndsWith('e') && !w.EndsWith("le", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        return Math.Max(1, Vowels().Count(w));
    }

    public static int WordCount(string text) => Word().Count(text);

    /// <summary>The content words of a text: lowercase, apostrophe endings and stop words dropped, cut to five letters.</summary>
    public static HashSet<string> ContentWords(string text) =>
        Letters()
            .Matches(Apostrophe().Replace(text.ToLowerInvariant(), ""))
            .Select(m => m.Value)
            .Where(w => !Stop.Contains(w))
            .Select(w => w.Length > 5 ? w[..5] : w)
            .ToHashSet(StringComparer.Ordinal);

    public static bool NearDuplicates(string a, string b)
    {
        var wa = ContentWords(a);
        var wb = ContentWords(b);
        var shared = wa.Count(wb.Contains);
        var union = wa.Count + wb.Count - shared;
        return shared >= MinSharedWords && (double)shared / union >= NearDuplicateFrom;
    }

    public static bool IsYesNo(string question)
    {
        var first = Letters().Match(question.ToLowerInvariant()).Value;
        return YesNoStarts.Contains(first);
    }

    [GeneratedRegex("[A-Za-z]+(?:'[A-Za-z]+)*")]
    private static partial Regex Word();

    [GeneratedRegex("[.!?]+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex Vowels();

    [GeneratedRegex("[a-z]+")]
    private static partial Regex Letters();

    [GeneratedRegex("'[a-z]+")]
    private static partial Regex Apostrophe();
}
