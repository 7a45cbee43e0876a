namespace Rekindle.Tests.Trust;

/// <summary>The registry is put together from one routes file per area, and no route is claimed twice.</summary>
public sealed class RouteRegistryTests
{
    [Fact]
    public void The_registry_is_made_of_one_routes_file_per_area_in_the_areas_own_test_folder()
    {
        Assert.True(RouteRegistry.Areas.Count >= 15, $"only {RouteRegistry.Areas.Count} areas' routes were found");
        foreach (var area in RouteRegistry.Areas)
        {
            // Rekindle.Tests.Talk.TalkRoutes: the namespace names the folder, the class the file. An area built in parts keeps
            // one file per part in its folder, named after it (Rekindle.Tests.Practice.PracticeHomeworkRoutes).
            var folder = area.Namespace!["Rekindle.Tests.".Length..];
            Assert.Matches("^" + folder + "([A-Z][A-Za-z]*)?Routes$", area.Name);
        }

        Assert.Equal(RouteRegistry.Areas.Sum(a => ((IAreaRoutes)Activator.CreateInstance(a)!).Routes.Count), RouteRegistry.Routes.Count);
        Assert.Contains("/talk", RouteRegistry.Routes.Keys);
        Assert.Contains("/api/v1/repair/apologies", RouteRegistry.Routes.Keys);
    }

    [Fact]
    public void A_route_two_areas_claim_is_refused_with_both_names()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RouteRegistry.Assemble([typeof(FirstArea), typeof(SecondArea)]));
        Assert.Contains("/same", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(FirstArea), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SecondArea), error.Message, StringComparison.Ordinal);
    }

    public sealed class FirstArea : IAreaRoutes
    {
        public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
            new Dictionary<string, RouteRegistry.Call> { ["/same"] = new(Get: "/same") };
    }

    public sealed class SecondArea : IAreaRoutes
    {
        public IReadOnlyDictionary<string, RouteRegistry.Call> Routes { get; } =
            new Dictionary<string, RouteRegistry.Call> { ["/same"] = new(Get: "/same") };
    }
}
