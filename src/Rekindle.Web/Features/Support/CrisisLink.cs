using Rekindle.Web.Features.Safety;

namespace Rekindle.Web.Features.Support;

/// <summary>
/// Where a member whose answers point to hopelessness is sent, privately: the crisis lines on the safety
/// page (its section with id "crisis"). Shown on the member's own results and Support page only.
/// </summary>
public static class CrisisLink
{
    public const string Path = SafetyResources.Path + "#crisis";
}
