using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Rekindle.Web.Data;
using Rekindle.Web.Infrastructure.Hosting;
using Rekindle.Web.Infrastructure.Keys;
using Rekindle.Web.Infrastructure.Sealing;

// Rekindle.Bench seed --data DIR --couples N --content-root src/Rekindle.Web [--postgres CONN --postgres-keys CONN]
// Rekindle.Bench run --url http://127.0.0.1:5080 --couples N [--users 100] [--rates 100,200,400] [--seconds 15]
//                    [--warmup 10] [--baseline RPS] [--confirm] [--json FILE] [--label TEXT] [--server-pid PID]
namespace Rekindle.Bench;

/// <summary>The entry point; not top-level statements, whose Program class would clash with the app's in the tests.</summary>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1));
        switch (args.FirstOrDefault())
        {
            case "seed":
                await SeedAsync(options);
                return 0;
            case "run":
                return await RunAsync(options);
            default:
                Console.Error.WriteLine("usage: Rekindle.Bench seed|run [--option value ...] (see scripts/bench.sh and docs/PERFORMANCE.md)");
                return 2;
        }
    }

    private static async Task SeedAsync(Options options)
    {
        var contentRoot = Path.GetFullPath(options.Get("content-root", "src/Rekindle.Web"));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        var settings = new Dictionary<string, string?>
        {
            ["Rekindle:DataPath"] = Path.GetFullPath(options.Get("data", "bench-data")),
            ["Rekindle:PublicUrl"] = "http://127.0.0.1",
            ["Keys:CreateIfMissing"] = "true",
        };
        if (options.Find("postgres") is { } postgres)
        {
            settings["Database:Provider"] = "Postgres";
            settings["Database:ConnectionString"] = postgres;
            settings["KeyStore:ConnectionString"] = options.Get("postgres-keys", postgres);
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddInstance();
        builder.AddKeys();
        builder.AddData();
        builder.AddKeyStore();
        builder.AddSealing();
        // The Identity tables' shape depends on this option, as in AccountFeature; without it EF sees a different model.
        builder.Services.Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        await using var app = builder.Build();
        app.LoadKeys();
        await app.MigrateDatabaseAsync();
        await app.MigrateKeyStoreAsync();

        var couples = int.Parse(options.Get("couples", "1000"), CultureInfo.InvariantCulture);
        var report = await Seeder.SeedAsync(app.Services, couples, contentRoot, Console.WriteLine);
        Console.WriteLine($"seed: {report.Couples:N0} couples, {report.Rows:N0} rows in {report.Elapsed.TotalSeconds:F1} s");
        if (options.Find("json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { report.Couples, report.Rows, Seconds = Math.Round(report.Elapsed.TotalSeconds, 1) }));
        }
    }

    private static async Task<int> RunAsync(Options options)
    {
        var url = new Uri(options.Get("url", "http://127.0.0.1:5080"));
        var couples = int.Parse(options.Get("couples", "1000"), CultureInfo.InvariantCulture);
        var users = Math.Min(couples, int.Parse(options.Get("users", "100"), CultureInfo.InvariantCulture));
        var seconds = double.Parse(options.Get("seconds", "15"), CultureInfo.InvariantCulture);
        var warmup = double.Parse(options.Get("warmup", "10"), CultureInfo.InvariantCulture);
        var rates = options.Get("rates", "100,200,400,800").Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList();
        var baseline = options.Find("baseline") is { } b ? double.Parse(b, CultureInfo.InvariantCulture) : (double?)null;

        var workload = new Workload(
            () => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10), MaxConnectionsPerServer = 4 },
            url, Console.WriteLine);
        // Couples spread over the whole seeded range, so the pages read rows from everywhere in the tables.
        var chosen = Enumerable.Range(0, users).Select(i => (int)((long)i * couples / users)).Distinct();
        await workload.SignInAsync(chosen);

        var memory = options.Find("server-pid") is { } pid ? new ServerMemory(int.Parse(pid, CultureInfo.InvariantCulture)) : null;
        var peaks = new Dictionary<string, double?>();
        async Task<StepResult> StepAsync(string name, double rate)
        {
            if (memory is null)
            {
                return await workload.RunStepAsync(rate, seconds);
            }

            var (result, peak) = await memory.WhileAsync(() => workload.RunStepAsync(rate, seconds));
            peaks[name] = peak;
            return result;
        }

        var steps = new List<(string Name, StepResult Result)>();
        if (warmup > 0)
        {
            Console.WriteLine($"warm-up: {rates[0]} req/s for {warmup} s");
            await workload.RunStepAsync(rates[0], warmup);
        }

        foreach (var rate in rates)
        {
            var result = await StepAsync($"step {rate}", rate);
            steps.Add(($"step {rate}", result));
            Console.WriteLine(Report.Line($"step {rate}", result, baseline, peaks.GetValueOrDefault($"step {rate}")));
            // Past saturation (two steps in a row with p99 over a second or over 1% errors) more load shows nothing new.
            if (steps.Count >= 2 && steps.TakeLast(2).All(s => s.Result.P99Ms > 1000 || s.Result.ErrorRate > 0.01))
            {
                break;
            }
        }

        var best = steps.Where(s => s.Result.Sustainable).Select(s => s.Result).MaxBy(s => s.OfferedRate);
        if (options.Has("confirm") && best is not null)
        {
            foreach (var (name, rate) in new[] { ("half of max", best.OfferedRate / 2), ("twice max", best.OfferedRate * 2) })
            {
                var result = await StepAsync(name, rate);
                steps.Add((name, result));
                Console.WriteLine(Report.Line(name, result, baseline, peaks.GetValueOrDefault(name)));
            }
        }

        var label = options.Get("label", $"{couples} couples");
        Console.WriteLine();
        Console.WriteLine(Report.Table(label, steps, best, baseline, users * 2, peaks));
        if (options.Find("json") is { } json)
        {
            await File.WriteAllTextAsync(json, Report.Json(label, couples, users * 2, steps, best, baseline, peaks));
        }

        return 0;
    }
}

