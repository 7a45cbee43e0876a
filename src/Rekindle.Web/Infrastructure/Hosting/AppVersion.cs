using System.Reflection;

namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>The running release, from <c>VersionPrefix</c> in Directory.Build.props (CHANGELOG.md lists each).</summary>
public static class AppVersion
{
    /// <summary>For example <c>1.0.0</c>; never the build's commit suffix.</summary>
    public static string Current { get; } =
        (
            typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(AppVersion).Assembly.GetName().Version?.ToString(3)
            ?? "0.0.0"
        ).Split('+')[0];
}
