using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// Identity's store, with one change: the tokens it keeps (the authenticator key and the recovery
/// codes) are sealed with the member's data key instead of stored in the clear. With the
/// authenticator key, a thief of the database could make valid sign-in codes; with this, they need
/// the master key and the key store too, and the member's deletion shreds it like the rest.
/// </summary>
public sealed class SealedUserStore(AppDbContext context, Sealer sealer, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<Member, AppDbContext, Guid>(context, describer)
{
    public override async Task SetTokenAsync(
        Member user,
        string loginProvider,
        string name,
        string? value,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(user);
        var sealedValue = value is null
            ? null
            : (await sealer.SealAsync(value, Place(user, loginProvider, name), cancellationToken)).Envelope;
        await base.SetTokenAsync(user, loginProvider, name, sealedValue, cancellationToken);
    }

    public override async Task<string?> GetTokenAsync(Member user, string loginProvider, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await base.GetTokenAsync(user, loginProvider, name, cancellationToken);
        return stored is null
            ? null
            : await sealer.OpenAsync(SealedText.FromStore(stored), Place(user, loginProvider, name), cancellationToken);
    }

    private static SealPlace Place(Member user, string loginProvider, string name) => SealedPlaces.UserToken(user.Id, loginProvider, name);
}
