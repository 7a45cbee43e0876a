using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Rekindle.Bench;
using Rekindle.Testing;

namespace Rekindle.Tests.Platform;

/// <summary>
/// A short run of the benchmark harness (bench/Rekindle.Bench, docs/PERFORMANCE.md) against the app
/// in-process: a few seeded couples sign in through the real form and run every kind of request in
/// the mix for a few seconds without an error; what the seeder sealed opens in the app's pages.
/// </summary>
public abstract class BenchSmokeTests(TestProvider provider)
{
    [Fact]
    public async Task The_harness_seeds_couples_whose_history_opens_and_runs_the_mix_without_errors()
    {
        await using var app = new RekindleFactory(provider);
        _ = app.Server;
        var contentRoot = app.Services.GetRequiredService<IWebHostEnvironment>().ContentRootPath;
        var seeded = await Seeder.SeedAsync(app.Services, 3, contentRoot);
        Assert.InRange(seeded.Rows, 3 * 400, 3 * 2000);

        // Seeded members sign in with the shared password, and their sealed history opens.
        using (var browser = app.NewBrowser())
        {
            var home = await Journeys.SignInAsync(browser, Seeder.Email(1, 1), Seeder.Password);
            Assert.Contains("Hello, Alex", home.Text, StringComparison.Ordinal);
            var archive = await browser.GetAsync("/talk/archive");
            Assert.Equal(HttpStatusCode.OK, archive.Status);
            Assert.True(Seeder.SampleSentences.Any(s => archive.Text.Contains(s, StringComparison.Ordinal)), archive.Text);
            var dates = await browser.GetAsync("/time-together/dates");
            Assert.Equal(HttpStatusCode.OK, dates.Status);
        }

        // A gentle rate and a generous timeout: this checks the harness and the app's answers, not speed,
        // and CI runs it on two cores beside the rest of the suite.
        var workload = new Workload(() => app.Server.CreateHandler(), new Uri("https://localhost"), timeout: TimeSpan.FromSeconds(60));
        await workload.SignInAsync([0, 1, 2]);
        Assert.Equal(6, workload.Partners);
        var step = await workload.RunStepAsync(rate: 15, seconds: 3);
        Assert.Equal(45, step.Requests);
        Assert.True(step.Errors == 0, string.Join("; ", step.ErrorSamples.Select(e => $"{e.Key} ×{e.Value}")));
        // The mix is random (with a fixed seed): most kinds come up in 45 requests, pages and form posts alike.
        Assert.Contains(nameof(Kind.Today), step.Kinds.Keys);
        Assert.True(step.Kinds.Count >= 5, string.Join(", ", step.Kinds.Keys));
    }
}

public sealed class BenchSmokeTestsOnSqlite() : BenchSmokeTests(TestProvider.Sqlite);

public sealed class BenchSmokeTestsOnPostgres() : BenchSmokeTests(TestProvider.Postgres);
