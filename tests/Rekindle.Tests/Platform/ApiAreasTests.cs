using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Rekindle.Web.Features.Account;
using Rekindle.Web.Features.Talk;
using Rekindle.Web.Infrastructure.Api;

namespace Rekindle.Tests.Platform;

/// <summary>Each area's API class registers itself with [ApiArea]; ApiFeature keeps no list (docs/ADDING-AN-AREA.md).</summary>
public sealed class ApiAreasTests
{
    [Fact]
    public void Every_area_registers_its_api_and_only_sign_in_is_open_to_anyone()
    {
        var areas = ApiAreas.In(typeof(ApiFeature).Assembly);
        Assert.True(areas.Count >= 12, $"only {areas.Count} API areas were found");
        Assert.Equal([typeof(AuthApi)], areas.Where(a => a.Access == ApiAccess.Anyone).Select(a => a.Type));
        Assert.Contains(areas, a => a.Type == typeof(TalkApi));

        // Talk maps its conversation itself, inside its own group: marking it too would map it twice.
        Assert.DoesNotContain(areas, a => a.Type == typeof(ConversationApi));
    }

    [Fact]
    public void An_area_without_exactly_one_map_method_stops_start_up_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ApiAreas.MapOf(typeof(TwoMaps)));
        Assert.Contains(nameof(TwoMaps), error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ApiAreas.MapOf(typeof(NoMap)));
    }

    [ApiArea]
    public static class TwoMaps
    {
        public static void MapOne(RouteGroupBuilder api) => api.MapGet("/one", () => "one");

        public static void MapTwo(RouteGroupBuilder api) => api.MapGet("/two", () => "two");
    }

    public static class NoMap
    {
        public static void Map(IEndpointRouteBuilder routes) => routes.MapGet("/none", () => "none");
    }
}
