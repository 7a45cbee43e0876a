using Rekindle.Web.Infrastructure.Privacy;

namespace Rekindle.Web.Features.Spontaneity;

public sealed record ExportedMark(string Gesture, string? Mark, DateTime MarkedAt);

/// <summary>
/// What the gesture use cases share, with no use case of its own (decisions/0032): the members' marks,
/// always read as each one's whole sealed set of fixed length (decisions/0026), so what the giver is
/// shown, and the work done, depend on the partner's loved gestures alone (docs/TRUST.md T3, T17).
/// </summary>
public sealed class GestureMarkStore(GestureLibrary library, PrivateAnswers answers)
{
    public static readonly string[] Marks = ["love", "no"];

    public Task<Dictionary<string, string>> MarksOfAsync(Guid memberId, Guid? coupleId, CancellationToken cancellationToken) =>
        answers.ReadAsync(AnswerList.Gestures, memberId, coupleId, cancellationToken);

    /// <summary>Only the gestures the partner would love: never their "not for me".</summary>
    public async Task<HashSet<string>> LovedByAsync(Guid partnerId, Guid? coupleId, CancellationToken cancellationToken) =>
        (await MarksOfAsync(partnerId, coupleId, cancellationToken)).Where(m => m.Value == "love").Select(m => m.Key).ToHashSet();

    /// <summary>Every mark the member made, in any couple they were in, for their export.</summary>
    public async Task<List<ExportedMark>> ExportAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await answers.ExportAsync(AnswerList.Gestures, memberId, cancellationToken))
            .Select(m => new ExportedMark(
                library.ById.TryGetValue(m.Key, out var g) ? g.Title : m.Key,
                m.Value.Value,
                m.Value.At ?? default
            ))
            .ToList();
}
