namespace Rekindle.Web.Features.Spontaneity;

/// <summary>The notes the member sent in the last two weeks, newest first; whether they were read is never shown.</summary>
public sealed class GetSentNotes(NoteStore store)
{
    public Task<IReadOnlyList<NoteView>> HandleAsync(CancellationToken cancellationToken = default) =>
        store.RecentAsync(received: false, cancellationToken);
}
