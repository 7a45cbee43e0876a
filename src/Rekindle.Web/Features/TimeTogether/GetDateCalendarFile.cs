using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.TimeTogether;

/// <summary>One agreed date of the signed-in member's couple as a calendar file, or null when it is not theirs or not agreed.</summary>
public sealed class GetDateCalendarFile(CurrentMember current, CalendarStore store)
{
    public async Task<string?> HandleAsync(Guid planId, CancellationToken cancellationToken = default) =>
        (await current.ViewerAsync(cancellationToken)).CoupleId is { } coupleId
            ? await store.FileAsync(coupleId, true, planId, cancellationToken)
            : null;
}
