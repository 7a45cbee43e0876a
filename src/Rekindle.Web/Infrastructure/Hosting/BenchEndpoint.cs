namespace Rekindle.Web.Infrastructure.Hosting;

/// <summary>
/// The bare baseline of the benchmark (docs/PERFORMANCE.md): <c>GET /bench/hello</c> answers a few
/// plain bytes through the same middleware as every page, so the benchmark can state each figure as
/// a ratio to it. It exists only when <c>Bench:Enabled</c> is true, which only scripts/bench.sh sets:
/// a normal run, and every test, has no such route.
/// </summary>
public static class BenchEndpoint
{
    public const string EnabledKey = "Bench:Enabled";

    public static void MapBench(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>(EnabledKey))
        {
            app.MapGet("/bench/hello", () => Results.Text("hello", "text/plain")).AllowAnonymous();
        }
    }
}
