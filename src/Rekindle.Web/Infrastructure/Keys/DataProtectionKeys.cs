using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Rekindle.Web.Infrastructure.Sealing;

namespace Rekindle.Web.Infrastructure.Keys;

/// <summary>
/// One ASP.NET Core Data Protection key (cookies, antiforgery tokens, short-lived links), as the
/// XML element the framework writes, already sealed by <see cref="MasterKeyXmlEncryptor"/>. Stored in
/// the key store, which every server of an instance shares (decisions/0020).
/// </summary>
public sealed class DataProtectionKeyRow
{
    public int Id { get; set; }

    public string FriendlyName { get; set; } = "";

    public string Xml { get; set; } = "";
}

/// <summary>
/// Keeps Data Protection keys in the key store database, so that every server behind one database
/// reads and writes the same keys: a cookie issued by one server is accepted by the others, and
/// survives a restart or a restore.
/// </summary>
public sealed class KeyStoreXmlRepository(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeyStoreDbContext>();
        db.DataProtectionKeys.Add(
            new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) }
        );
        db.SaveChanges();
    }
}

/// <summary>
/// Seals each Data Protection key with AES-256-GCM under a key derived from the master key, so a
/// copy of the key store alone signs no one in and forges no token.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKey master) : IXmlEncryptor
{
    internal const string Purpose = "data-protection-keys";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[12 + plain.Length + 16];
        RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, 12));
        using var aes = new AesGcm(master.Derive(Purpose), 16);
        aes.Encrypt(sealedBytes.AsSpan(0, 12), plain, sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length, 16));
        return new EncryptedXmlInfo(
            new XElement("sealedKey", new XAttribute("version", 1), Convert.ToBase64String(sealedBytes)),
            typeof(MasterKeyXmlDecryptor)
        );
    }
}

/// <summary>Opens what <see cref="MasterKeyXmlEncryptor"/> sealed; the framework creates it by type, with the app's services.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[sealedBytes.Length - 28];
        using var aes = new AesGcm(services.GetRequiredService<MasterKey>().Derive(MasterKeyXmlEncryptor.Purpose), 16);
        aes.Decrypt(sealedBytes.AsSpan(0, 12), sealedBytes.AsSpan(12, plain.Length), sealedBytes.AsSpan(12 + plain.Length, 16), plain);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
