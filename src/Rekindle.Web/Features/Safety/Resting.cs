using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Features.Understand;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Safety;

/// <summary>
/// Where the signed-in member's couple stands for exercises for two (decisions/0027).
/// <see cref="Concern"/>: the member's own latest check raised a safety concern. <see cref="Paused"/>:
/// the member chose "pause exercises for two for now". <see cref="PartnerAway"/>: the partner has
/// a concern or paused; which of the two is never told: the partner's pages are made from this one
/// flag, so a concern looks, byte for byte, like the neutral pause.
/// </summary>
public sealed record RestState(bool Concern, bool Paused, bool PartnerAway)
{
    /// <summary>The member's own exercises for two rest: their own concern, or their own pause.</summary>
    public bool Mine => Concern || Paused;

    /// <summary>Nothing for two goes on in the couple: either member rests.</summary>
    public bool Couple => Mine || PartnerAway;
}

public static class RestingFeature
{
    public static WebApplicationBuilder AddResting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Resting>();
        builder.Services.AddScoped<SetPausedForTwo>();
        return builder;
    }
}

/// <summary>
/// The one resting check for every area: repair, guided conversations, intimacy's shared parts, the
/// touch program and the daily question's draw all ask here. The partner's concern is read only to
/// decide, never shown: it is folded with the partner's own neutral pause into <see cref="RestState.PartnerAway"/>,
/// and the work done is the same whatever the partner answered (one latest check, one preferences row).
/// </summary>
public sealed class Resting(AppDbContext db, CurrentMember current, MyChecks checks)
{
    private RestState? _state;

    public async Task<RestState> StateAsync(CancellationToken cancellationToken = default)
    {
        if (_state is { } known)
        {
            return known;
        }

        var me = current.RequiredMemberId;
        var concern = await ConcernAsync(me, cancellationToken);
        var paused = await PausedAsync(me, cancellationToken);
        var partner = await current.PartnerIdAsync(cancellationToken);
        var partnerAway = partner is { } p && await AwayAsync(p, cancellationToken);
        return _state = new RestState(concern, paused, partnerAway);
    }

    /// <summary>
    /// Why something for two cannot start or go on now, in words for the member, null when it can:
    /// the area's own calm note (<paramref name="concernNote"/>) for a member whose check raised a concern,
    /// and, with <paramref name="evenWhenPartnerAway"/>, the same neutral words whatever the partner's reason.
    /// </summary>
    public async Task<string?> RefusalAsync(string concernNote, bool evenWhenPartnerAway, CancellationToken cancellationToken = default)
    {
        var rest = await StateAsync(cancellationToken);
        return rest.Concern ? concernNote
            : rest.Paused ? Text.Of("You've paused exercises for two for now. Come back to them whenever you're ready.")
            : evenWhenPartnerAway && rest.PartnerAway
                ? Text.Of("Exercises for two are paused for now. Everything is kept, and it will be here when you are both ready.")
            : null;
    }

    /// <summary>The member's own exercises for two rest: their concern, or their own pause.</summary>
    public async Task<bool> MineAsync(CancellationToken cancellationToken = default) => (await StateAsync(cancellationToken)).Mine;

    /// <summary>The member's own safety concern: what repair's letting go and the "resting for now" notes rest on.</summary>
    public async Task<bool> ConcernAsync(CancellationToken cancellationToken = default) => (await StateAsync(cancellationToken)).Concern;

    /// <summary>Whether either member of a couple is away (a concern or a pause): for the daily question's draw.</summary>
    public async Task<bool> CoupleRestsAsync(Guid coupleId, CancellationToken cancellationToken = default)
    {
        var members = await db
            .CoupleMembers.AsNoTracking()
            .Where(m => m.CoupleId == coupleId)
            .Select(m => m.MemberId)
            .ToListAsync(cancellationToken);
        var away = false;
        foreach (var member in members)
        {
            away |= await AwayAsync(member, cancellationToken);
        }

        return away;
    }

    /// <summary>Forgets the state read in this request, after the member changed their pause.</summary>
    internal void Forget() => _state = null;

    private async Task<bool> AwayAsync(Guid memberId, CancellationToken cancellationToken) =>
        await ConcernAsync(memberId, cancellationToken) | await PausedAsync(memberId, cancellationToken);

    // The same signal the member's own pages use (their latest check), read for the decision only.
    private async Task<bool> ConcernAsync(Guid memberId, CancellationToken cancellationToken) =>
        (await checks.ForMemberAsync(memberId, cancellationToken)).Latest?.Scores.SafetyConcern == true;

    private async Task<bool> PausedAsync(Guid memberId, CancellationToken cancellationToken) =>
        await db.MemberPreferences.AsNoTracking().AnyAsync(p => p.MemberId == memberId && p.PausedForTwo, cancellationToken);
}

/// <summary>The member's own neutral pause, on or off. Nothing else changes; the partner sees only that they paused.</summary>
public sealed class SetPausedForTwo(AppDbContext db, CurrentMember current, Resting resting)
{
    public async Task HandleAsync(bool paused, CancellationToken cancellationToken = default)
    {
        var memberId = current.RequiredMemberId;
        var row = await db.MemberPreferences.FirstOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        if (row is null)
        {
            row = new MemberPreferences { MemberId = memberId };
            db.MemberPreferences.Add(row);
        }

        row.PausedForTwo = paused;
        await db.SaveChangesAsync(cancellationToken);
        resting.Forget();
    }
}
