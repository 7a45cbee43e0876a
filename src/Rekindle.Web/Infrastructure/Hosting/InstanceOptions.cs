using System.ComponentModel.DataAnnotations;

namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>Where this instance keeps its files and how it is reached from outside.</summary>
public sealed class InstanceOptions : IValidatableObject
{
    public const string Section = "Rekindle";

    /// <summary>Folder for the SQLite database, development mail and (by default) keys. Relative paths start at the content root.</summary>
    [Required]
    public string DataPath { get; set; } = "App_Data";

    /// <summary>The address partners use, for links in emails (for example https://rekindle.example.org). Empty: taken from each
    /// request.</summary>
    public string? PublicUrl { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (
            !string.IsNullOrWhiteSpace(PublicUrl)
            && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        )
        {
            yield return new ValidationResult("Rekindle:PublicUrl must be an absolute http or https address.", [nameof(PublicUrl)]);
        }
    }
}

/// <summary>Resolves the configured folders once, so every feature agrees on them.</summary>
public sealed class InstancePaths
{
    public InstancePaths(string contentRoot, InstanceOptions options)
    {
        DataPath = Path.GetFullPath(Path.IsPathRooted(options.DataPath) ? options.DataPath : Path.Combine(contentRoot, options.DataPath));
        Directory.CreateDirectory(DataPath);
    }

    public string DataPath { get; }

    public string Combine(params string[] parts) => Path.Combine([DataPath, .. parts]);
}
