using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Localization;

namespace Rekindle.Web.Features.Pairing;

public enum InviteState
{
    Valid,
    Malformed,
    Unknown,
    Expired,
    Used,
    Revoked,
    CoupleFull,
}

public sealed record InvitePreview(InviteState State, Guid? CoupleId, string? InviterFirstName)
{
    /// <summary>What to tell the person holding the code, in plain words, with what to do next.</summary>
    public string? Problem =>
        State switch
        {
            InviteState.Valid => null,
            InviteState.Malformed => Text.Of("That doesn't look like an invite code. Codes have 8 letters and numbers, like ABCD-EFGH."),
            InviteState.Unknown => Text.Of(
                "We couldn't find an invite with that code. Check it with your partner, or ask them for a new one."
            ),
            InviteState.Expired => Text.Of("This invite has expired (invites last 7 days). Ask your partner to make a new one."),
            InviteState.Used => Text.Of("This invite has already been used. Ask your partner to make a new one if you need it."),
            InviteState.Revoked => Text.Of("This invite was cancelled. Ask your partner for a new one."),
            InviteState.CoupleFull => Text.Of("This couple space already has two people in it, so it can't take anyone else."),
            _ => Text.Of("This invite can't be used."),
        };
}

/// <summary>Looks an invite code up without using it, so the person can see whose space they are joining.</summary>
public sealed class PreviewInvite(AppDbContext db, InviteCodes codes, Account.MemberNames names, TimeProvider clock)
{
    public async Task<InvitePreview> HandleAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        var code = InviteCodes.Normalize(typedCode);
        if (code is null)
        {
            return new InvitePreview(InviteState.Malformed, null, null);
        }

        var hash = codes.Hash(code);
        var invite = await db
            .CoupleInvites.AsNoTracking()
            .Where(i => i.CodeHash == hash)
            .Select(i => new
            {
                i.CoupleId,
                i.ExpiresAt,
                i.UsedAt,
                i.RevokedAt,
                i.CreatedByMemberId,
                Inviter = db.Users.Where(u => u.Id == i.CreatedByMemberId).Select(u => u.FirstName).FirstOrDefault(),
                Members = db.CoupleMembers.Count(m => m.CoupleId == i.CoupleId),
            })
            .FirstOrDefaultAsync(cancellationToken);

        if (invite is null)
        {
            return new InvitePreview(InviteState.Unknown, null, null);
        }

        var state = invite switch
        {
            { Members: >= CoupleMember.MaxMembers } => InviteState.CoupleFull,
            { UsedAt: not null } => InviteState.Used,
            { RevokedAt: not null } => InviteState.Revoked,
            _ when invite.ExpiresAt <= clock.GetUtcNow().UtcDateTime => InviteState.Expired,
            _ => InviteState.Valid,
        };
        var inviter = invite.Inviter is null ? null : await names.OpenAsync(invite.CreatedByMemberId, invite.Inviter, cancellationToken);
        return new InvitePreview(state, invite.CoupleId, string.IsNullOrEmpty(inviter) ? null : inviter);
    }
}
