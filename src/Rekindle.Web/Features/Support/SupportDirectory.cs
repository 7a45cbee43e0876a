using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rekindle.Web.Features.Support;

/// <summary>One professional body, service or practice the operator lists. Shown as written: the operator's words.</summary>
public sealed record DirectoryEntry(
    string Name,
    IReadOnlyList<string> Kinds,
    string Region,
    IReadOnlyList<string> Languages,
    string About,
    string? Phone,
    string? Web,
    string? Email,
    bool Online,
    bool InPerson
);

/// <summary>How a search narrows the list: free text, a kind key, and "online" or "in-person". Anything unknown is ignored.</summary>
public sealed record DirectoryQuery(string Text, string? Kind, string? Mode)
{
    public const int MaxTextLength = 100;

    public static readonly IReadOnlyList<string> Modes = ["online", "in-person"];

    /// <summary>Cleans what came from a query string: trimmed, control characters dropped, cut to length, unknown choices
    /// dropped.</summary>
    public static DirectoryQuery From(string? text, string? kind, string? mode)
    {
        var clean = new string((text ?? "").Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).ToArray()).Trim();
        if (clean.Length > MaxTextLength)
        {
            clean = clean[..MaxTextLength];
        }

        return new DirectoryQuery(
            clean,
            kind is not null && SupportRules.Keys.Contains(kind) ? kind : null,
            mode is not null && Modes.Contains(mode) ? mode : null
        );
    }
}

/// <summary>
/// The directory of professionals and services, from the operator's file (<see cref="SupportOptions.DirectoryFile"/>,
/// or the built-in Content/support/directory.en.json). Checked at start-up: a broken file stops the app.
/// </summary>
public sealed partial class SupportDirectory(string language, IReadOnlyList<DirectoryEntry> entries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Language { get; } = language;

    public IReadOnlyList<DirectoryEntry> Entries { get; } = entries;

    public IReadOnlyList<DirectoryEntry> Search(DirectoryQuery query)
    {
        var words = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Entries
            .Where(e => query.Kind is null || e.Kinds.Contains(query.Kind))
            .Where(e =>
                query.Mode switch
                {
                    "online" => e.Online,
                    "in-person" => e.InPerson,
                    _ => true,
                }
            )
            .Where(e => words.All(w => Haystack(e).Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    private static string Haystack(DirectoryEntry e) =>
        string.Join(' ', [e.Name, e.Region, e.About, .. e.Languages, .. e.Kinds.Select(k => k.Replace('-', ' '))]);

    public static SupportDirectory Load(string path)
    {
        FileShape? file;
        using (var stream = File.OpenRead(path))
        {
            file = JsonSerializer.Deserialize<FileShape>(stream, Json);
        }

        if (file?.Entries is null || string.IsNullOrWhiteSpace(file.Language))
        {
            throw new InvalidDataException($"{path} needs a language and a list of entries.");
        }

        var problems = file.Entries.SelectMany(Problems).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: " + string.Join("; ", problems));
        }

        return new SupportDirectory(
            file.Language,
            file.Entries.Select(e => new DirectoryEntry(
                    e.Name!.Trim(),
                    e.Kinds!,
                    e.Region!.Trim(),
                    e.Languages ?? [],
                    e.About?.Trim() ?? "",
                    Blank(e.Phone),
                    Blank(e.Web),
                    Blank(e.Email),
                    e.Online,
                    e.InPerson
                ))
                .ToList()
        );
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IEnumerable<string> Problems(EntryShape e, int index)
    {
        var who = string.IsNullOrWhiteSpace(e.Name) ? $"entry {index + 1}" : $"'{e.Name}'";
        if (string.IsNullOrWhiteSpace(e.Name))
        {
            yield return $"{who} needs a name";
        }

        if (string.IsNullOrWhiteSpace(e.Region))
        {
            yield return $"{who} needs an area or region";
        }

        if (e.Kinds is not { Count: > 0 } || e.Kinds.Any(k => !SupportRules.Keys.Contains(k)))
        {
            yield return $"{who} needs kinds from: {string.Join(", ", SupportRules.Keys)}";
        }

        if (!e.Online && !e.InPerson)
        {
            yield return $"{who} must be online, in person, or both";
        }

        if (Blank(e.Phone) is null && Blank(e.Web) is null && Blank(e.Email) is null)
        {
            yield return $"{who} needs a way to reach them (phone, web or email)";
        }

        if (Blank(e.Web) is { } web && !IsPlainHttps(web))
        {
            yield return $"{who} needs a plain https address without a query string, fragment or credentials";
        }

        if (Blank(e.Email) is { } email && !EmailShape().IsMatch(email))
        {
            yield return $"{who} has an email address that does not look like one";
        }

        if (Blank(e.Phone) is { } phone && !PhoneShape().IsMatch(phone))
        {
            yield return $"{who} has a phone number with characters other than digits, spaces, +, - and brackets";
        }
    }

    internal static bool IsPlainHttps(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0
        && !url.Contains('?', StringComparison.Ordinal);

    [GeneratedRegex(@"^[^@\s?&""<>]+@[^@\s?&""<>]+\.[^@\s?&""<>]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{1,30}$")]
    private static partial Regex PhoneShape();

    private sealed record FileShape(string? Language, List<EntryShape>? Entries);

    private sealed record EntryShape(
        string? Name,
        List<string>? Kinds,
        string? Region,
        List<string>? Languages,
        string? About,
        string? Phone,
        string? Web,
        string? Email,
        bool Online,
        bool InPerson
    );
}
