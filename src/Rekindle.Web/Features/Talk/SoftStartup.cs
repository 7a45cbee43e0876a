using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rekindle.Web.Features.Talk;

/// <summary>How a text reads to the helper: kindly only when it is confident, unsure when it cannot tell, harsh when it found a
/// pattern.</summary>
public enum ToneVerdict
{
    Kind,
    Unsure,
    Harsh,
}

/// <summary>One pattern found: its kind (criticism, contempt, …), the words as written, a gentle note and a kinder way to say it.</summary>
public sealed record ToneFinding(string Kind, string Title, string Phrase, string Note, string Kinder);

/// <summary>What the helper makes of a text. LookAt says what to look at when it is unsure.</summary>
public sealed record ToneReading(ToneVerdict Verdict, IReadOnlyList<ToneFinding> Findings, IReadOnlyList<string> LookAt)
{
    public bool ReadsKindly => Verdict == ToneVerdict.Kind;

    public bool Flagged => Verdict == ToneVerdict.Harsh;
}

/// <summary>
/// The soft start-up helper: a small, deterministic classifier of the patterns couples research names
/// (criticism of character, contempt, defensiveness, stonewalling, absolutes, blame, comparisons,
/// threats, non-apologies; see docs/CREDITS.md and decisions/0030). Every pattern and exception lives
/// in Content/talk/soft-startup.{language}.json, so this code knows no language: it normalises the
/// text, splits it into sentences, and runs each rule with its "unless before" and "unless after"
/// context. It says a text reads kindly only when nothing was found, the text is long enough and it
/// has a kind shape ("I feel", "I need", "thank you" …); otherwise it says what to look at. It only
/// suggests; nothing is blocked, stored or sent anywhere.
/// </summary>
public sealed class SoftStartup
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Generous, because a busy server can pause a thread this long; a rule that still runs out is
    // treated as "could not tell" (never as kind), not as an error.
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(2);
    private static readonly Regex Spaces = new(@"[ \t\f\v]+", RegexOptions.None, Limit);
    private static readonly Regex Sentences = new(@"(?<=[.!?;…])\s+|\s*\n\s*", RegexOptions.None, Limit);
    private static readonly Regex Words = new(@"[\p{L}\p{N}']+", RegexOptions.None, Limit);
    private static readonly Regex Held = new(@"(\p{L})\1{2,}", RegexOptions.None, Limit);
    private static readonly Regex Terms = new(@"%([a-z]+)%", RegexOptions.None, Limit);

    private readonly List<Rule> _rules = [];
    private readonly List<(Regex Pattern, string Note)> _care = [];
    private readonly List<Regex> _kindShapes = [];
    private readonly Dictionary<string, string> _spellings;
    private readonly int _minWords;

    private SoftStartup(FileShape file, string path)
    {
        Frame = file.Frame;
        FrameExample = file.FrameExample;
        LookAt = file.LookAt;
        _minWords = file.MinWords;
        _spellings = new Dictionary<string, string>(file.Spellings ?? [], StringComparer.OrdinalIgnoreCase);
        string Expand(string pattern) =>
            Terms.Replace(pattern, m =>
                file.Terms.TryGetValue(m.Groups[1].Value, out var term)
                    ? "(?:" + term + ")"
                    : throw new InvalidDataException($"{path}: no term '{m.Groups[1].Value}' for the pattern {pattern}.")
            );
        Regex Make(string pattern, bool bounded) =>
            new(
                bounded ? @"(?<![\p{L}\p{N}'])(?:" + Expand(pattern) + @")(?![\p{L}\p{N}])" : Expand(pattern),
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                Limit
            );

        foreach (var kind in file.Kinds)
        {
            foreach (var group in kind.Groups)
            {
                var unlessBefore = group.UnlessBefore.Select(p => Make(p, false)).ToArray();
                var unlessAfter = group.UnlessAfter.Select(p => Make(p, false)).ToArray();
                foreach (var pattern in group.Match)
                {
                    _rules.Add(
                        new Rule(
                            kind.Kind,
                            kind.Title,
                            group.Note ?? kind.Note,
                            group.Kinder ?? kind.Kinder,
                            Make(pattern, true),
                            unlessBefore,
                            unlessAfter
                        )
                    );
                }
            }
        }

        _care.AddRange(file.Care.Select(c => (Make(c.Match, true), c.Note)));
        _kindShapes.AddRange(file.KindShapes.Select(p => Make(p, true)));
    }

    public string Frame { get; }

    public string FrameExample { get; }

    /// <summary>What to look at when the helper cannot tell how a text will land.</summary>
    public IReadOnlyList<string> LookAt { get; }

    /// <summary>The kinds of pattern the helper knows, in the content file's order.</summary>
    public IEnumerable<string> Kinds => _rules.Select(r => r.Kind).Distinct();

    /// <summary>Reads a text; null or blank text gives no reading.</summary>
    public ToneReading? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var normal = Normalise(text);
        var (spelled, from, to) = Respell(normal);

        // Every rule's first excused-free match in each sentence; where matches overlap, the one that
        // starts first (then the longer) speaks for those words, so each phrase is named once. The
        // rules read the text with informal spellings written out ("dont" as "don't"); the phrase
        // shown is the writer's own words.
        var candidates = new List<(int Start, int End, ToneFinding Finding)>();
        var gaveUp = false;
        var offset = 0;
        foreach (
            var end in Sentences.Matches(spelled).Select(m => (Index: m.Index, Length: m.Length)).Append((Index: spelled.Length, Length: 0))
        )
        {
            var sentence = spelled[offset..end.Index];
            foreach (var rule in _rules)
            {
                Match? match;
                try
                {
                    match = rule.FirstIn(sentence);
                }
                catch (RegexMatchTimeoutException)
                {
                    (match, gaveUp) = (null, true);
                }

                if (match is not null && match.Length > 0)
                {
                    var (start, stop) = (offset + match.Index, offset + match.Index + match.Length);
                    candidates.Add(
                        (
                            start,
                            stop,
                            new ToneFinding(rule.Kind, rule.Title, normal[from[start]..to[stop - 1]].Trim(), rule.Note, rule.Kinder)
                        )
                    );
                }
            }

            offset = end.Index + end.Length;
        }

        var found = new List<(int Start, int End, ToneFinding Finding)>();
        foreach (var candidate in candidates.OrderBy(c => c.Start).ThenByDescending(c => c.End))
        {
            if (!found.Any(f => f.Start < candidate.End && candidate.Start < f.End))
            {
                found.Add(candidate);
            }
        }

        if (found.Count > 0)
        {
            return new ToneReading(ToneVerdict.Harsh, found.OrderBy(f => f.Start).Select(f => f.Finding).ToList(), []);
        }

        var care = _care.Where(c => c.Pattern.IsMatch(spelled)).Select(c => c.Note).ToList();
        var confident = !gaveUp && care.Count == 0 && Words.Count(normal) >= _minWords && _kindShapes.Any(s => s.IsMatch(spelled));
        return confident ? new ToneReading(ToneVerdict.Kind, [], []) : new ToneReading(ToneVerdict.Unsure, [], [.. care, .. LookAt]);
    }

    /// <summary>Reads several boxes as one piece of writing, for one verdict over the whole.</summary>
    public ToneReading? ReadTogether(IEnumerable<string?> texts) =>
        Read(string.Join("\n", texts.Where(t => !string.IsNullOrWhiteSpace(t))));

    /// <summary>The reading of nothing at all: unsure, with what to look at.</summary>
    public ToneReading Nothing => new(ToneVerdict.Unsure, [], LookAt);

    public static SoftStartup Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        if (file.Kinds.Count == 0 || file.KindShapes.Count == 0 || file.LookAt.Count == 0 || file.MinWords < 1)
        {
            throw new InvalidDataException($"{path} needs kinds, kindShapes, lookAt and minWords.");
        }

        return new SoftStartup(file, path);
    }

    // Curly quotes, dashes and runs of spaces read the same as plain ones, a letter held down ("sooo") as one;
    // line breaks end a sentence.
    private static string Normalise(string text) =>
        Held.Replace(
            Spaces
                .Replace(
                    text.Replace('\u2019', '\'')
                        .Replace('\u2018', '\'')
                        .Replace('\u02BC', '\'')
                        .Replace('\u201C', '"')
                        .Replace('\u201D', '"')
                        .Replace('\u2013', '-')
                        .Replace('\u2014', '-')
                        .Replace("\r", "", StringComparison.Ordinal),
                    " "
                )
                .Trim()
                .Normalize(System.Text.NormalizationForm.FormC),
            "$1"
        );

    // Informal spellings from the content file ("dont", "youre", "u"), written out word by word; for each
    // character of the result, where its word starts and ends in the text as written. A word in capitals
    // stays in capitals.
    private (string Text, int[] From, int[] To) Respell(string text)
    {
        var result = new System.Text.StringBuilder(text.Length + 16);
        var from = new List<int>(text.Length + 16);
        var to = new List<int>(text.Length + 16);
        void Put(char c, int start, int end)
        {
            result.Append(c);
            from.Add(start);
            to.Add(end);
        }

        var at = 0;
        foreach (Match word in Words.Matches(text))
        {
            if (!_spellings.TryGetValue(word.Value, out var spelled))
            {
                continue;
            }

            for (; at < word.Index; at++)
            {
                Put(text[at], at, at + 1);
            }

            var shouting = word.Value.Length > 1 && word.Value.All(c => !char.IsLetter(c) || char.IsUpper(c));
            foreach (var c in shouting ? spelled.ToUpperInvariant() : spelled)
            {
                Put(c, word.Index, word.Index + word.Length);
            }

            at = word.Index + word.Length;
        }

        for (; at < text.Length; at++)
        {
            Put(text[at], at, at + 1);
        }

        return (result.ToString(), [.. from], [.. to]);
    }

    private sealed record Rule(
        string Kind,
        string Title,
        string Note,
        string Kinder,
        Regex Pattern,
        Regex[] UnlessBefore,
        Regex[] UnlessAfter
    )
    {
        // The first match whose own sentence does not excuse it: "unless before" looks at the words
        // before the match, "unless after" at the words after it, both within the sentence.
        public Match? FirstIn(string sentence)
        {
            for (var match = Pattern.Match(sentence); match.Success; match = match.NextMatch())
            {
                var before = sentence[..match.Index];
                var after = sentence[(match.Index + match.Length)..];
                if (!UnlessBefore.Any(u => u.IsMatch(before)) && !UnlessAfter.Any(u => u.IsMatch(after)))
                {
                    return match;
                }
            }

            return null;
        }
    }

    private sealed record FileShape(
        string Language,
        string Frame,
        string FrameExample,
        int MinWords,
        List<string> LookAt,
        List<string> KindShapes,
        Dictionary<string, string> Terms,
        List<KindShape> Kinds,
        List<CareShape> Care,
        Dictionary<string, string>? Spellings = null
    );

    private sealed record KindShape(string Kind, string Title, string Note, string Kinder, List<GroupShape> Groups);

    private sealed class GroupShape
    {
        public List<string> Match { get; init; } = [];

        public string? Note { get; init; }

        public string? Kinder { get; init; }

        public List<string> UnlessBefore { get; init; } = [];

        public List<string> UnlessAfter { get; init; } = [];
    }

    private sealed record CareShape(string Match, string Note);
}
