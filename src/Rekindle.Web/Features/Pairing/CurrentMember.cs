using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Features.Pairing;

/// <summary>
/// The couple boundary: who is asking, and which couple they belong to. Every couple-scoped
/// query starts here, so nothing can reach another couple's rows by passing an id.
/// </summary>
public sealed class CurrentMember(IHttpContextAccessor accessor, AppDbContext db)
{
    private CoupleMember? _membership;
    private bool _loaded;
    private Guid? _partnerId;
    private bool _partnerLoaded;

    public Guid? MemberId
    {
        get
        {
            var value = accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
            return Guid.TryParse(value, out var id) ? id : null;
        }
    }

    public Guid RequiredMemberId => MemberId ?? throw new InvalidOperationException("No member is signed in.");

    /// <summary>The member's place in their couple, or null when they have none yet.</summary>
    public async Task<CoupleMember?> MembershipAsync(CancellationToken cancellationToken = default)
    {
        if (!_loaded)
        {
            var memberId = RequiredMemberId;
            _membership = await db.CoupleMembers.AsNoTracking().FirstOrDefaultAsync(m => m.MemberId == memberId, cancellationToken);
            _loaded = true;
        }

        return _membership;
    }

    /// <summary>The member as a viewer of records (<see cref="Infrastructure.Privacy.Disclosure"/>): who they are and their
    /// couple.</summary>
    public async Task<Infrastructure.Privacy.Viewer> ViewerAsync(CancellationToken cancellationToken = default) =>
        new(RequiredMemberId, (await MembershipAsync(cancellationToken))?.CoupleId);

    /// <summary>The partner's member id, or null when the member is alone or waiting.</summary>
    public async Task<Guid?> PartnerIdAsync(CancellationToken cancellationToken = default)
    {
        if (_partnerLoaded)
        {
            return _partnerId;
        }

        var membership = await MembershipAsync(cancellationToken);
        _partnerId = membership is null
            ? null
            : await db
                .CoupleMembers.AsNoTracking()
                .Where(m => m.CoupleId == membership.CoupleId && m.MemberId != membership.MemberId)
                .Select(m => (Guid?)m.MemberId)
                .FirstOrDefaultAsync(cancellationToken);
        _partnerLoaded = true;
        return _partnerId;
    }

    /// <summary>Forget the cached membership after a change in this request (join, leave).</summary>
    public void Reset() => _loaded = _partnerLoaded = false;
}

public static class ClaimsPrincipalExtensions
{
    public static bool IsSignedIn(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.Identity.AuthenticationType == IdentityConstants.ApplicationScheme;
}
