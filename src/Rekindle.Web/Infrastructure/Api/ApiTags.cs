using Microsoft.OpenApi;

namespace Rekindle.Web.Infrastructure.Api;

/// <summary>
/// A line for each tag of the OpenAPI document (an area's <c>WithTags</c>), for tools that group operations by tag. A tag without
/// one fails the Redocly lint in the tests (tools/openapi/redocly.yaml), so a new area adds its line here.
/// </summary>
public static class ApiTags
{
    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Auth"] = "Tokens for API clients: sign in, refresh, and end a session.",
        ["Account"] = "The language and formats the member reads Rekindle in.",
        ["Pairing"] = "The signed-in member, inviting a partner, joining with a code, and leaving the couple space.",
        ["Understand"] = "The relationship check, its results, the map and the plan.",
        ["Talk"] = "Today's question, replies, the archive, check-ins, soft start-up and the guided conversation.",
        ["TimeTogether"] = "Dates, date ideas and ratings, our evening, and the calendar address.",
        ["SelfCare"] = "The member's own self-care log and goals, seen by no one else.",
        ["Support"] = "Suggestions for professional help, the directory, and a summary for a professional.",
        ["Spontaneity"] = "Gesture hints and marks, surprise ideas, and notes of appreciation.",
        ["Intimacy"] = "Intimacy, only for members who turned it on: private answers, what both chose, the touch program and resources.",
        ["Repair"] = "Repairs after a hard moment, apologies, and letting go (a member's own, private exercise).",
        ["Betrayal"] = "The path after a betrayal, for the partner who was hurt and the one who broke trust.",
        ["Progress"] = "The same numbers as the progress page.",
        ["Program"] = "The weekly program: its weeks, lessons, reflections and pace.",
        ["Lessons"] = "The lesson library: search it, and read a lesson.",
        ["Counselor"] = "A member's connections with a counselor: what they share, homework, and things for the next session.",
        ["Professional"] = "For professionals: connection codes, connections, homework, and what each partner chose to share.",
    };

    /// <summary>Gives each tag in the document its line; a tag not listed is left as it is.</summary>
    public static void Describe(OpenApiDocument document)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }
}
