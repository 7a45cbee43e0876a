namespace Rekindle.Web.Features.MyData;

/// <summary>
/// One area's part of a member's export: everything the member owns there, and what their couple
/// shares. Each area registers its own section, so the export grows with the app and no area's
/// tables are read by another.
/// </summary>
public interface IExportSection
{
    /// <summary>The section's heading in the export, e.g. "account".</summary>
    string Name { get; }

    Task<object?> ExportAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>
    /// For the readable export only: plain words for a value the JSON keeps as a machine name (an event
    /// kind), given the property's JSON name; null shows the value as it is.
    /// </summary>
    string? Readable(string property, string value) => null;
}
