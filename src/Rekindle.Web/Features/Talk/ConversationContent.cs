using System.Text.Json;

namespace Rekindle.Web.Features.Talk;

public sealed record ConversationTopic(string Key, string Title, string Starter);

/// <summary>The guided conversation's wording and topics (Content/talk/conversations.{language}.json).</summary>
public sealed record ConversationContent(
    string Intro,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> SpeakerTips,
    IReadOnlyList<string> ListenerPrompts,
    string ConfirmHelp,
    string CorrectHelp,
    string PauseNote,
    string HeardNote,
    IReadOnlyList<ConversationTopic> Topics
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ConversationTopic? Topic(string key) => Topics.FirstOrDefault(t => t.Key == key);

    public static ConversationContent Load(string path)
    {
        using var stream = File.OpenRead(path);
        var content = JsonSerializer.Deserialize<ConversationContent>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.");
        return content.Topics.Count > 0 && content.ListenerPrompts.Count > 0
            ? content
            : throw new InvalidDataException($"{path} needs topics and listener prompts.");
    }
}
