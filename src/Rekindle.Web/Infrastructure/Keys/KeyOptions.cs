namespace Rekindle.Web.Infrastructure.Keys;

/// <summary>Where the master key lives. It never goes into the database.</summary>
public sealed class KeyOptions
{
    public const string Section = "Keys";

    /// <summary>Name of the environment variable that may hold the key (base64 of 32 bytes); it wins over the file.</summary>
    public const string EnvironmentVariable = "REKINDLE_MASTER_KEY";

    /// <summary>Path of the key file. Empty: <c>keys/master.key</c> under the data folder.</summary>
    public string? MasterKeyPath { get; set; }

    /// <summary>Create the key file on first run. Always on in Development; an operator turns it on elsewhere on purpose.</summary>
    public bool CreateIfMissing { get; set; }
}
