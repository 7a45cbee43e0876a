using System.Diagnostics;
using System.Text.RegularExpressions;
using Rekindle.Testing;
using Rekindle.Web.Infrastructure.Hosting;

namespace Rekindle.Tests.Platform;

/// <summary>
/// The container set-up (decisions/0045, point 7), checked without a container engine: what `dotnet publish` puts in the
/// image, and the files' pinned images, version and health check. scripts/container-check.sh builds and starts the image
/// where an engine runs.
/// </summary>
public sealed partial class ContainerTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppProcess.ProjectFolder, "..", ".."));

    [Fact]
    public async Task Container_publish_leaves_out_the_design_time_tools_and_carries_the_content()
    {
        var output = Directory.CreateTempSubdirectory("rekindle-publish-").FullName;
        try
        {
            // What the Dockerfile runs, minus the build the tests already made.
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (
                var arg in new[]
                {
                    "publish",
                    "src/Rekindle.Web/Rekindle.Web.csproj",
                    "-c",
                    AppProcess.Configuration,
                    "--no-build",
                    "-o",
                    output,
                    "-nodeReuse:false",
                }
            )
            {
                start.ArgumentList.Add(arg);
            }

            using var publish = Process.Start(start)!;
            var said = publish.StandardOutput.ReadToEndAsync();
            var complained = publish.StandardError.ReadToEndAsync();
            await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            Assert.True(publish.ExitCode == 0, await said + await complained);

            Assert.False(
                File.Exists(Path.Combine(output, "Microsoft.EntityFrameworkCore.Design.dll")),
                "The design-time EF tools were published."
            );
            Assert.DoesNotContain(
                "Microsoft.EntityFrameworkCore.Design",
                await File.ReadAllTextAsync(Path.Combine(output, "Rekindle.Web.deps.json")),
                StringComparison.Ordinal
            );
            Assert.True(File.Exists(Path.Combine(output, "Content", "common-passwords.txt")), "The content is not beside the app.");
            Assert.True(Directory.Exists(Path.Combine(output, "Content", "support")), "The content is not beside the app.");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Container_images_are_pinned_to_a_minor_version()
    {
        var references = new List<string>();
        foreach (var file in new[] { "compose.yaml", "deploy/scale/compose.yaml" })
        {
            references.AddRange(ImageLine().Matches(File.ReadAllText(Path.Combine(Root, file))).Select(m => m.Groups[1].Value));
        }

        references.AddRange(FromLine().Matches(File.ReadAllText(Path.Combine(Root, "Dockerfile"))).Select(m => m.Groups[1].Value));
        Assert.True(references.Count >= 6, string.Join(", ", references));
        foreach (var image in references)
        {
            // "caddy:2.10", "postgres:17.6", "sdk:10.0-noble": a major and a minor; never a bare major or latest.
            Assert.Matches(@":\d+\.\d+", image);
        }
    }

    [Fact]
    public void Container_default_is_one_server_on_sqlite_named_with_the_version_and_checked_by_the_app()
    {
        var compose = File.ReadAllText(Path.Combine(Root, "compose.yaml"));
        Assert.Contains($"image: rekindle:{AppVersion.Current}", compose, StringComparison.Ordinal);
        Assert.Contains("""test: ["CMD", "dotnet", "Rekindle.Web.dll", "healthcheck"]""", compose, StringComparison.Ordinal);
        Assert.Contains("rekindle-data:/data", compose, StringComparison.Ordinal);
        Assert.Contains("${REKINDLE_PUBLIC_URL:?", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("Postgres", compose, StringComparison.Ordinal);
        Assert.Contains(
            """CMD ["dotnet", "Rekindle.Web.dll", "healthcheck"]""",
            File.ReadAllText(Path.Combine(Root, "Dockerfile")),
            StringComparison.Ordinal
        );

        // Every file the compose files mount is where they say.
        foreach (var file in new[] { "compose.yaml", "deploy/scale/compose.yaml" })
        {
            var folder = Path.GetDirectoryName(Path.Combine(Root, file))!;
            foreach (Match mount in LocalMount().Matches(File.ReadAllText(Path.Combine(Root, file))))
            {
                Assert.True(
                    File.Exists(Path.Combine(folder, mount.Groups[1].Value)),
                    $"{file} mounts {mount.Groups[1].Value}, which is not there."
                );
            }
        }
    }

    [Fact]
    public void Container_readme_shows_the_whole_https_set_up_in_one_place()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        foreach (
            var line in File.ReadAllLines(Path.Combine(Root, "deploy", "Caddyfile.single")).Where(l => l.Length > 0 && !l.StartsWith('#'))
        )
        {
            Assert.Contains(line, readme, StringComparison.Ordinal);
        }

        Assert.Contains("docker compose --profile https up -d", readme, StringComparison.Ordinal);
        Assert.Contains("--urls http://0.0.0.0:", readme, StringComparison.Ordinal);
        Assert.Contains("Rekindle.Web.dll accounts confirm", readme, StringComparison.Ordinal);
        Assert.Contains("Rekindle.Web.dll send-test-email", readme, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\s*image:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"^FROM\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\s*-\s*(\./[^:\s]+):", RegexOptions.Multiline)]
    private static partial Regex LocalMount();
}
