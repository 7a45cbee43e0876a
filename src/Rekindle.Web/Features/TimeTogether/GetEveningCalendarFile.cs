using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>The couple's agreed evening as a weekly calendar file, or null.</summary>
public sealed class GetEveningCalendarFile(CurrentMember current, CalendarStore store)
{
    public async Task<string?> HandleAsync(CancellationToken cancellationToken = default) =>
        (await current.ViewerAsync(cancellationToken)).CoupleId is { } coupleId
            ? await store.FileAsync(coupleId, true, Guid.Empty, cancellationToken)
            : null;
}
