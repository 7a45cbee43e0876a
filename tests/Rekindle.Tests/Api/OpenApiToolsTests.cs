using System.Diagnostics;
using System.Net;
using System.Text;
using Rekindle.Testing;

namespace Rekindle.Tests.Api;

/// <summary>
/// The OpenAPI document as tools from outside take it (issue 27, decisions/0021 "Since issue 27"): Redocly's linter with its
/// recommended rules finds no error, and a typed C# client generated from it by NSwag compiles. The document describes routes,
/// never data, so one provider is enough.
/// </summary>
public sealed class OpenApiToolsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [RedoclyFact]
    public async Task Redocly_finds_no_error_in_the_document_with_its_recommended_rules()
    {
        var folder = Directory.CreateDirectory(Path.Combine(OpenApiTools.Root, "TestResults", "openapi")).FullName;
        var document = await WriteDocumentAsync(folder);
        var lint = await OutsideTool.RunAsync(
            "node",
            [OpenApiTools.Redocly, "lint", document, "--config", Path.Combine(OpenApiTools.Folder, "redocly.yaml"), "--format=stylish"],
            OpenApiTools.Folder,
            TimeSpan.FromSeconds(120)
        );
        Assert.True(lint.ExitCode == 0, $"Redocly found errors in {document} (exit {lint.ExitCode}):\n{lint.Output}");
    }

    [Fact]
    public async Task A_typed_csharp_client_generated_by_nswag_compiles()
    {
        var project = Directory.CreateTempSubdirectory("rekindle-client-");
        try
        {
            var document = await WriteDocumentAsync(project.FullName);
            // The local tool manifest (.config/dotnet-tools.json) pins NSwag; restoring is quick once it is in the cache.
            await OutsideTool.RunDotnetAsync(["tool", "restore"], OpenApiTools.Root, TimeSpan.FromMinutes(3));
            await OutsideTool.RunDotnetAsync(
                [
                    "tool",
                    "run",
                    "nswag",
                    "openapi2csclient",
                    "/input:" + document,
                    "/output:" + Path.Combine(project.FullName, "RekindleClient.cs"),
                    "/namespace:Rekindle.Client",
                    "/className:RekindleClient",
                    "/jsonLibrary:SystemTextJson",
                    "/operationGenerationMode:SingleClientFromOperationId",
                    "/generateNullableReferenceTypes:true",
                    "/generateOptionalPropertiesAsNullable:true",
                ],
                OpenApiTools.Root,
                TimeSpan.FromMinutes(2)
            );

            // A temp folder, so none of the repository's build settings or analyzers apply: only whether the code compiles.
            await File.WriteAllTextAsync(
                Path.Combine(project.FullName, "Rekindle.Client.csproj"),
                """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                  </PropertyGroup>
                </Project>
                """
            );
            // The operations come out as typed methods named by their operation ids, with the app's DTOs as their types.
            await File.WriteAllTextAsync(
                Path.Combine(project.FullName, "Usage.cs"),
                """
                namespace Rekindle.Client;

                public static class Usage
                {
                    public static async System.Threading.Tasks.Task<int> CountAsync(System.Net.Http.HttpClient http)
                    {
                        var client = new RekindleClient(http);
                        TokenPair pair = await client.CreateTokenAsync(new TokenRequest { Email = "a@example.org", Password = "p" });
                        RepairHubDto hub = await client.GetRepairsAsync();
                        LettingGoDto lettingGo = await client.ListLettingGoAsync();
                        return hub.Repairs.Count + lettingGo.Exercises.Count + pair.AccessToken.Length;
                    }
                }
                """
            );
            await OutsideTool.RunDotnetAsync(
                ["build", project.FullName, "-c", "Release", "-nologo", "--disable-build-servers", "-nodeReuse:false"],
                project.FullName,
                TimeSpan.FromMinutes(4)
            );
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }

    /// <summary>The served document, written as v1.json into the folder (TestResults/openapi for the lint: kept, to read or lint by
    /// hand).</summary>
    private async Task<string> WriteDocumentAsync(string folder)
    {
        using var api = ApiClient.For(app);
        var response = await api.GetAsync(Rekindle.Web.Infrastructure.Api.ApiFeature.DocumentPath);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var file = Path.Combine(folder, "v1.json");
        await File.WriteAllTextAsync(file, response.Body);
        return file;
    }
}

/// <summary>Where the OpenAPI test tools live: tools/openapi (Redocly's CLI, pinned by its package-lock.json).</summary>
public static class OpenApiTools
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(AppProcess.ProjectFolder, "..", ".."));

    public static string Folder { get; } = Path.Combine(Root, "tools", "openapi");

    public static string Redocly { get; } = Path.Combine(Folder, "node_modules", "@redocly", "cli", "bin", "cli.js");

    /// <summary>Why the linter cannot run here, or null when it can.</summary>
    public static string? Missing { get; } =
        !OutsideTool.OnPath("node") ? "node is not installed (scripts/test.sh installs it)"
        : !File.Exists(Redocly) ? "Redocly's CLI is not installed: run `npm ci` in tools/openapi (scripts/test.sh does)"
        : null;
}

/// <summary>A test that needs node and Redocly's CLI: skipped with the reason when they are absent (scripts/test.sh has both and
/// fails on any skipped test).</summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (OpenApiTools.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>Runs a program from outside the app with a time limit and returns its exit code with everything it printed.</summary>
public static class OutsideTool
{
    public sealed record Result(int ExitCode, string Output);

    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    /// <summary>dotnet with the given arguments; fails the test with the output when it does not exit 0.</summary>
    public static async Task RunDotnetAsync(IEnumerable<string> arguments, string folder, TimeSpan timeout)
    {
        var list = arguments.ToList();
        var result = await RunAsync("dotnet", list, folder, timeout);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', list)} failed (exit {result.ExitCode}):\n{result.Output}");
    }

    public static async Task<Result> RunAsync(string program, IEnumerable<string> arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into a build of another project.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"(stopped after {timeout.TotalSeconds:0} s)");
            return new Result(-1, Read(output));
        }

        process.WaitForExit();
        return new Result(process.ExitCode, Read(output));
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
