namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>
/// Where the app finds its content (Content/**, appsettings.json, wwwroot): the working directory when it has the content,
/// as with <c>dotnet run --project src/Rekindle.Web</c>; else the app's own folder when the content is there, so the
/// published app starts from any working directory (decisions/0045, point 8). A content root given on purpose
/// (<c>--contentRoot</c>, ASPNETCORE_CONTENTROOT) is left alone, and so is the tests' host, which sets its own.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args) =>
        new()
        {
            Args = args,
            ContentRootPath = GivenOnPurpose(args) ? null : Choose(Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
        };

    /// <summary>The app's folder when only it has the content; null keeps the usual content root (the working directory).</summary>
    internal static string? Choose(string workingDirectory, string appFolder) =>
        !HasContent(workingDirectory) && HasContent(appFolder) ? appFolder : null;

    private static bool HasContent(string folder) => Directory.Exists(Path.Combine(folder, "Content"));

    private static bool GivenOnPurpose(string[] args) =>
        args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
}
