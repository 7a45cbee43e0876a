using System.Buffers.Text;
using System.Security.Cryptography;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Features.Push;

/// <summary>The instance's VAPID key pair (P-256), as the base64url strings browsers and the push library use.</summary>
public sealed record VapidKeys(string PublicKey, string PrivateKey);

/// <summary>
/// The instance's VAPID key (decisions/0034): a P-256 private key made at the first start and kept, like
/// every data key, wrapped under the master key in the key store (decisions/0009), as the one key of the
/// owner <see cref="KeyOwnerKind.Instance"/>. Its 32 random bytes are the private scalar; the public key,
/// which browsers need to subscribe, is computed from it. It is never rotated: every subscription is bound to it.
/// </summary>
public sealed class PushKeys(IServiceScopeFactory scopes)
{
    /// <summary>The key store owner of the VAPID key; fixed, so every server of an instance finds the same one.</summary>
    public static readonly KeyOwner Owner = new(KeyOwnerKind.Instance, new Guid("0a91d7f2-5c1e-4e0b-9a53-7e2f1c4b8d60"));

    private VapidKeys? _keys;

    public async Task<VapidKeys> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _keys) is { } known)
        {
            return known;
        }

        using var scope = scopes.CreateScope();
        // Made on first use, once across servers: the key store's unique index settles a race (KeyRing).
        var (_, privateKey) = await scope.ServiceProvider.GetRequiredService<KeyRing>().CurrentAsync(Owner, cancellationToken);
        using var ec = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = privateKey.ToArray() });
        var point = ec.ExportParameters(includePrivateParameters: false).Q;
        byte[] publicKey = [0x04, .. point.X!, .. point.Y!];
        var keys = new VapidKeys(Base64Url.EncodeToString(publicKey), Base64Url.EncodeToString(privateKey));
        Volatile.Write(ref _keys, keys);
        return keys;
    }
}
