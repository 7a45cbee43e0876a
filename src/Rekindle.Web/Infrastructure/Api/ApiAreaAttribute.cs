using System.Reflection;

namespace Rekindle.Web.Infrastructure.Api;

/// <summary>Who may call an area's API routes.</summary>
public enum ApiAccess
{
    /// <summary>Members with a bearer token (<see cref="ApiFeature.MemberPolicy"/>): every area but sign-in.</summary>
    Members,

    /// <summary>Anyone: only the token endpoints, which are how a member gets a bearer token.</summary>
    Anyone,
}

/// <summary>
/// Marks an area's API class (e.g. <c>Features/Talk/TalkApi.cs</c>) so that <see cref="ApiFeature.MapApi"/> maps it
/// without a list to keep: the class has one public static method that takes the <see cref="RouteGroupBuilder"/> of
/// /api/v1 (for members, or for anyone) and maps the area's endpoints into it. A class an area's own API calls
/// (Talk's conversation, Repair's letting go) is not marked.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ApiAreaAttribute(ApiAccess access = ApiAccess.Members) : Attribute
{
    public ApiAccess Access { get; } = access;
}

/// <summary>The API areas of an assembly, found once at start-up.</summary>
public static class ApiAreas
{
    public sealed record Area(Type Type, ApiAccess Access, Action<RouteGroupBuilder> Map);

    /// <summary>Every class marked <see cref="ApiAreaAttribute"/>, ordered by name so the OpenAPI document is stable.</summary>
    public static IReadOnlyList<Area> In(Assembly assembly) =>
        [
            .. assembly
                .GetTypes()
                .Where(t => t.GetCustomAttribute<ApiAreaAttribute>() is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => new Area(t, t.GetCustomAttribute<ApiAreaAttribute>()!.Access, MapOf(t))),
        ];

    /// <summary>
    /// The area's one public static <c>void Map…(RouteGroupBuilder)</c>; anything else stops start-up with the class's name.
    /// </summary>
    public static Action<RouteGroupBuilder> MapOf(Type area)
    {
        var maps = area.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(void) && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(RouteGroupBuilder))
            .ToList();
        return maps.Count == 1
            ? maps[0].CreateDelegate<Action<RouteGroupBuilder>>()
            : throw new InvalidOperationException(
                $"{area.FullName} is marked [ApiArea] and needs one public static void Map…(RouteGroupBuilder), not {maps.Count}."
            );
    }
}
