using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rekindle.Web.Features.Talk;

public sealed record SoftStartupFlag(string Phrase, string Note);

/// <summary>
/// The soft start-up helper: a gentle, local, rule-based look at words meant for the partner. It
/// flags blaming absolutes ("you always", "you never") and name-calling, and offers the
/// "I feel … about … and I need …" frame. It only suggests; nothing is ever blocked or sent anywhere.
/// Phrases live in Content/talk/soft-startup.{language}.json.
/// </summary>
public sealed class SoftStartup
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<(Regex Pattern, string Phrase, string Note)> _rules = [];

    public SoftStartup(string frame, string frameExample, IEnumerable<(string Phrase, string Note)> absolutes, IEnumerable<string> nameCalling, string nameCallingNote)
    {
        Frame = frame;
        FrameExample = frameExample;
        foreach (var (phrase, note) in absolutes)
        {
            _rules.Add((Pattern(phrase), phrase, note));
        }

        foreach (var word in nameCalling)
        {
            _rules.Add((Pattern(word), word, string.Format(System.Globalization.CultureInfo.InvariantCulture, nameCallingNote, word)));
        }
    }

    public string Frame { get; }

    public string FrameExample { get; }

    /// <summary>What to gently point out in a text, in the order it appears; empty when it reads softly.</summary>
    public IReadOnlyList<SoftStartupFlag> Check(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var normal = Normalise(text);
        return _rules
            .Select(r => (Match: r.Pattern.Match(normal), r.Phrase, r.Note))
            .Where(r => r.Match.Success)
            .OrderBy(r => r.Match.Index)
            .Select(r => new SoftStartupFlag(r.Phrase, r.Note))
            .ToList();
    }

    public static SoftStartup Load(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<FileShape>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return new SoftStartup(file.Frame, file.FrameExample, file.Absolutes.Select(a => (a.Phrase, a.Note)), file.NameCalling, file.NameCallingNote);
    }

    // Curly apostrophes and runs of spaces read the same as plain ones.
    private static string Normalise(string text) =>
        Regex.Replace(text.Replace('\u2019', '\'').Replace('\u2018', '\''), @"\s+", " ", RegexOptions.None, TimeSpan.FromMilliseconds(200));

    private static Regex Pattern(string phrase) =>
        new(@"(?<![\p{L}\p{N}])" + Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"(?![\p{L}\p{N}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    private sealed record FileShape(string Language, string Frame, string FrameExample, List<AbsoluteShape> Absolutes, List<string> NameCalling, string NameCallingNote);

    private sealed record AbsoluteShape(string Phrase, string Note);
}
