using System.Security.Cryptography;
using System.Text;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Web.Infrastructure.Keys;

/// <summary>
/// The instance's master key: 32 random bytes kept outside the database (a file with owner-only
/// permissions, or an environment variable). Other keys are derived from it for a single purpose each.
/// </summary>
public sealed class MasterKey
{
    private readonly byte[] _key;

    private MasterKey(byte[] key, string source, bool created = false)
    {
        _key = key;
        Source = source;
        Created = created;
    }

    /// <summary>Where the key came from (a path or the variable's name), for the start-up log. Never the key.</summary>
    public string Source { get; }

    /// <summary>Made by this start (Keys:CreateIfMissing, or Development): the start-up log asks the operator to copy it.</summary>
    public bool Created { get; }

    /// <summary>A 32-byte key for one purpose, so a leak of one derived key does not reveal the others.</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, 32, salt: [], info: Encoding.UTF8.GetBytes("rekindle:" + purpose));

    public static MasterKey Load(KeyOptions options, string dataPath, bool isDevelopment)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(KeyOptions.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return new MasterKey(Parse(fromEnvironment, KeyOptions.EnvironmentVariable), KeyOptions.EnvironmentVariable);
        }

        var path = string.IsNullOrWhiteSpace(options.MasterKeyPath)
            ? Path.Combine(dataPath, "keys", "master.key")
            : Path.GetFullPath(options.MasterKeyPath);

        var created = false;
        if (!File.Exists(path))
        {
            if (!isDevelopment && !options.CreateIfMissing)
            {
                throw new BadSettingException(
                    $"Keys:MasterKeyPath: no master key at '{path}'. Set {KeyOptions.EnvironmentVariable}, point Keys:MasterKeyPath at an existing key, "
                        + "or set Keys:CreateIfMissing=true once to create one (then back it up apart from the database)."
                );
            }

            Create(path);
            created = true;
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadSettingException(
                $"Keys:MasterKeyPath: the master key at '{path}' cannot be read ({e.GetType().Name}). Check the file's owner and permissions.",
                e
            );
        }

        return new MasterKey(Parse(text, path), path, created);
    }

    private static void Create(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var text = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n";
        if (OperatingSystem.IsWindows())
        {
            File.WriteAllText(path, text);
            return;
        }

        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Created with owner-only permissions from the first byte, never readable by others even briefly.
        using var stream = new FileStream(
            path,
            new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }
        );
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    private static byte[] Parse(string text, string source)
    {
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            if (bytes.Length == 32)
            {
                return bytes;
            }
        }
        catch (FormatException) { }

        throw new BadSettingException(
            source == KeyOptions.EnvironmentVariable
                ? $"{KeyOptions.EnvironmentVariable} is not base64 of 32 bytes (make one with: head -c 32 /dev/urandom | base64)."
                : $"Keys:MasterKeyPath: the master key in '{source}' is not base64 of 32 bytes."
        );
    }
}
