using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Features.Pairing;
using Rekindle.Web.Infrastructure.Privacy;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Understand;

public enum MapStage
{
    /// <summary>No partner in the space yet.</summary>
    NoPartner,

    /// <summary>The member has not finished a check.</summary>
    FinishYours,

    /// <summary>The member finished; the partner has not yet.</summary>
    PartnerStillChecking,

    /// <summary>Both finished; the member has not shared their summary.</summary>
    ShareYours,

    /// <summary>The member shared; the partner has not (yet).</summary>
    PartnerNotShared,

    /// <summary>Both shared: the map is there.</summary>
    Ready,
}

public sealed record MapRow(string Domain, int Mine, int Theirs, bool BothStrained, bool Gap)
{
    public StrainLevel MyLevel => CheckScoring.Level(Mine);

    public StrainLevel TheirLevel => CheckScoring.Level(Theirs);
}

/// <summary>What the member may see of the map. <see cref="PartnerShared"/> is only ever told to someone who shared too.</summary>
public sealed record CoupleMapView(
    MapStage Stage,
    bool ISharedLatest,
    DateTime? MySharedAt,
    bool PartnerShared,
    IReadOnlyList<MapRow> Rows
);

/// <summary>
/// The Couple Map: each partner's domain scores side by side, once both have finished a check and
/// each has chosen to share. Shares are blind-reveal records (<see cref="Disclosure"/>): a partner's
/// share is read only through <c>VisibleTo</c>, so it reaches the member only after they shared theirs.
/// </summary>
public sealed class GetCoupleMap(AppDbContext db, CurrentMember current, MyChecks checks, Sealer sealer)
{
    public async Task<CoupleMapView> HandleAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var partnerId = await current.PartnerIdAsync(cancellationToken);
        var mine = await checks.HandleAsync(cancellationToken);
        if (partnerId is null || viewer.CoupleId is null)
        {
            return new CoupleMapView(MapStage.NoPartner, false, null, false, []);
        }

        if (mine.Latest is null)
        {
            return new CoupleMapView(MapStage.FinishYours, false, null, false, []);
        }

        // Only whether the partner has finished a check: never when, how often, or any of its contents.
        var partnerFinished = await db.CheckAttempts.AnyAsync(c => c.OwnerId == partnerId && c.CompletedAt != null, cancellationToken);
        if (!partnerFinished)
        {
            return new CoupleMapView(MapStage.PartnerStillChecking, false, null, false, []);
        }

        var shares = await db.MapShares.AsNoTracking().VisibleTo(viewer).ToListAsync(cancellationToken);
        var myShare = shares.FirstOrDefault(s => s.OwnerId == viewer.MemberId);
        if (myShare is null)
        {
            return new CoupleMapView(MapStage.ShareYours, false, null, false, []);
        }

        var sharedLatest = myShare.CheckId == mine.Latest.Id;
        var theirShare = shares.FirstOrDefault(s => s.OwnerId == partnerId);
        if (theirShare is null)
        {
            return new CoupleMapView(MapStage.PartnerNotShared, sharedLatest, myShare.SharedAt, false, []);
        }

        var myDomains = await DomainsOfAsync(myShare, cancellationToken);
        var theirDomains = await DomainsOfAsync(theirShare, cancellationToken);
        var rows = CheckContent
            .DomainKeys.Where(d => myDomains.ContainsKey(d) && theirDomains.ContainsKey(d))
            .Select(d => new MapRow(
                d,
                myDomains[d],
                theirDomains[d],
                CheckScoring.Level(myDomains[d]) == StrainLevel.Strained && CheckScoring.Level(theirDomains[d]) == StrainLevel.Strained,
                CheckScoring.IsGap(myDomains[d], theirDomains[d])
            ))
            .ToList();
        return new CoupleMapView(MapStage.Ready, sharedLatest, myShare.SharedAt, true, rows);
    }

    /// <summary>The partner's shared domain scores, for the plan: only when both shared (the blind-reveal rule decides).</summary>
    internal async Task<IReadOnlyDictionary<string, int>?> PartnerSharedDomainsAsync(CancellationToken cancellationToken = default)
    {
        var viewer = await current.ViewerAsync(cancellationToken);
        var theirs = await db
            .MapShares.AsNoTracking()
            .VisibleTo(viewer)
            .Where(s => s.OwnerId != viewer.MemberId)
            .FirstOrDefaultAsync(cancellationToken);
        return theirs is null ? null : await DomainsOfAsync(theirs, cancellationToken);
    }

    internal async Task<Dictionary<string, int>> DomainsOfAsync(MapShare share, CancellationToken cancellationToken)
    {
        var json = await sealer.OpenAsync(share.Domains, share.PlaceOf(nameof(MapShare.Domains)), cancellationToken);
        return json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, int>>(json, MyChecks.Json) ?? [];
    }
}
