namespace Rekindle.Web;

/// <summary>
/// Marker for the interface text. Pages write <c>@T["English text"]</c>; the English text is the
/// key, and a translation is a Resources/SharedResource.&lt;culture&gt;.resx file, not a code change.
/// </summary>
public sealed class SharedResource;
