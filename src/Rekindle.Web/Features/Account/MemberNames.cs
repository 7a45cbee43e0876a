using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Account;

/// <summary>
/// First names are sealed with their member's key like everything else about them: this is where a
/// name is set and opened, so no page handles the envelope itself.
/// </summary>
public sealed class MemberNames(Sealer sealer)
{
    public static SealPlace PlaceOf(Guid memberId) => SealedPlaces.MemberFirstName.At(memberId, KeyOwner.Member(memberId));

    /// <summary>The name; a name that does not open is an error (<see cref="SealedValueUnreadableException"/>).</summary>
    public Task<string> OpenAsync(Guid memberId, SealedText name, CancellationToken cancellationToken = default) =>
        sealer.OpenAsync(name, PlaceOf(memberId), cancellationToken);

    public Task<string> OpenAsync(Member member, CancellationToken cancellationToken = default) =>
        OpenAsync(member.Id, member.FirstName, cancellationToken);

    /// <summary>Seals a name already checked with <see cref="Member.FirstNameProblem"/>.</summary>
    public async Task SetAsync(Member member, string name, CancellationToken cancellationToken = default) =>
        member.FirstName = await sealer.SealAsync(name.Trim(), PlaceOf(member.Id), cancellationToken);
}
