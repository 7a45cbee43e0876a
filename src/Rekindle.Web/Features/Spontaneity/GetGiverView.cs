using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;

namespace Rekindle.Web.Features.Spontaneity;

/// <summary>What the giver sees today: hints from the partner's loved gestures (none without a partner), and one surprise (null when
/// nothing fits).</summary>
public sealed record GiverView(bool HasPartner, IReadOnlyList<Gesture> Hints, SurprisePick? Surprise);

/// <summary>The giver's view: a few hints from what the partner would love, and the day's surprise for the giver's budget, time and
/// place.</summary>
public sealed class GetGiverView(
    CurrentMember current,
    GestureLibrary library,
    GestureMarkStore store,
    Preferences preferences,
    TimeProvider clock
)
{
    /// <summary>How far "another one" may walk: kept between 0 and 10,000.</summary>
    public static int AnotherOf(int? another) => Math.Clamp(another ?? 0, 0, 10_000);

    public async Task<GiverView> HandleAsync(SurpriseConstraints constraints, int? another, CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var slot = (await current.MembershipAsync(cancellationToken))?.Slot ?? 0;
        var zone = (await preferences.MineAsync(cancellationToken)).Zone();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var loves = partnerId is { } id ? await store.LovedByAsync(id, viewer.CoupleId, cancellationToken) : new HashSet<string>();
        return new GiverView(
            partnerId is not null,
            SurprisePicker.Hints(library.Gestures, loves, day, slot),
            SurprisePicker.Pick(library.Gestures, loves, constraints, day, slot, AnotherOf(another))
        );
    }
}