/// <summary>"--name value" pairs and "--flag" switches.</summary>
internal sealed class Options(Dictionary<string, string?> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string?>();
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                values[name] = null;
            }
            else if (name is not null)
            {
                values[name] = arg;
                name = null;
            }
        }

        return new Options(values);
    }

    public string? Find(string name) => values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => Find(name) ?? fallback;

    public bool Has(string name) => values.ContainsKey(name);
}

internal static class Report
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Line(string name, StepResult r, double? baseline, double? rssMb = null) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name,-14} {r.Throughput,9:F1} req/s{Ratio(r.Throughput, baseline)}  p50 {r.P50Ms,7:F1}  p90 {r.P90Ms,7:F1}  p99 {r.P99Ms,7:F1}  max {r.MaxMs,7:F1} ms  errors {r.Errors} ({r.ErrorRate:P2}){(rssMb is { } mb ? $"  server RSS {mb:F0} MB" : "")}{(r.Sustainable ? "" : "  NOT sustainable")}");

    public static string Table(string label, List<(string Name, StepResult Result)> steps, StepResult? best, double? baseline, int partners, IReadOnlyDictionary<string, double?>? peaks = null)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Mixed workload, {label}, {partners} signed-in partners{(baseline is { } hb ? string.Create(CultureInfo.InvariantCulture, $", baseline H = {hb:F0} req/s (wrk, GET /bench/hello)") : "")}");
        text.AppendLine("| step | offered req/s | req/s | × H | p50 ms | p90 ms | p99 ms | p99 without sign-ins | max ms | errors | server RSS MB | sustainable |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (name, r) in steps)
        {
            var rss = peaks?.GetValueOrDefault(name) is { } mb ? mb.ToString("F0", CultureInfo.InvariantCulture) : "-";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {r.OfferedRate:F0} | {r.Throughput:F1} | {(baseline is { } h ? (r.Throughput / h).ToString("F3", CultureInfo.InvariantCulture) : "-")} | {r.P50Ms:F1} | {r.P90Ms:F1} | {r.P99Ms:F1} | {r.P99WithoutSignInMs:F1} | {r.MaxMs:F1} | {r.Errors} ({r.ErrorRate:P2}) | {rss} | {(r.Sustainable ? "yes" : "no")} |"));
        }

        text.AppendLine();
        text.AppendLine(best is null
            ? "Max sustainable: none of the steps (p99 ≤ 100 ms and errors ≤ 0.1%)."
            : string.Create(CultureInfo.InvariantCulture, $"Max sustainable: {best.OfferedRate:F0} req/s offered, {best.Throughput:F1} req/s served{Ratio(best.Throughput, baseline)}"));
        var detail = best ?? steps.FirstOrDefault().Result;
        if (detail is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Per kind at {(best is null ? "the first step" : "max sustainable")} ({detail.OfferedRate:F0} req/s offered):");
            text.AppendLine("| kind | requests | errors | p50 ms | p99 ms | max ms |");
            text.AppendLine("|---|---|---|---|---|---|");
            foreach (var (kind, k) in detail.Kinds)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {k.Requests} | {k.Errors} | {k.P50Ms:F1} | {k.P99Ms:F1} | {k.MaxMs:F1} |"));
            }
        }

        foreach (var (name, r) in steps.Where(s => s.Result.ErrorSamples.Count > 0))
        {
            text.AppendLine("errors in " + name + ": " + string.Join("; ", r.ErrorSamples.OrderByDescending(e => e.Value).Take(5).Select(e => $"{e.Key} ×{e.Value}")));
        }

        return text.ToString();
    }

    public static string Json(string label, int couples, int partners, List<(string Name, StepResult Result)> steps, StepResult? best, double? baseline, IReadOnlyDictionary<string, double?>? peaks = null) =>
        JsonSerializer.Serialize(new
        {
            label,
            couples,
            partners,
            baselineRps = baseline,
            maxSustainableOffered = best?.OfferedRate,
            maxSustainableThroughput = best?.Throughput,
            ratioToBaseline = best is not null && baseline is { } h ? Math.Round(best.Throughput / h, 4) : (double?)null,
            steps = steps.Select(s => new { name = s.Name, s.Result, errorRate = s.Result.ErrorRate, sustainable = s.Result.Sustainable, serverRssMb = peaks?.GetValueOrDefault(s.Name) }),
        }, Indented);

    private static string Ratio(double value, double? baseline) =>
        baseline is { } h && h > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({value / h:F3} × H)") : "";
}
